package io.keyreview.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.keyreview.review.ReviewedKey.Approval;

/**
 * {@code broad-scope}: granted routes, models or model groups that saw no use in the
 * window (judged only for keys older than the window), or privileged scopes the policy
 * does not allow.
 */
class BroadScopeRule implements Rule {

	@Override
	public String id() {
		return "broad-scope";
	}

	@Override
	public Optional<Finding> check(ReviewedKey key, ReviewContext context) {
		List<String> excess = new ArrayList<>();
		Approval policy = key.policy();
		LocalDate windowStart = RuleSettings.before(context.runDate(), context.settings().unusedGrantWindow());
		if (key.createdAt() == null || ReviewContext.day(key.createdAt()).isBefore(windowStart)) {
			String window = " unused in " + context.settings().unusedGrantWindow().toDays() + " days";
			List<String> routes = Stream
				.concat(key.routes().stream(), (policy != null) ? policy.routesAllowed().stream() : Stream.empty())
				.distinct()
				.filter((route) -> !key.routesSeen90d().contains(route))
				.toList();
			addIfAny(excess, "route(s) ", routes, window);
			addIfAny(excess, "model(s) ",
					key.models().stream().filter((model) -> !key.modelsSeen90d().contains(model)).toList(), window);
			if (policy != null) {
				addIfAny(excess, "model group(s) ", policy.modelGroups()
					.stream()
					.filter((group) -> context.modelsOf(group).stream().noneMatch(key.modelsSeen90d()::contains))
					.map((group) -> group + " (" + String.join(", ", context.modelsOf(group)) + ")")
					.toList(), window);
			}
		}
		List<String> allowedScopes = (policy != null) ? policy.scopesAllowed() : List.of();
		addIfAny(excess, "privileged scope(s) ",
				key.scopes()
					.stream()
					.filter(context.settings().privilegedScopes()::contains)
					.filter((scope) -> !allowedScopes.contains(scope))
					.toList(),
				" not allowed by a policy");
		return failsIfAny(Decision.NARROW, excess);
	}

	private static void addIfAny(List<String> excess, String what, List<String> values, String why) {
		if (!values.isEmpty()) {
			excess.add(what + String.join(", ", values) + why);
		}
	}

}
