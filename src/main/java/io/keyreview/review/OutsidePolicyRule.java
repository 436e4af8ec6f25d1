package io.keyreview.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.keyreview.review.ReviewedKey.Approval;

/**
 * {@code outside-policy}: usage on a denied route, usage of a model outside the allowed
 * model groups (or, without a policy, outside the inventory's allowed models), or a
 * granted scope the policy denies.
 */
class OutsidePolicyRule implements Rule {

	@Override
	public String id() {
		return "outside-policy";
	}

	@Override
	public Optional<Finding> check(ReviewedKey key, ReviewContext context) {
		List<String> violations = new ArrayList<>();
		Approval policy = key.policy();
		if (policy != null) {
			addIfAny(violations, "used denied route(s) ", key.routesSeen90d(), policy.routesDenied()::contains);
			addIfAny(violations, "holds scope(s) the policy denies: ", key.scopes(), policy.scopesDenied()::contains);
		}
		List<String> allowedModels = allowedModels(key, context);
		if (!allowedModels.isEmpty()) {
			addIfAny(violations, "used model(s) outside " + allowedFrom(key) + ": ", key.modelsSeen90d(),
					(model) -> !allowedModels.contains(model));
		}
		return failsIfAny(Decision.NARROW, violations);
	}

	private static List<String> allowedModels(ReviewedKey key, ReviewContext context) {
		Approval policy = key.policy();
		if (policy != null && !policy.modelGroups().isEmpty()) {
			return policy.modelGroups().stream().flatMap((group) -> context.modelsOf(group).stream()).toList();
		}
		return key.models();
	}

	private static String allowedFrom(ReviewedKey key) {
		Approval policy = key.policy();
		return (policy != null && !policy.modelGroups().isEmpty())
				? "the allowed model groups (" + String.join(", ", policy.modelGroups()) + ")"
				: "the inventory's allowed models";
	}

	private static void addIfAny(List<String> violations, String what, List<String> values,
			java.util.function.Predicate<String> outside) {
		List<String> offending = values.stream().filter(outside).toList();
		if (!offending.isEmpty()) {
			violations.add(what + String.join(", ", offending));
		}
	}

}
