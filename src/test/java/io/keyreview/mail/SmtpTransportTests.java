package io.keyreview.mail;

import java.net.Socket;
import java.time.Duration;

import io.keyreview.jobs.SmtpStub;
import org.junit.jupiter.api.Test;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** What the SMTP client says to the server before the message. */
class SmtpTransportTests {

	private static final OutboxMessage MESSAGE = new OutboxMessage("<keyreview.test.1@example.com>", "2026-11",
			"ann@example.com", null, "[keyreview] test", "text", "<p>html</p>");

	@Test
	void greetsWithTheConfiguredHostName() throws Exception {
		try (SmtpStub stub = new SmtpStub()) {
			send(stub, "keyreview.example.org");

			assertThat(stub.greetings()).containsExactly("EHLO keyreview.example.org");
		}
	}

	@Test
	void greetsWithAFullyQualifiedNameByDefaultNeverLocalhost() throws Exception {
		try (SmtpStub stub = new SmtpStub()) {
			send(stub, null);

			assertThat(stub.greetings()).singleElement()
				.asString()
				.startsWith("EHLO ")
				.doesNotContain("localhost")
				.matches("EHLO [A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+")
				.doesNotMatch("EHLO [0-9.]+");
		}
	}

	@Test
	void sendsOverSocketsWithoutNaglesDelayUnlessTheConnectionIsImplicitTls() throws Exception {
		try (SmtpStub stub = new SmtpStub()) {
			JavaMailSenderImpl sender = new JavaMailSenderImpl();
			sender.setHost("127.0.0.1");
			sender.setPort(stub.port());
			MailSettings settings = settings("keyreview.example.org");
			try (MailTransport.Connection connection = new SmtpTransport(sender, settings).connect()) {
				connection.send(MESSAGE, Sender.of(settings, "security@example.com"));
			}

			assertThat(stub.deliveries()).isEqualTo(1);
			Object factory = sender.getSession().getProperties().get("mail.smtp.socketFactory");
			assertThat(factory).isInstanceOf(NoDelaySocketFactory.class);
			try (Socket socket = ((NoDelaySocketFactory) factory).createSocket()) {
				assertThat(socket.getTcpNoDelay()).isTrue();
			}
		}
		JavaMailSenderImpl implicitTls = new JavaMailSenderImpl();
		implicitTls.getJavaMailProperties().setProperty("mail.smtp.ssl.enable", "true");
		new SmtpTransport(implicitTls, settings(null));
		assertThat(implicitTls.getSession().getProperties()).doesNotContainKey("mail.smtp.socketFactory");
	}

	@Test
	void aRecipientRefusedWithA5xxReplyIsAPermanentFailure() throws Exception {
		try (SmtpStub stub = new SmtpStub()) {
			stub.answerRecipient("ann@example.com", "550 5.1.1 no such user");

			Throwable failure = catchThrowable(() -> send(stub, "keyreview.example.org"));

			assertThat(SendFailure.isPermanent(failure)).as("%s", failure).isTrue();
			assertThat(SendFailure.reason(failure)).contains("550 5.1.1 no such user");
		}
	}

	@Test
	void aRecipientRefusedWithA4xxReplyIsAPassingFailure() throws Exception {
		try (SmtpStub stub = new SmtpStub()) {
			stub.answerRecipient("ann@example.com", "452 4.2.2 mailbox full");

			Throwable failure = catchThrowable(() -> send(stub, "keyreview.example.org"));

			assertThat(SendFailure.isPermanent(failure)).as("%s", failure).isFalse();
		}
	}

	@Test
	void aRefusedSenderIsNoMessagesFaultAndParksNothing() throws Exception {
		try (SmtpStub stub = new SmtpStub()) {
			stub.answerSender("553 5.7.1 sender rejected");

			Throwable failure = catchThrowable(() -> send(stub, "keyreview.example.org"));

			assertThat(failure).isNotNull();
			assertThat(SendFailure.isPermanent(failure)).as("%s", failure).isFalse();
		}
	}

	@Test
	void noServerIsAPassingFailure() throws Exception {
		SmtpStub stub = new SmtpStub();
		stub.close();

		Throwable failure = catchThrowable(() -> send(stub, "keyreview.example.org"));

		assertThat(failure).isNotNull();
		assertThat(SendFailure.isPermanent(failure)).as("%s", failure).isFalse();
	}

	@Test
	void anAddressNoServerCanTakeIsAPermanentFailure() {
		OutboxMessage message = new OutboxMessage("<keyreview.test.2@example.com>", "2026-11", "ann@example.com",
				"<script>alert(1)</script>@x.com", "[keyreview] test", "text", "<p>html</p>");

		Throwable failure = catchThrowable(
				() -> MailTransport.mimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()), message,
						Sender.of(settings(null), "security@example.com")));

		assertThat(SendFailure.isPermanent(failure)).as("%s", failure).isTrue();
	}

	private static MailSettings settings(String heloName) {
		return new MailSettings("keyreview@example.com", 0, Duration.ZERO, Duration.ZERO, "keyreview", null, heloName,
				100, 1);
	}

	private static void send(SmtpStub stub, String heloName) throws Exception {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(stub.port());
		MailSettings settings = settings(heloName);
		try (MailTransport.Connection connection = new SmtpTransport(sender, settings).connect()) {
			connection.send(MESSAGE, Sender.of(settings, "security@example.com"));
		}
	}

}
