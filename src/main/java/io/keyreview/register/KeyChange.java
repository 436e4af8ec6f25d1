package io.keyreview.register;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** One entry of the change log: what changed about a key since the previous night. */
public record KeyChange(String keyId, Event event, @Nullable String oldValue, @Nullable String newValue) {

	public enum Event {

		CREATED, STATUS_CHANGED, OWNER_CHANGED, SCOPES_CHANGED, ROUTES_CHANGED, MODELS_CHANGED, ROTATED, GONE, RETURNED;

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
