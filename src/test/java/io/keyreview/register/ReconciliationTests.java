package io.keyreview.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.keyreview.inventory.InventoryKey;
import io.keyreview.usage.UsageSummary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReconciliationTests {

	private static final LocalDate YESTERDAY = LocalDate.parse("2026-11-20");

	private static final LocalDate TONIGHT = LocalDate.parse("2026-11-21");

	private final Reconciliation reconciliation = new Reconciliation();

	@Test
	void aKeySeenForTheFirstTimeIsCreated() {
		Reconciled reconciled = this.reconciliation
			.reconcile(facts(key("active", "team_a", List.of("a")), null, true, false));

		assertThat(events(reconciled)).containsExactly("created");
		assertThat(reconciled.entry().firstSeen()).isEqualTo(TONIGHT);
	}

	@Test
	void namesEachChangeSinceThePreviousNight() {
		InventoryKey before = key("active", "team_a", List.of("a"));
		InventoryKey now = new InventoryKey("gw", "k1", null, null, "production", "disabled", "bob@example.com", null,
				null, null, null, Instant.parse("2026-11-20T00:00:00Z"), null, List.of("a", "admin"), List.of("gpt-4o"),
				List.of("route-b"), null, null, "keys/gw.csv", List.of());

		Reconciled reconciled = this.reconciliation.reconcile(facts(now, previous(before, null), true, false));

		assertThat(events(reconciled)).containsExactly("status_changed", "owner_changed", "scopes_changed",
				"routes_changed", "models_changed", "rotated");
		assertThat(reconciled.changes().get(0).oldValue()).isEqualTo("active");
		assertThat(reconciled.changes().get(0).newValue()).isEqualTo("disabled");
		assertThat(reconciled.entry().firstSeen()).isEqualTo(YESTERDAY);
	}

	@Test
	void anUnchangedKeyHasNoChanges() {
		InventoryKey key = key("active", "team_a", List.of("a"));

		assertThat(this.reconciliation.reconcile(facts(key, previous(key, null), true, false)).changes()).isEmpty();
	}

	@Test
	void aKeyMissingFromADeliveredInventoryIsGone() {
		InventoryKey key = key("active", "team_a", List.of("a"));

		Reconciled reconciled = this.reconciliation.reconcile(facts(null, previous(key, null), true, false));

		assertThat(events(reconciled)).containsExactly("gone");
		assertThat(reconciled.entry().goneSince()).isEqualTo(TONIGHT);
		assertThat(reconciled.entry().lastSeen()).isEqualTo(YESTERDAY);
	}

	@Test
	void aKeyWhoseInventoryDidNotComeOrWhoseRowWasRejectedIsNotGone() {
		InventoryKey key = key("active", "team_a", List.of("a"));

		Reconciled notDelivered = this.reconciliation.reconcile(facts(null, previous(key, null), false, false));
		Reconciled rejected = this.reconciliation.reconcile(facts(null, previous(key, null), true, true));

		assertThat(notDelivered.changes()).isEmpty();
		assertThat(notDelivered.entry().goneSince()).isNull();
		assertThat(rejected.changes()).isEmpty();
		assertThat(rejected.entry().goneSince()).isNull();
	}

	@Test
	void aGoneKeyThatComesBackIsReturned() {
		InventoryKey key = key("active", "team_a", List.of("a"));

		Reconciled reconciled = this.reconciliation.reconcile(facts(key, previous(key, YESTERDAY), true, false));

		assertThat(events(reconciled)).containsExactly("returned");
		assertThat(reconciled.entry().goneSince()).isNull();
	}

	private static InventoryKey key(String status, String owner, List<String> scopes) {
		return new InventoryKey("gw", "k1", null, null, "production", status, owner, null, null, null, null, null, null,
				scopes, List.of(), List.of(), null, null, "keys/gw.csv", List.of());
	}

	private static PreviousEntry previous(InventoryKey key, LocalDate goneSince) {
		RegisterEntry entry = new RegisterEntry(key, null, UsageSummary.NONE, List.of(), YESTERDAY, YESTERDAY,
				goneSince);
		return new PreviousEntry(key, entry.state(), YESTERDAY, YESTERDAY, goneSince, null, YESTERDAY);
	}

	private static KeyFacts facts(InventoryKey listed, PreviousEntry previous, boolean delivered, boolean rejected) {
		return new KeyFacts("k1", TONIGHT, listed, previous, null, UsageSummary.NONE, List.of(), delivered, rejected);
	}

	private static List<String> events(Reconciled reconciled) {
		return reconciled.changes().stream().map((change) -> change.event().code()).toList();
	}

}
