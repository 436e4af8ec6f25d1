package io.keyreview.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.keyreview.review.ReviewedKey.Approval;

/**
 * {@code environment-boundary}: a non-production key called a production route, or the
 * inventory and the policy disagree on the key's environment.
 */
class EnvironmentBoundaryRule implements Rule {

	@Override
	public String id() {
		return "environment-boundary";
	}

	@Override
	public Optional<Finding> check(ReviewedKey key, ReviewContext context) {
		List<String> crossings = new ArrayList<>();
		if (!key.isProduction()) {
			List<String> productionRoutes = key.routesSeen90d().stream().filter(context::isProductionRoute).toList();
			if (!productionRoutes.isEmpty()) {
				crossings.add(key.effectiveEnvironment() + " key used production route(s) "
						+ String.join(", ", productionRoutes) + " in the last 90 days");
			}
		}
		Approval policy = key.policy();
		if (policy != null && policy.environment() != null && ReviewedKey.stated(key.environment())
				&& !policy.environment().equals(key.environment())) {
			crossings.add("the inventory says " + key.environment() + ", the policy says " + policy.environment());
		}
		return failsIfAny(Decision.NARROW, crossings);
	}

}
