package io.keyreview.policy;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * {@code owners.yaml}: owner groups (mailbox and accountable person), model groups, the
 * environment each route serves, and delegates.
 *
 * @param delegates who may answer the review for a person or a group (by its e-mail or
 * group name)
 */
public record Directory(Map<String, Group> groups, Map<String, List<String>> modelGroups, Map<String, String> routes,
		Map<String, List<String>> delegates) {

	public Directory(Map<String, Group> groups, Map<String, List<String>> modelGroups, Map<String, String> routes) {
		this(groups, modelGroups, routes, Map.of());
	}

	public Directory {
		delegates = (delegates != null) ? delegates : Map.of();
		groups = (groups != null) ? groups : Map.of();
		modelGroups = (modelGroups != null) ? modelGroups : Map.of();
		routes = (routes != null) ? routes : Map.of();
	}

	public record Group(@Nullable String mailbox, @Nullable String accountable) {
	}

}
