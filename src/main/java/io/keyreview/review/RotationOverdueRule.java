package io.keyreview.review;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.keyreview.review.ReviewedKey.Approval;
import org.jspecify.annotations.Nullable;

/**
 * {@code rotation-overdue}: the last rotation is older than the policy's cadence (such as
 * {@code 90d_or_owner_change}; the default cadence without one), the owners changed since
 * the last rotation where the cadence says so, or the key has neither a rotation nor an
 * expiry.
 */
class RotationOverdueRule implements Rule {

	private static final Pattern DAYS = Pattern.compile("^(\\d+)d");

	@Override
	public String id() {
		return "rotation-overdue";
	}

	@Override
	public Optional<Finding> check(ReviewedKey key, ReviewContext context) {
		if (key.lastRotatedAt() == null) {
			return (key.expiresAt() == null) ? fails(Decision.ROTATE, "never rotated and no expiry date")
					: Optional.empty();
		}
		LocalDate rotated = ReviewContext.day(key.lastRotatedAt());
		Approval policy = key.policy();
		String cadenceText = (policy != null) ? policy.rotationCadence() : null;
		Duration cadence = cadence(cadenceText, context.settings().rotationCadence());
		if (rotated.isBefore(RuleSettings.before(context.runDate(), cadence))) {
			return fails(Decision.ROTATE, "last rotated " + rotated + " (" + context.daysSince(rotated)
					+ " days ago; cadence " + cadence.toDays() + " days)");
		}
		LocalDate ownerChanged = key.ownerChangedOn();
		if (cadenceText != null && cadenceText.contains("owner_change") && ownerChanged != null
				&& ownerChanged.isAfter(rotated)) {
			return fails(Decision.ROTATE,
					"owners changed on " + ownerChanged + ", after the last rotation on " + rotated);
		}
		return Optional.empty();
	}

	static Duration cadence(@Nullable String cadence, Duration fallback) {
		Matcher days = (cadence != null) ? DAYS.matcher(cadence) : null;
		return (days != null && days.find()) ? Duration.ofDays(Long.parseLong(days.group(1))) : fallback;
	}

}
