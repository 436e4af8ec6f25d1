package io.keyreview.support;

import org.jspecify.annotations.Nullable;

/**
 * One input row that cannot be loaded; the load step skips it and records it as rejected.
 */
public class BadRowException extends RuntimeException {

	private final String file;

	private final long line;

	private final @Nullable String keyId;

	private final String reason;

	private final String rowText;

	public BadRowException(String file, long line, @Nullable String keyId, String reason, String rowText) {
		super(file + " line " + line + ": " + reason);
		this.file = file;
		this.line = line;
		this.keyId = keyId;
		this.reason = reason;
		this.rowText = rowText;
	}

	public String file() {
		return this.file;
	}

	public long line() {
		return this.line;
	}

	public @Nullable String keyId() {
		return this.keyId;
	}

	public String reason() {
		return this.reason;
	}

	public String rowText() {
		return this.rowText;
	}

}
