package io.keyreview.usage;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Usage under a key id no inventory lists, summed over some days. */
public record UnattributedUsage(String source, String keyId, LocalDate firstDay, LocalDate lastDay, long requests,
		BigDecimal costUsd) {

}
