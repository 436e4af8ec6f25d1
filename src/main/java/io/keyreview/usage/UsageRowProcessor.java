package io.keyreview.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

import io.keyreview.intake.CsvRow;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns a {@code usage.csv} row into a {@link UsageRow}, or rejects it with the reason.
 */
class UsageRowProcessor implements ItemProcessor<CsvRow, UsageRow> {

	private static final Pattern IP_V4 = Pattern
		.compile("(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}");

	/** Hex groups and colons (a {@code ::} included), an IPv4 tail allowed. */
	private static final Pattern IP_V6 = Pattern.compile("(?=.*:)[0-9A-Fa-f:.]{2,45}");

	@Override
	public UsageRow process(CsvRow row) {
		row.requireAllColumns();
		long requests = row.count("requests", 1);
		long failedRequests = row.count("failed_requests", 0);
		if (failedRequests > requests) {
			throw row.bad("failed_requests " + failedRequests + " is more than requests " + requests);
		}
		String keyId = row.required("key_id", 128);
		Instant timestamp = row.instant("timestamp");
		if (timestamp == null) {
			throw row.bad("has no timestamp");
		}
		BigDecimal cost = row.amount("cost_usd");
		return new UsageRow(row.file(), row.line(), row.fileStem(UsageRow.MAX_LENGTHS.get("source")), keyId, timestamp,
				dimension(row, "route"), dimension(row, "model"), dimension(row, "provider"), requests, failedRequests,
				row.count("input_tokens", 0), row.count("output_tokens", 0), (cost != null) ? cost : BigDecimal.ZERO,
				clientIp(row), row.exposures());
	}

	private static @Nullable String clientIp(CsvRow row) {
		String address = row.text("client_ip");
		if (address != null && !IP_V4.matcher(address).matches() && !IP_V6.matcher(address).matches()) {
			throw row.bad("client_ip '" + address + "' is not an IPv4 or IPv6 address");
		}
		return (address != null) ? address.toLowerCase(Locale.ROOT) : null;
	}

	private static String dimension(CsvRow row, String column) {
		String value = row.text(column);
		return (value != null) ? value : "";
	}

}
