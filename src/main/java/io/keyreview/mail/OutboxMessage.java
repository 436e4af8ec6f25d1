package io.keyreview.mail;

import org.jspecify.annotations.Nullable;

/** One digest waiting in, or sent from, the outbox. */
record OutboxMessage(String messageId, String cycle, String recipient, @Nullable String cc, String subject, String text,
		String html) {

}
