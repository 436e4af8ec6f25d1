package io.keyreview.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.keyreview.inventory.InventoryKey;
import io.keyreview.inventory.InventoryKeys;
import io.keyreview.policy.Policies;
import io.keyreview.policy.Policy;
import io.keyreview.usage.UsageSummaries;
import io.keyreview.usage.UsageSummary;
import org.jspecify.annotations.Nullable;

/**
 * Gathers the {@link KeyFacts} of a chunk of keys with one query per kind of fact: the
 * inventory rows, register rows, policies, usage and exposures of all the chunk's keys at
 * once. Usage is read from the rollups of the usage window only; a key's last use before
 * the window is the one the register kept ({@code usage_last_used_at}), and only a key
 * the register does not know yet has its whole history read.
 */
class TonightsFacts {

	private final LocalDate runDate;

	private final InventoryKeys inventoryKeys;

	private final Policies policies;

	private final UsageSummaries usageSummaries;

	private final Register register;

	private final Set<String> inventoryFilesComplete;

	private final Set<String> keysRejected;

	TonightsFacts(LocalDate runDate, InventoryKeys inventoryKeys, Policies policies, UsageSummaries usageSummaries,
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

	List<KeyFacts> about(List<String> keyIds) {
		Map<String, InventoryKey> listed = this.inventoryKeys.listedOn(keyIds, this.runDate);
		Map<String, PreviousEntry> previous = this.register.find(keyIds);
		Map<String, Policy> policies = this.policies.deliveredOn(keyIds, this.runDate);
		Map<String, UsageSummary> usage = this.usageSummaries.inWindow(keyIds, this.runDate);
		Map<String, Instant> lastUse = this.usageSummaries
			.lastUsedUpTo(keyIds.stream().filter((keyId) -> !lastUseKnown(previous.get(keyId))).toList(), this.runDate);
		Map<String, List<LocalDate>> exposures = this.register.exposedOn(keyIds, this.runDate);
		return keyIds.stream().map((keyId) -> {
			InventoryKey listedKey = listed.get(keyId);
			PreviousEntry previousEntry = previous.get(keyId);
			InventoryKey known = (listedKey != null) ? listedKey : previousEntry.key();
			UsageSummary keyUsage = usage.getOrDefault(keyId, UsageSummary.NONE);
			Instant lastUsed = lastUseKnown(previousEntry)
					? later(previousEntry.usageLastUsedAt(), keyUsage.lastUsedAt()) : lastUse.get(keyId);
			return new KeyFacts(keyId, this.runDate, listedKey, previousEntry, policies.get(keyId),
					keyUsage.withLastUsedAt(lastUsed), exposures.getOrDefault(keyId, List.of()),
					this.inventoryFilesComplete.contains(known.inputFile()), this.keysRejected.contains(keyId));
		}).toList();
	}

	/**
	 * Whether the register's last use of a key, with tonight's window, covers every day
	 * up to tonight: it does for a key reconciled on a night of the window (the night
	 * before, as a rule).
	 */
	private boolean lastUseKnown(@Nullable PreviousEntry previous) {
		return previous != null && !previous.reconciledOn().isAfter(this.runDate)
				&& !previous.reconciledOn().isBefore(UsageSummaries.windowStart(this.runDate));
	}

	private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.isAfter(b)) ? a : b;
	}

}
