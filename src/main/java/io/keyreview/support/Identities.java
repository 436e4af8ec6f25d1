package io.keyreview.support;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Owners are group names or e-mail addresses; e-mail addresses compare without regard to
 * case.
 */
public final class Identities {

	private Identities() {
	}

	public static @Nullable String normalise(@Nullable String owner) {
		if (owner == null || owner.isBlank()) {
			return null;
		}
		String trimmed = owner.strip();
		return trimmed.contains("@") ? trimmed.toLowerCase(Locale.ROOT) : trimmed;
	}

}
