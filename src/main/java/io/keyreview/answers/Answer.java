package io.keyreview.answers;

import java.time.Instant;

import io.keyreview.review.Decision;
import io.keyreview.support.Sha256;
import org.jspecify.annotations.Nullable;

/**
 * A decision on one item of a cycle's work list, as someone allowed to answer gave it.
 *
 * @param channel how it came: {@code mail}, {@code file} or {@code default}
 * @param ref where it came from: the message's Message-ID, or the file and line
 */
public record Answer(String cycle, String keyId, Decision decision, @Nullable String reason, String answeredBy,
		Instant answeredAt, String channel, String ref) {

	/** The same for a second copy of the same message, or the same line landed again. */
	public String fingerprint() {
		String identity = String.join("\n", this.channel, this.cycle, this.keyId, this.decision.code(), this.answeredBy,
				this.ref);
		return Sha256.hex(identity);
	}

}
