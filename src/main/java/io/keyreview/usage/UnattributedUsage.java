package io.keyreview.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Usage under a key id no inventory lists, summed over some days and sources. */
public record UnattributedUsage(List<String> sources, String keyId, LocalDate firstDay, LocalDate lastDay,
		long requests, BigDecimal costUsd) {

	/** The usage of this key id and another source's. */
	UnattributedUsage plus(UnattributedUsage other) {
		List<String> both = new ArrayList<>(this.sources);
		both.addAll(other.sources);
		return new UnattributedUsage(List.copyOf(both), this.keyId,
				this.firstDay.isBefore(other.firstDay) ? this.firstDay : other.firstDay,
				this.lastDay.isAfter(other.lastDay) ? this.lastDay : other.lastDay, this.requests + other.requests,
				this.costUsd.add(other.costUsd));
	}

}
