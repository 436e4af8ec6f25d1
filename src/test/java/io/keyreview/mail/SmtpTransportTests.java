package io.keyreview.mail;

import java.time.Duration;

import io.keyreview.jobs.SmtpStub;
import org.junit.jupiter.api.Test;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

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

	private static void send(SmtpStub stub, String heloName) throws Exception {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(stub.port());
		MailSettings settings = new MailSettings("keyreview@example.com", 0, Duration.ZERO, Duration.ZERO, "keyreview",
				null, heloName);
		new SmtpTransport(sender, settings).send(MESSAGE, Sender.of(settings, "security@example.com"));
	}

}
