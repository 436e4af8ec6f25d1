package io.keyreview.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.keyreview.support.SqlValues;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sums a chunk of usage rows per source x key x day x route x model x provider and adds
 * the sums to tonight's {@code usage_staging} rows in one batched upsert: a chunk of
 * per-request rows becomes a handful of writes. The sums commit with the chunk, so a
 * restart adds each row exactly once.
 */
class UsageRollupWriter implements ItemWriter<UsageRow> {

	private final JdbcTemplate jdbc;

	private final LocalDate runDate;

	UsageRollupWriter(JdbcTemplate jdbc, LocalDate runDate) {
		this.jdbc = jdbc;
		this.runDate = runDate;
	}

	@Override
	public void write(Chunk<? extends UsageRow> chunk) {
		Map<Cell, Sums> sums = new LinkedHashMap<>();
		for (UsageRow row : chunk) {
			Cell cell = new Cell(row.source(), row.keyId(), row.usageDay(), row.route(), row.model(), row.provider());
			sums.computeIfAbsent(cell, (c) -> new Sums()).add(row);
		}
		List<Object[]> rows = sums.entrySet()
			.stream()
			.map((entry) -> values(entry.getKey(), entry.getValue()))
			.toList();
		this.jdbc.batchUpdate(
				"""
						INSERT INTO usage_staging (run_date, source, key_id, usage_day, route, model, provider, requests,
						  failed_requests, input_tokens, output_tokens, cost_usd, last_used_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
						ON DUPLICATE KEY UPDATE requests = requests + VALUES(requests),
						  failed_requests = failed_requests + VALUES(failed_requests),
						  input_tokens = input_tokens + VALUES(input_tokens), output_tokens = output_tokens + VALUES(output_tokens),
						  cost_usd = cost_usd + VALUES(cost_usd), last_used_at = GREATEST(last_used_at, VALUES(last_used_at))""",
				rows);
	}

	private Object[] values(Cell cell, Sums sums) {
		return new Object[] { this.runDate, cell.source(), cell.keyId(), cell.day(), cell.route(), cell.model(),
				cell.provider(), sums.requests, sums.failedRequests, sums.inputTokens, sums.outputTokens, sums.costUsd,
				SqlValues.toColumn(sums.lastUsedAt) };
	}

	private record Cell(String source, String keyId, LocalDate day, String route, String model, String provider) {
	}

	private static final class Sums {

		private long requests;

		private long failedRequests;

		private long inputTokens;

		private long outputTokens;

		private BigDecimal costUsd = BigDecimal.ZERO;

		private Instant lastUsedAt = Instant.EPOCH;

		void add(UsageRow row) {
			this.requests += row.requests();
			this.failedRequests += row.failedRequests();
			this.inputTokens += row.inputTokens();
			this.outputTokens += row.outputTokens();
			this.costUsd = this.costUsd.add(row.costUsd());
			if (row.timestamp().isAfter(this.lastUsedAt)) {
				this.lastUsedAt = row.timestamp();
			}
		}

	}

}
