package io.keyreview.policy;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * {@code owners.yaml}: owner groups (mailbox and accountable person), model groups, and
 * the environment each route serves.
 */
public record Directory(Map<String, Group> groups, Map<String, List<String>> modelGroups, Map<String, String> routes) {

	public Directory {
		groups = (groups != null) ? groups : Map.of();
		modelGroups = (modelGroups != null) ? modelGroups : Map.of();
		routes = (routes != null) ? routes : Map.of();
	}

	public record Group(@Nullable String mailbox, @Nullable String accountable) {
	}

}
