package io.keyreview.mail;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Sends through the SMTP server of {@code spring.mail.*}. */
class SmtpTransport implements MailTransport {

	private final JavaMailSenderImpl sender;

	SmtpTransport(JavaMailSenderImpl sender) {
		this.sender = sender;
	}

	@Override
	public void send(OutboxMessage message, String from) throws Exception {
		this.sender.send(MailTransport.mimeMessage(this.sender.getSession(), message, from));
	}

	@Override
	public String toString() {
		return "SMTP " + this.sender.getHost() + ":" + this.sender.getPort();
	}

}
