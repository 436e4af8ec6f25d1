package io.keyreview.intake;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One input row that cannot be loaded; the load step skips it and records it as rejected.
 * Control characters in its reason and text (a NUL byte, say) are shown as {@code \xNN},
 * so that no log line, table or rejects file carries them raw.
 */
public class BadRowException extends RuntimeException {

	private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

	private final String file;

	private final long line;

	private final @Nullable String keyId;

	private final String reason;

	private final String rowText;

	public BadRowException(String file, long line, @Nullable String keyId, String reason, String rowText) {
		super(file + " line " + line + ": " + visible(reason));
		this.file = file;
		this.line = line;
		this.keyId = (keyId != null) ? visible(keyId) : null;
		this.reason = visible(reason);
		this.rowText = visible(rowText);
	}

	private static String visible(String text) {
		Matcher control = CONTROL.matcher(text);
		return control.find() ? control.replaceAll((match) -> String.format("\\\\x%02X", (int) match.group().charAt(0)))
				: text;
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
