package io.keyreview.mail;

import java.util.Date;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.StringUtils;

/**
 * Sends through the SMTP server of {@code spring.mail.*}, greeting it with a real host
 * name unless {@code spring.mail.properties.mail.smtp.localhost} names one. A batch of
 * messages shares one connection: opened at the first message, checked (NOOP) before each
 * next one and opened again when the server closed it, and closed after a failed send, so
 * that a retry starts on a fresh connection. Unless {@code mail.smtp.ssl.enable} is set
 * or another socket factory is, its sockets send without delay
 * ({@link NoDelaySocketFactory}); a STARTTLS connection starts on one of them.
 */
class SmtpTransport implements MailTransport {

	private final JavaMailSenderImpl sender;

	SmtpTransport(JavaMailSenderImpl sender, MailSettings settings) {
		Properties properties = new Properties();
		properties.putAll(sender.getJavaMailProperties());
		properties.putIfAbsent("mail.smtp.localhost", settings.greetingName());
		if (!Boolean.parseBoolean(properties.getProperty("mail.smtp.ssl.enable"))) {
			properties.putIfAbsent("mail.smtp.socketFactory", new NoDelaySocketFactory());
		}
		sender.setJavaMailProperties(properties);
		this.sender = sender;
	}

	@Override
	public Connection connect() {
		return new SmtpConnection();
	}

	@Override
	public String toString() {
		return "SMTP " + this.sender.getHost() + ":" + this.sender.getPort();
	}

	private final class SmtpConnection implements Connection {

		private @Nullable Transport transport;

		@Override
		public void send(OutboxMessage message, Sender from) throws Exception {
			MimeMessage mime = MailTransport.mimeMessage(SmtpTransport.this.sender.getSession(), message, from);
			mime.setSentDate(new Date());
			try {
				Transport open = open();
				open.sendMessage(mime, mime.getAllRecipients());
			}
			catch (MessagingException ex) {
				close();
				throw ex;
			}
		}

		private Transport open() throws MessagingException {
			if (this.transport != null && this.transport.isConnected()) {
				return this.transport;
			}
			close();
			JavaMailSenderImpl sender = SmtpTransport.this.sender;
			String protocol = (sender.getProtocol() != null) ? sender.getProtocol()
					: sender.getSession().getProperty("mail.transport.protocol");
			Transport opened = sender.getSession().getTransport((protocol != null) ? protocol : "smtp");
			boolean authenticated = StringUtils.hasLength(sender.getUsername());
			opened.connect(sender.getHost(), sender.getPort(), authenticated ? sender.getUsername() : null,
					authenticated ? sender.getPassword() : null);
			this.transport = opened;
			return opened;
		}

		@Override
		public void close() {
			if (this.transport != null) {
				try {
					this.transport.close();
				}
				catch (MessagingException ex) {
					// the server went away first: nothing left to close
				}
				this.transport = null;
			}
		}

	}

}
