package io.keyreview.mail;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.keyreview.policy.Directories;
import io.keyreview.review.Addressee;
import io.keyreview.review.Recipients;
import io.keyreview.review.ReviewContext;
import io.keyreview.review.ReviewRegister;
import io.keyreview.review.ReviewedKey;
import io.keyreview.worklist.ReviewSettings;

/**
 * Tells a key's owners ahead of the day its policy exception ends, or the key itself
 * expires ({@code expires_at}), at each point of
 * {@code keyreview.review.expiry-notice-before} (the latest one reached), each once: the
 * Message-ID follows from the key, what expires, the date, the point and the addressee.
 */
class ExpiryNotices {

	private final ReviewRegister register;

	private final Directories directories;

	private final ReviewSettings settings;

	private final String domain;

	ExpiryNotices(ReviewRegister register, Directories directories, ReviewSettings settings, String domain) {
		this.register = register;
		this.directories = directories;
		this.settings = settings;
		this.domain = domain;
	}

	List<OutboxMessage> due(LocalDate today) {
		long furthest = this.settings.expiryNoticeBefore().stream().mapToLong(Duration::toDays).max().orElse(-1);
		if (furthest < 0) {
			return List.of();
		}
		List<ReviewedKey> keys = this.register.keysExpiringBetween(today, today.plusDays(furthest));
		ReviewContext context = this.register.recipientsContext(today, this.directories.current(), keys);
		Recipients recipients = new Recipients(this.settings.security());
		List<OutboxMessage> notices = new ArrayList<>();
		for (ReviewedKey key : keys) {
			for (Expiry expiry : expiries(key)) {
				Long point = ReviewSettings.latestPointReached(this.settings.expiryNoticeBefore(), expiry.on(), today);
				if (point == null || expiry.on().isBefore(today)) {
					continue;
				}
				for (Addressee addressee : recipients.of(key, List.of(), context, false)) {
					notices
						.add(notice(key, expiry, point, ChronoUnit.DAYS.between(today, expiry.on()), addressee, today));
				}
			}
		}
		return notices;
	}

	/** What ends on a day, and what keyreview does then. */
	private record Expiry(String kind, String what, LocalDate on, String then) {

	}

	private static List<Expiry> expiries(ReviewedKey key) {
		List<Expiry> expiries = new ArrayList<>();
		if (key.policy() != null && key.policy().exceptionExpires() != null) {
			expiries.add(new Expiry("the policy exception",
					"the policy exception '" + key.policy().exceptionReason() + "'", key.policy().exceptionExpires(),
					"From the day after, the review finds exception-expired and proposes escalate. Renew it in the "
							+ "key's policy file (exceptions: expires and approver), or let it end and bring the key "
							+ "within its policy."));
		}
		Instant expiresAt = key.expiresAt();
		if (expiresAt != null) {
			expiries.add(new Expiry("the key", "the key (its expires_at " + expiresAt + ")",
					LocalDate.ofInstant(expiresAt, ZoneOffset.UTC),
					"The key stops working then. If it is still needed, rotate to a replacement key before that "
							+ "day (create the second key, cut over, disable the old one)."));
		}
		return expiries;
	}

	private OutboxMessage notice(ReviewedKey key, Expiry expiry, long point, long daysLeft, Addressee addressee,
			LocalDate today) {
		String name = (key.alias() != null) ? key.alias() + " (" + key.keyId() + ")" : key.keyId();
		String subject = "[keyreview] " + key.keyId() + ": " + expiry.kind() + " ends in " + daysLeft + " day(s), on "
				+ expiry.on();
		String text = "You hear about " + name + " as its " + String.join(", ", addressee.roles()) + ".\n\n" + name
				+ ": " + expiry.what() + " ends on " + expiry.on() + ", in " + daysLeft + " day(s).\n\n" + expiry.then()
				+ "\n\n-- keyreview, the AI API access review\n";
		String identity = key.keyId() + "\n" + expiry.kind() + "\n" + expiry.on() + "\n" + addressee.to();
		return OutboxMessage.notice(OutboxMessage.messageId("expiry." + point + "d", identity, this.domain),
				"expiries-" + today, addressee.to(), addressee.cc(), subject, text);
	}

}
