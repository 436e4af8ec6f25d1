package io.keyreview.register;

import java.time.Instant;
import java.time.LocalDate;

import io.keyreview.inventory.InventoryKey;
import org.jspecify.annotations.Nullable;

/**
 * A key as the register held it before tonight.
 *
 * @param usageLastUsedAt the last use the usage rollups showed up to
 * {@code reconciledOn}, or {@code null} if they showed none
 */
record PreviousEntry(InventoryKey key, KeyState state, LocalDate firstSeen, LocalDate lastSeen,
		@Nullable LocalDate goneSince, @Nullable Instant usageLastUsedAt, LocalDate reconciledOn) {

}
