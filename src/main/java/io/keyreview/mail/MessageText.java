package io.keyreview.mail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import org.jspecify.annotations.Nullable;

/**
 * What an answer says in its own words (its plain text, else its HTML without tags),
 * without the quoted digest or the signature: its reason (without a {@code Reason:}
 * label), or the lines of a plain reply.
 */
final class MessageText {

	private static final Pattern TAG = Pattern.compile("<[^>]*>");

	private static final Pattern QUOTE_HEADER = Pattern.compile("(?i)^(on .+ wrote:|-+ ?original message ?-+)$");

	private MessageText() {
	}

	static @Nullable String reasonIn(Part message, int maxLength) throws MessagingException {
		String reason = String.join(" ", ownLines(message)).replaceAll("\\s+", " ").strip();
		if (reason.toLowerCase(Locale.ROOT).startsWith("reason:")) {
			reason = reason.substring("reason:".length()).strip();
		}
		if (reason.isEmpty()) {
			return null;
		}
		return (reason.length() > maxLength) ? reason.substring(0, maxLength) : reason;
	}

	/**
	 * The message's own lines, stripped: none of the quoted digest ({@code >} lines, what
	 * follows {@code On … wrote:} or an original-message line) or the signature
	 * ({@code --}).
	 */
	static List<String> ownLines(Part message) throws MessagingException {
		String text = text(message);
		List<String> own = new ArrayList<>();
		if (text == null) {
			return own;
		}
		for (String line : text.lines().toList()) {
			String stripped = line.strip();
			if (stripped.equals("--") || QUOTE_HEADER.matcher(stripped).matches()) {
				break;
			}
			if (!stripped.startsWith(">")) {
				own.add(stripped);
			}
		}
		return own;
	}

	private static @Nullable String text(Part part) throws MessagingException {
		try {
			if (part.isMimeType("text/plain")) {
				return String.valueOf(part.getContent());
			}
			if (part.isMimeType("text/html")) {
				return TAG.matcher(String.valueOf(part.getContent()).replaceAll("(?i)<br\\s*/?>|</p>", "\n"))
					.replaceAll("")
					.replace("&nbsp;", " ")
					.replace("&lt;", "<")
					.replace("&gt;", ">")
					.replace("&amp;", "&");
			}
			if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
				String html = null;
				for (int i = 0; i < multipart.getCount(); i++) {
					BodyPart body = multipart.getBodyPart(i);
					if (body.isMimeType("text/plain")) {
						return text(body);
					}
					if (html == null && (body.isMimeType("text/html") || body.isMimeType("multipart/*"))) {
						html = text(body);
					}
				}
				return html;
			}
			return null;
		}
		catch (IOException unreadable) {
			// a charset this JVM does not know, a broken encoding: no reason then
			return null;
		}
	}

}
