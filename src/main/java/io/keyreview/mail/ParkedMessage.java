package io.keyreview.mail;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A message that can never be delivered, kept in the outbox with the reason. */
public record ParkedMessage(String messageId, String cycle, String recipient, @Nullable String cc, String reason,
		Instant parkedAt) {

	/** "to ann@example.com (cc team-a@example.com), 2026-11: the reason". */
	public String describe() {
		return "to " + this.recipient + ((this.cc != null) ? " (cc " + this.cc + ")" : "") + ", " + this.cycle + ": "
				+ this.reason;
	}

}
