package io.keyreview.mail;

import java.nio.charset.StandardCharsets;

import com.samskivert.mustache.Escapers;
import io.keyreview.secrets.SecretRedactor;
import org.jspecify.annotations.Nullable;

import org.springframework.util.DigestUtils;

/** One message waiting in, or sent from, the outbox. */
record OutboxMessage(String messageId, String cycle, String recipient, @Nullable String cc, String subject, String text,
		String html) {

	/**
	 * keyreview's Message-ID for {@code identity} among the messages named {@code name}
	 * ({@code 2026-11}, {@code receipt}, {@code 2026-11.overdue}): the same identity gets
	 * the same Message-ID, so the outbox takes it once.
	 */
	static String messageId(String name, String identity, String domain) {
		return "<keyreview." + name + "." + DigestUtils.md5DigestAsHex(identity.getBytes(StandardCharsets.UTF_8)) + "@"
				+ domain + ">";
	}

	/**
	 * A notice of plain text (a receipt, a copy to security), its HTML part the same
	 * text; secrets redacted in both and in the subject.
	 */
	static OutboxMessage notice(String messageId, String cycle, String recipient, String subject, String text) {
		return notice(messageId, cycle, recipient, null, subject, text);
	}

	static OutboxMessage notice(String messageId, String cycle, String recipient, @Nullable String cc, String subject,
			String text) {
		String html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"UTF-8\"><title>"
				+ Escapers.HTML.escape(subject) + "</title></head>\n<body><pre>" + Escapers.HTML.escape(text)
				+ "</pre></body>\n</html>\n";
		return new OutboxMessage(messageId, cycle, recipient, cc, SecretRedactor.redact(subject),
				SecretRedactor.redact(text), SecretRedactor.redact(html));
	}

}
