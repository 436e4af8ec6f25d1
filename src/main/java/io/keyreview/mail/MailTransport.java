package io.keyreview.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.MimeMessageHelper;

/** Where digests go: an SMTP server, or {@code .eml} files when none is configured. */
interface MailTransport {

	void send(OutboxMessage message, String from) throws Exception;

	/** A multipart (text and HTML) message that keeps the outbox's Message-ID. */
	static MimeMessage mimeMessage(Session session, OutboxMessage message, String from) throws MessagingException {
		MimeMessage mime = new MimeMessage(session);
		MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED, "UTF-8");
		helper.setFrom(from);
		helper.setTo(message.recipient());
		if (message.cc() != null) {
			helper.setCc(message.cc());
		}
		helper.setSubject(message.subject());
		helper.setText(message.text(), message.html());
		mime.saveChanges();
		mime.setHeader("Message-ID", message.messageId());
		return mime;
	}

}
