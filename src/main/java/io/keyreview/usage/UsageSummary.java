package io.keyreview.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the usage rollups say about one key on a run date: the 30 and 90 days up to it,
 * and its month.
 */
public record UsageSummary(@Nullable Instant lastUsedAt, long requests30d, long failedRequests30d, long requests90d,
		long failedRequests90d, List<String> routesSeen90d, List<String> modelsSeen90d, BigDecimal spendMonthUsd,
		BigDecimal spend90dUsd) {

	public static final UsageSummary NONE = new UsageSummary(null, 0, 0, 0, 0, List.of(), List.of(), BigDecimal.ZERO,
			BigDecimal.ZERO);

	/** The same usage, last used at another time. */
	public UsageSummary withLastUsedAt(@Nullable Instant lastUsed) {
		return new UsageSummary(lastUsed, this.requests30d, this.failedRequests30d, this.requests90d,
				this.failedRequests90d, this.routesSeen90d, this.modelsSeen90d, this.spendMonthUsd, this.spend90dUsd);
	}

}
