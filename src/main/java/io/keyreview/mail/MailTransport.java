package io.keyreview.mail;

import java.nio.charset.StandardCharsets;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** Where digests go: an SMTP server, or {@code .eml} files when none is configured. */
interface MailTransport {

	/**
	 * A connection that a batch of messages shares; nothing is opened before the first
	 * send.
	 */
	Connection connect();

	/** Sends messages one after another over what {@link #connect()} opened. */
	interface Connection extends AutoCloseable {

		void send(OutboxMessage message, Sender sender) throws Exception;

		@Override
		default void close() {
		}

	}

	/**
	 * A multipart/alternative (text and HTML) message that keeps the outbox's Message-ID,
	 * marked as automatic (RFC 3834) so out-of-office replies stay away; each part
	 * quoted-printable, so no line is longer than 76 characters.
	 */
	static MimeMessage mimeMessage(Session session, OutboxMessage message, Sender sender) throws MessagingException {
		MimeMessage mime = new MimeMessage(session);
		mime.setFrom(sender.from());
		mime.setReplyTo(new InternetAddress[] { sender.replyTo() });
		mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.recipient(), true));
		if (message.cc() != null) {
			mime.setRecipient(Message.RecipientType.CC, new InternetAddress(message.cc(), true));
		}
		mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
		mime.setHeader("Auto-Submitted", "auto-generated");
		MimeMultipart alternative = new MimeMultipart("alternative");
		alternative.addBodyPart(textPart(message.text(), "plain"));
		alternative.addBodyPart(textPart(message.html(), "html"));
		mime.setContent(alternative);
		mime.saveChanges();
		mime.setHeader("Message-ID", message.messageId());
		return mime;
	}

	private static MimeBodyPart textPart(String text, String subtype) throws MessagingException {
		MimeBodyPart part = new MimeBodyPart();
		part.setText(text, StandardCharsets.UTF_8.name(), subtype);
		part.setHeader("Content-Transfer-Encoding", "quoted-printable");
		return part;
	}

}
