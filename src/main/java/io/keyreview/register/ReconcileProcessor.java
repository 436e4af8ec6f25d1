package io.keyreview.register;

import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

import io.keyreview.inventory.InventoryKey;
import io.keyreview.inventory.InventoryKeys;
import io.keyreview.policy.Policies;
import io.keyreview.usage.UsageSummaries;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Gathers the {@link KeyFacts} of one key and reconciles them. */
class ReconcileProcessor implements ItemProcessor<String, Reconciled> {

	private final LocalDate runDate;

	private final InventoryKeys inventoryKeys;

	private final Policies policies;

	private final UsageSummaries usageSummaries;

	private final Register register;

	private final Set<String> inventoryFilesComplete;

	private final Set<String> keysRejected;

	private final Reconciliation reconciliation = new Reconciliation();

	ReconcileProcessor(LocalDate runDate, InventoryKeys inventoryKeys, Policies policies, UsageSummaries usageSummaries,
			Register register) {
		this.runDate = runDate;
		this.inventoryKeys = inventoryKeys;
		this.policies = policies;
		this.usageSummaries = usageSummaries;
		this.register = register;
		Set<String> incomplete = register.filesRejectingAnUnknownKeyOn(runDate);
		this.inventoryFilesComplete = inventoryKeys.filesLoadedOn(runDate)
			.stream()
			.filter((file) -> !incomplete.contains(file))
			.collect(Collectors.toUnmodifiableSet());
		this.keysRejected = register.keysRejectedOn(runDate);
	}

	@Override
	public Reconciled process(String keyId) {
		InventoryKey listed = this.inventoryKeys.listedOn(keyId, this.runDate).orElse(null);
		PreviousEntry previous = this.register.find(keyId).orElse(null);
		InventoryKey known = (listed != null) ? listed : previous.key();
		var policy = this.policies.deliveredOn(keyId, this.runDate).orElse(null);
		var usage = this.usageSummaries.of(keyId, this.runDate);
		KeyFacts facts = new KeyFacts(keyId, this.runDate, listed, previous, policy, usage,
				this.register.exposedOn(keyId, this.runDate), this.inventoryFilesComplete.contains(known.inputFile()),
				this.keysRejected.contains(keyId));
		return this.reconciliation.reconcile(facts);
	}

}
