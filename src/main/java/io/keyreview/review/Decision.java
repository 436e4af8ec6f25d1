package io.keyreview.review;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;

/** What a review proposes for a key, in precedence order: the first that applies wins. */
public enum Decision {

	DELETE, DISABLE, ROTATE, REASSIGN, NARROW, ESCALATE, KEEP;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Decision of(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT));
	}

	/** The decision of the findings that fail: the first by precedence, or keep. */
	public static Decision forFindings(Collection<Finding> findings) {
		return findings.stream().map(Finding::decision).min(Comparator.naturalOrder()).orElse(KEEP);
	}

}
