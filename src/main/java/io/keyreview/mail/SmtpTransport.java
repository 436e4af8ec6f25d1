package io.keyreview.mail;

import java.util.Properties;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends through the SMTP server of {@code spring.mail.*}, greeting it with a real host
 * name unless {@code spring.mail.properties.mail.smtp.localhost} names one.
 */
class SmtpTransport implements MailTransport {

	private final JavaMailSenderImpl sender;

	SmtpTransport(JavaMailSenderImpl sender, MailSettings settings) {
		Properties properties = new Properties();
		properties.putAll(sender.getJavaMailProperties());
		properties.putIfAbsent("mail.smtp.localhost", settings.greetingName());
		sender.setJavaMailProperties(properties);
		this.sender = sender;
	}

	@Override
	public void send(OutboxMessage message, Sender from) throws Exception {
		this.sender.send(MailTransport.mimeMessage(this.sender.getSession(), message, from));
	}

	@Override
	public String toString() {
		return "SMTP " + this.sender.getHost() + ":" + this.sender.getPort();
	}

}
