package io.keyreview.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.keyreview.support.Exposed;
import io.keyreview.support.Exposure;

/** One request, or one aggregate of requests, from a usage file ({@code usage.csv}). */
public record UsageRow(String source, String keyId, Instant timestamp, String route, String model, String provider,
		long requests, long failedRequests, long inputTokens, long outputTokens, BigDecimal costUsd,
		List<Exposure> exposures) implements Exposed {

	public LocalDate usageDay() {
		return LocalDate.ofInstant(this.timestamp, ZoneOffset.UTC);
	}

}
