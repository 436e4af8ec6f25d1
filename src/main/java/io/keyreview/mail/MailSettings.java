package io.keyreview.mail;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How digests are sent ({@code keyreview.mail.*}); the SMTP server itself is
 * {@code spring.mail.*}.
 *
 * @param from the sender, whose domain also ends every Message-ID
 * @param retries how often a send that failed for a passing reason (no connection, a 4xx
 * reply) is retried before the message is left in the outbox
 * @param backoff the wait before the first retry, doubled for each next one
 * @param maxBackoff the longest wait between two retries
 * @param fromName the sender's display name
 * @param replyTo where replies go; the security address
 * ({@code keyreview.review.security}) when not set
 * @param heloName the host name the SMTP client greets with
 * ({@code mail.smtp.localhost}); the machine's canonical host name when not set and fully
 * qualified, else the sender's domain
 * @param batchSize how many messages deliverMail reads from the outbox at a time, sends
 * over one SMTP connection, and counts in one update of the job repository; each is still
 * marked sent in its own transaction right after the server accepted it
 * @param connections how many SMTP connections a batch is sent over at once, its messages
 * dealt out among them in delivery order: a server takes messages over several
 * connections faster than over one; 1 sends in outbox order
 */
@ConfigurationProperties("keyreview.mail")
public record MailSettings(@DefaultValue("keyreview@example.com") String from, @DefaultValue("3") int retries,
		@DefaultValue("2s") Duration backoff, @DefaultValue("30s") Duration maxBackoff,
		@DefaultValue("keyreview") String fromName, @Nullable String replyTo, @Nullable String heloName,
		@DefaultValue("100") int batchSize, @DefaultValue("4") int connections) {

	public MailSettings {
		if (batchSize < 1) {
			throw new IllegalArgumentException("keyreview.mail.batch-size must be at least 1, was " + batchSize);
		}
		if (connections < 1) {
			throw new IllegalArgumentException("keyreview.mail.connections must be at least 1, was " + connections);
		}
	}

	String domain() {
		int at = this.from.lastIndexOf('@');
		return (at >= 0) ? this.from.substring(at + 1) : "keyreview.local";
	}

	/** The name the SMTP client greets with: strict servers refuse {@code localhost}. */
	String greetingName() {
		if (this.heloName != null && !this.heloName.isBlank()) {
			return this.heloName.strip();
		}
		try {
			String canonical = InetAddress.getLocalHost().getCanonicalHostName();
			if (canonical.contains(".") && !canonical.startsWith("localhost") && !canonical.matches("[0-9.]+")
					&& !canonical.contains(":")) {
				return canonical;
			}
		}
		catch (UnknownHostException ex) {
			// the sender's domain will do
		}
		return domain();
	}

}
