package io.keyreview.usage;

import java.math.BigDecimal;
import java.time.Instant;

import io.keyreview.intake.CsvRow;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns a {@code usage.csv} row into a {@link UsageRow}, or rejects it with the reason.
 */
class UsageRowProcessor implements ItemProcessor<CsvRow, UsageRow> {

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
				row.exposures());
	}

	private static String dimension(CsvRow row, String column) {
		String value = row.text(column);
		return (value != null) ? value : "";
	}

}
