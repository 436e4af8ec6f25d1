package io.keyreview.mail;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.jspecify.annotations.Nullable;

/** Who a digest is from and where replies go, checked once at start. */
record Sender(InternetAddress from, InternetAddress replyTo) {

	static Sender of(MailSettings settings, String defaultReplyTo) {
		try {
			InternetAddress from = new InternetAddress(settings.from(), true);
			from.setPersonal(settings.fromName(), StandardCharsets.UTF_8.name());
			return new Sender(from, new InternetAddress(replyTo(settings, defaultReplyTo), true));
		}
		catch (AddressException | UnsupportedEncodingException ex) {
			throw new IllegalStateException("keyreview.mail.from '" + settings.from() + "' or keyreview.mail.reply-to '"
					+ replyTo(settings, defaultReplyTo) + "' is not an e-mail address: fix the setting", ex);
		}
	}

	private static String replyTo(MailSettings settings, String defaultReplyTo) {
		@Nullable String replyTo = settings.replyTo();
		return (replyTo != null && !replyTo.isBlank()) ? replyTo.strip() : defaultReplyTo;
	}

}
