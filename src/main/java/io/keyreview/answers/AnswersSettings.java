package io.keyreview.answers;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where owners answer ({@code keyreview.answers.*}).
 *
 * @param address the answers mailbox: digests offer each decision as a {@code mailto:}
 * link to it; none when not set
 * @param secret the key of the links' signatures, from {@code KEYREVIEW_ANSWERS_SECRET};
 * never stored, never logged
 * @param secretFile a mounted file holding that key, when it does not come from the
 * environment
 * @param mailbox the IMAP mailbox the nightly reads answers from; none when its host is
 * not set
 */
@ConfigurationProperties("keyreview.answers")
public record AnswersSettings(@Nullable String address, @Nullable String secret, @Nullable Path secretFile,
		@DefaultValue Mailbox mailbox) {

	/**
	 * The answers mailbox, over IMAP (over TLS unless {@code protocol} is {@code imap}).
	 *
	 * @param password from {@code KEYREVIEW_ANSWERS_MAILBOX_PASSWORD}; never logged
	 * @param processed the folder a recorded answer is moved to
	 * @param refused the folder every other message is moved to, its reason recorded
	 * @param maxSize a larger message is refused unread
	 */
	public record Mailbox(@Nullable String host, @DefaultValue("993") int port, @DefaultValue("imaps") String protocol,
			@Nullable String username, @Nullable String password, @DefaultValue("INBOX") String folder,
			@DefaultValue("processed") String processed, @DefaultValue("refused") String refused,
			@DefaultValue("2MB") DataSize maxSize) {

		public boolean configured() {
			return this.host != null && !this.host.isBlank();
		}

		@Override
		public String toString() {
			return this.protocol + "://" + ((this.username != null) ? this.username + "@" : "") + this.host + ":"
					+ this.port + "/" + this.folder;
		}

	}

	@Override
	public String toString() {
		return "AnswersSettings[address=" + this.address + ", secret=" + ((this.secret != null) ? "(set)" : "(none)")
				+ ", secretFile=" + this.secretFile + ", mailbox=" + this.mailbox + "]";
	}

}
