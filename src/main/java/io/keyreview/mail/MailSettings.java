package io.keyreview.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How digests are sent ({@code keyreview.mail.*}); the SMTP server itself is
 * {@code spring.mail.*}.
 *
 * @param from the sender, whose domain also ends every Message-ID
 * @param retries how often a failed send is retried before the message is left in the
 * outbox
 * @param backoff the wait before the first retry, doubled for each next one
 * @param maxBackoff the longest wait between two retries
 */
@ConfigurationProperties("keyreview.mail")
public record MailSettings(@DefaultValue("keyreview@example.com") String from, @DefaultValue("3") int retries,
		@DefaultValue("2s") Duration backoff, @DefaultValue("30s") Duration maxBackoff) {

	String domain() {
		int at = this.from.lastIndexOf('@');
		return (at >= 0) ? this.from.substring(at + 1) : "keyreview.local";
	}

}
