package io.keyreview.review;

import java.time.LocalDate;
import java.util.Optional;

/**
 * {@code stale}: an active key unused for the stale period (a key never used counts once
 * it is past the grace period), proposed for disabling; a key disabled for the delete
 * period, proposed for deletion.
 */
class StaleRule implements Rule {

	@Override
	public String id() {
		return "stale";
	}

	@Override
	public Optional<Finding> check(ReviewedKey key, ReviewContext context) {
		RuleSettings settings = context.settings();
		if ("disabled".equals(key.status())) {
			LocalDate since = key.disabledSince();
			if (since != null
					&& !since.isAfter(RuleSettings.before(context.runDate(), settings.deleteDisabledAfter()))) {
				return fails(Decision.DELETE, "disabled since " + since + " (" + context.daysSince(since)
						+ " days; delete after " + settings.deleteDisabledAfter().toDays() + ")");
			}
			return Optional.empty();
		}
		if (!"active".equals(key.status())) {
			return Optional.empty();
		}
		if (key.lastUsedAt() != null) {
			LocalDate lastUsed = ReviewContext.day(key.lastUsedAt());
			if (lastUsed.isBefore(RuleSettings.before(context.runDate(), settings.staleAfter()))) {
				return fails(Decision.DISABLE, "last used " + lastUsed + " (" + context.daysSince(lastUsed)
						+ " days ago; stale after " + settings.staleAfter().toDays() + ")");
			}
			return Optional.empty();
		}
		if (key.createdAt() != null) {
			LocalDate created = ReviewContext.day(key.createdAt());
			if (!created.isAfter(RuleSettings.before(context.runDate(), settings.neverUsedGrace()))) {
				return fails(Decision.DISABLE, "never used since it was created on " + created + " ("
						+ context.daysSince(created) + " days ago; grace " + settings.neverUsedGrace().toDays() + ")");
			}
		}
		return Optional.empty();
	}

}
