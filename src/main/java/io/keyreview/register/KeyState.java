package io.keyreview.register;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/** The parts of a key whose change the change log records. */
record KeyState(@Nullable String status, String owners, List<String> scopes, List<String> routes, List<String> models,
		@Nullable Instant lastRotatedAt) {

	static String owners(@Nullable String owner, @Nullable String business, @Nullable String technical) {
		return "owner=" + orNone(owner) + "; business=" + orNone(business) + "; technical=" + orNone(technical);
	}

	/** What a key may use: the inventory's grants and the policy's approvals together. */
	static List<String> union(List<String> granted, List<String> approved) {
		return Stream.concat(granted.stream(), approved.stream()).distinct().sorted().toList();
	}

	private static String orNone(@Nullable String value) {
		return (value != null) ? value : "-";
	}

}
