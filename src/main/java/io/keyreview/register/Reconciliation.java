package io.keyreview.register;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.keyreview.register.KeyChange.Event;
import org.jspecify.annotations.Nullable;

/**
 * Merges what tonight's inputs say about a key with what the register held, and names
 * what changed. A key missing from tonight's inventory is marked gone only when its
 * inventory file loaded tonight complete (none of its rejected rows lacks a key id) and
 * none of tonight's rejected rows was for it: a source that did not deliver, or not
 * whole, marks nothing gone.
 */
class Reconciliation {

	Reconciled reconcile(KeyFacts facts) {
		PreviousEntry previous = facts.previous();
		RegisterEntry entry;
		if (facts.listed() != null) {
			entry = new RegisterEntry(facts.listed(), facts.policy(), facts.usage(), facts.exposedOn(),
					(previous != null) ? previous.firstSeen() : facts.runDate(), facts.runDate(), null);
		}
		else if (previous != null) {
			entry = new RegisterEntry(previous.key(), facts.policy(), facts.usage(), facts.exposedOn(),
					previous.firstSeen(), previous.lastSeen(), goneSince(facts, previous));
		}
		else {
			throw new IllegalArgumentException("Key " + facts.keyId() + " is neither listed nor registered");
		}
		return new Reconciled(entry, changes(facts.keyId(), previous, entry));
	}

	private static @Nullable LocalDate goneSince(KeyFacts facts, PreviousEntry previous) {
		if (previous.goneSince() != null) {
			return previous.goneSince();
		}
		return (facts.inventoryDelivered() && !facts.rejectedTonight()) ? facts.runDate() : null;
	}

	private static List<KeyChange> changes(String keyId, @Nullable PreviousEntry previous, RegisterEntry entry) {
		KeyState now = entry.state();
		List<KeyChange> changes = new ArrayList<>();
		if (previous == null) {
			changes.add(new KeyChange(keyId, Event.CREATED, null, now.status()));
			return changes;
		}
		KeyState before = previous.state();
		if (previous.goneSince() != null && entry.goneSince() == null) {
			changes.add(new KeyChange(keyId, Event.RETURNED, previous.goneSince().toString(), null));
		}
		addIfChanged(changes, keyId, Event.STATUS_CHANGED, before.status(), now.status());
		addIfChanged(changes, keyId, Event.OWNER_CHANGED, before.owners(), now.owners());
		addIfChanged(changes, keyId, Event.SCOPES_CHANGED, joined(before.scopes()), joined(now.scopes()));
		addIfChanged(changes, keyId, Event.ROUTES_CHANGED, joined(before.routes()), joined(now.routes()));
		addIfChanged(changes, keyId, Event.MODELS_CHANGED, joined(before.models()), joined(now.models()));
		if (now.lastRotatedAt() != null
				&& (before.lastRotatedAt() == null || now.lastRotatedAt().isAfter(before.lastRotatedAt()))) {
			changes.add(new KeyChange(keyId, Event.ROTATED, Objects.toString(before.lastRotatedAt(), null),
					now.lastRotatedAt().toString()));
		}
		if (previous.goneSince() == null && entry.goneSince() != null) {
			changes.add(new KeyChange(keyId, Event.GONE, null, entry.goneSince().toString()));
		}
		return changes;
	}

	private static void addIfChanged(List<KeyChange> changes, String keyId, Event event, @Nullable String before,
			@Nullable String now) {
		if (!Objects.equals(before, now)) {
			changes.add(new KeyChange(keyId, event, before, now));
		}
	}

	private static @Nullable String joined(List<String> values) {
		return values.isEmpty() ? null : String.join(";", values);
	}

}
