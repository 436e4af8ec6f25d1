package io.keyreview.register;

import java.time.LocalDate;
import java.util.List;

import io.keyreview.inventory.InventoryKey;
import io.keyreview.policy.Policy;
import io.keyreview.usage.UsageSummary;
import org.jspecify.annotations.Nullable;

/**
 * Everything tonight's inputs and the register say about one key.
 *
 * @param listed the key as tonight's inventory lists it, or {@code null}
 * @param previous the key as the register held it, or {@code null} for a new key
 * @param exposedOn the run dates on which a secret of the key was found, one per sighting
 * @param inventoryDelivered whether the inventory file the key came from loaded tonight,
 * with no row rejected whose key id could not be read
 * @param rejectedTonight whether a row for the key was rejected tonight
 */
record KeyFacts(String keyId, LocalDate runDate, @Nullable InventoryKey listed, @Nullable PreviousEntry previous,
		@Nullable Policy policy, UsageSummary usage, List<LocalDate> exposedOn, boolean inventoryDelivered,
		boolean rejectedTonight) {

}
