package io.keyreview.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.keyreview.secrets.Exposed;
import io.keyreview.secrets.Exposure;
import org.jspecify.annotations.Nullable;

/**
 * One request, or one aggregate of requests, from a usage file ({@code usage.csv}), and
 * the line it was read from; the client's address where the file names it.
 */
public record UsageRow(String file, long line, String source, String keyId, Instant timestamp, String route,
		String model, String provider, long requests, long failedRequests, long inputTokens, long outputTokens,
		BigDecimal costUsd, @Nullable String clientIp, List<Exposure> exposures) implements Exposed {

	/** The longest value (characters) each column of {@code usage_daily} holds. */
	public static final Map<String, Integer> MAX_LENGTHS = Map.of("source", 64, "key_id", 128, "route", 128, "model",
			128, "provider", 64, "client_ip", 45);

	public LocalDate usageDay() {
		return LocalDate.ofInstant(this.timestamp, ZoneOffset.UTC);
	}

}
