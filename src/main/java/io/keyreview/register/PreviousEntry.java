package io.keyreview.register;

import java.time.LocalDate;

import io.keyreview.inventory.InventoryKey;
import org.jspecify.annotations.Nullable;

/** A key as the register held it before tonight. */
record PreviousEntry(InventoryKey key, KeyState state, LocalDate firstSeen, LocalDate lastSeen,
		@Nullable LocalDate goneSince) {

}
