package io.keyreview.review;

import java.util.Optional;

import io.keyreview.review.ReviewedKey.Approval;
import org.jspecify.annotations.Nullable;

/**
 * {@code exception-expired}: a policy exception that has expired, or that lacks the
 * expiry date or the approver every exception must carry (and so counts as expired).
 */
class ExceptionExpiredRule implements Rule {

	@Override
	public String id() {
		return "exception-expired";
	}

	@Override
	public Optional<Finding> check(ReviewedKey key, ReviewContext context) {
		Approval policy = key.policy();
		if (policy == null || (policy.exceptionReason() == null && policy.exceptionApprover() == null
				&& policy.exceptionExpires() == null)) {
			return Optional.empty();
		}
		String exception = "exception '" + orNone(policy.exceptionReason()) + "' approved by "
				+ orNone(policy.exceptionApprover());
		if (policy.exceptionExpires() == null) {
			return fails(Decision.ESCALATE, exception + " has no expiry date");
		}
		if (policy.exceptionApprover() == null || policy.exceptionApprover().isBlank()) {
			return fails(Decision.ESCALATE, exception + " has no approver");
		}
		if (policy.exceptionExpires().isBefore(context.runDate())) {
			return fails(Decision.ESCALATE, exception + " expired on " + policy.exceptionExpires() + " ("
					+ context.daysSince(policy.exceptionExpires()) + " days ago)");
		}
		return Optional.empty();
	}

	private static String orNone(@Nullable String value) {
		return (value != null) ? value : "(none)";
	}

}
