package io.keyreview.usage;

import java.time.LocalDate;
import java.util.List;

import io.keyreview.support.GroupingMemory;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rolls tonight's staged usage into {@code usage_daily}, set-based: the days and sources
 * tonight's files cover are deleted (through {@code usage_daily_by_day}) and summed again
 * from {@code usage_staging} in one {@code INSERT ... SELECT ... GROUP BY}, and recorded
 * in {@code usage_day_rolled_up} for the steps after it, the requests per hour the same
 * way ({@link UsageHours}); then the staged rows go. Its cost follows tonight's rows,
 * never the history {@code usage_daily} keeps. The grouping runs in memory where it can
 * ({@link GroupingMemory}).
 */
class UsageRollup {

	private final JdbcTemplate jdbc;

	UsageRollup(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The number of {@code usage_daily} rows written. */
	int rollUp(LocalDate runDate) {
		return GroupingMemory.around(this.jdbc, () -> rollUpStaged(runDate));
	}

	private int rollUpStaged(LocalDate runDate) {
		List<Object[]> days = this.jdbc.query("SELECT DISTINCT usage_day, source FROM usage_staging WHERE run_date = ?",
				(rs, row) -> new Object[] { rs.getObject("usage_day", LocalDate.class), rs.getString("source") },
				runDate);
		this.jdbc.update("DELETE FROM usage_day_rolled_up WHERE run_date = ?", runDate);
		if (days.isEmpty()) {
			return 0;
		}
		this.jdbc.batchUpdate("DELETE FROM usage_daily WHERE usage_day = ? AND source = ?", days);
		this.jdbc.batchUpdate("INSERT INTO usage_day_rolled_up (run_date, usage_day, source) VALUES (?, ?, ?)",
				days.stream().map((day) -> new Object[] { runDate, day[0], day[1] }).toList());
		int rows = this.jdbc.update(
				"""
						INSERT INTO usage_daily (source, key_id, usage_day, route, model, provider, requests, failed_requests,
						  input_tokens, output_tokens, cost_usd, last_used_at)
						SELECT s.source, s.key_id, s.usage_day, s.route, s.model, s.provider, g.requests, g.failed_requests,
						  g.input_tokens, g.output_tokens, g.cost_usd, g.last_used_at
						FROM (SELECT MIN(row_no) AS first_row, SUM(requests) AS requests, SUM(failed_requests) AS failed_requests,
						    SUM(input_tokens) AS input_tokens, SUM(output_tokens) AS output_tokens, SUM(cost_usd) AS cost_usd,
						    MAX(last_used_at) AS last_used_at
						  FROM usage_staging WHERE run_date = ? GROUP BY cell_a, cell_b) g
						JOIN usage_staging s ON s.row_no = g.first_row
						ORDER BY g.first_row
						ON DUPLICATE KEY UPDATE usage_daily.requests = usage_daily.requests + VALUES(requests),
						  usage_daily.failed_requests = usage_daily.failed_requests + VALUES(failed_requests),
						  usage_daily.input_tokens = usage_daily.input_tokens + VALUES(input_tokens),
						  usage_daily.output_tokens = usage_daily.output_tokens + VALUES(output_tokens),
						  usage_daily.cost_usd = usage_daily.cost_usd + VALUES(cost_usd),
						  usage_daily.last_used_at = GREATEST(usage_daily.last_used_at, VALUES(last_used_at))""",
				runDate);
		this.jdbc.update("DELETE FROM usage_staging WHERE run_date = ?", runDate);
		UsageHours.rollUp(this.jdbc, runDate, days);
		UsageClients.rollUp(this.jdbc, runDate, days);
		return rows;
	}

}
