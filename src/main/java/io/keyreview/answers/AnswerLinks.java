package io.keyreview.answers;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.keyreview.review.Decision;
import org.jspecify.annotations.Nullable;

/**
 * The one-click answers of a digest: for each decision, a {@code mailto:} link to the
 * answers mailbox whose subject names the decision, key and cycle and carries their
 * signature ({@code keyreview answer: keep alpha-prod 2026-11 [kr:…]}); the owner adds a
 * reason in the message and sends it. None when no answers mailbox or no secret is set.
 */
public final class AnswerLinks {

	private static final Pattern SUBJECT = Pattern
		.compile("keyreview answer: ([a-z]+) (\\S+) (\\S+) \\[kr:([A-Za-z0-9_-]{20})\\]");

	private final @Nullable String address;

	private final @Nullable AnswerToken token;

	AnswerLinks(@Nullable String address, @Nullable AnswerToken token) {
		this.address = (address != null && !address.isBlank()) ? address.strip() : null;
		this.token = token;
	}

	/** A decision and the link that answers it. */
	public record Link(String decision, String url) {

	}

	/** What the subject of an answer link says, signature included. */
	public record Signed(String cycle, String keyId, Decision decision, String token) {

	}

	public boolean enabled() {
		return this.address != null && this.token != null;
	}

	/** Every decision's link for one key of a digest to {@code addressee}. */
	public List<Link> of(String cycle, String keyId, String addressee) {
		if (this.address == null || this.token == null || keyId.chars().anyMatch(Character::isWhitespace)) {
			return List.of();
		}
		AnswerToken signer = this.token;
		String mailbox = this.address;
		return Arrays.stream(Decision.values()).map((decision) -> {
			String subject = "keyreview answer: " + decision.code() + " " + keyId + " " + cycle + " [kr:"
					+ signer.sign(cycle, keyId, decision, addressee) + "]";
			return new Link(decision.code(),
					"mailto:" + mailbox + "?subject=" + encoded(subject) + "&body=" + encoded("Reason: "));
		}).toList();
	}

	/** The signed answer a subject carries (a {@code Re:} before it is no matter). */
	public static Optional<Signed> signedIn(@Nullable String subject) {
		if (subject == null) {
			return Optional.empty();
		}
		Matcher matcher = SUBJECT.matcher(subject);
		if (!matcher.find()) {
			return Optional.empty();
		}
		try {
			return Optional
				.of(new Signed(matcher.group(3), matcher.group(2), Decision.of(matcher.group(1)), matcher.group(4)));
		}
		catch (IllegalArgumentException unknownDecision) {
			return Optional.empty();
		}
	}

	/** Whether the signature fits the answer and the addressee it was made for. */
	public boolean verifies(Signed signed, String addressee) {
		return this.token != null
				&& this.token.verifies(signed.token(), signed.cycle(), signed.keyId(), signed.decision(), addressee);
	}

	/** RFC 6068: percent-encoded, a space as {@code %20}. */
	private static String encoded(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
