package io.keyreview.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.keyreview.review.UsageAnomalies.DailyUse;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The nightly's {@code detectAnomalies}: for the days tonight's usage files covered (the
 * recent ones: {@code keyreview.rules.anomaly.recent} before the run date at most, and
 * only once the usage kept reaches a whole baseline before them, so the first nights of
 * keyreview, which know no key's history, flag nothing), each key's daily use against its
 * own baseline ({@link UsageAnomalies}), read from the daily rollups of those days and
 * the baseline window before them only, in key order with a cursor. What it finds goes
 * into {@code key_register.anomalies}, for the {@code anomaly} rule; the whole night is
 * one transaction, so a rerun recomputes it.
 */
class AnomalyDetection {

	private final JdbcTemplate jdbc;

	private final JdbcTemplate streaming;

	private final AnomalySettings settings;

	AnomalyDetection(JdbcTemplate jdbc, JdbcTemplate streaming, AnomalySettings settings) {
		this.jdbc = jdbc;
		this.streaming = streaming;
		this.settings = settings;
	}

	/** Records tonight's anomalies, and returns how many keys have one. */
	int detect(LocalDate runDate) {
		this.jdbc.update("UPDATE key_register SET anomalies = NULL WHERE anomalies IS NOT NULL");
		LocalDate historyFrom = this.jdbc.queryForObject("SELECT MIN(usage_day) FROM usage_daily", LocalDate.class);
		if (historyFrom == null) {
			return 0;
		}
		LocalDate judgedFrom = Collections.max(List.of(runDate.minusDays(this.settings.recent().toDays()),
				historyFrom.plusDays(this.settings.baseline().toDays())));
		List<LocalDate> days = this.jdbc.queryForList("""
				SELECT DISTINCT usage_day FROM usage_day_rolled_up WHERE run_date = ? AND usage_day >= ?
				ORDER BY usage_day""", LocalDate.class, runDate, judgedFrom);
		if (days.isEmpty()) {
			return 0;
		}
		List<Object[]> found = new ArrayList<>();
		Map<LocalDate, DailyUse> use = new HashMap<>();
		String[] key = { null };
		this.streaming.query("""
				SELECT u.key_id, u.usage_day, SUM(u.requests) AS requests, SUM(u.failed_requests) AS failed,
				  SUM(u.cost_usd) AS spend
				FROM usage_daily u
				WHERE u.usage_day BETWEEN ? AND ? AND EXISTS (SELECT 1 FROM key_register r WHERE r.key_id = u.key_id)
				GROUP BY u.key_id, u.usage_day ORDER BY u.key_id, u.usage_day""", (rs) -> {
			String keyId = rs.getString("key_id");
			if (!keyId.equals(key[0])) {
				collect(key[0], use, days, found);
				use.clear();
				key[0] = keyId;
			}
			LocalDate day = rs.getObject("usage_day", LocalDate.class);
			BigDecimal spend = rs.getBigDecimal("spend");
			use.put(day, new DailyUse(day, rs.getLong("requests"), rs.getLong("failed"),
					(spend != null) ? spend : BigDecimal.ZERO));
		}, days.get(0).minusDays(this.settings.baseline().toDays()), days.get(days.size() - 1));
		collect(key[0], use, days, found);
		this.jdbc.batchUpdate("UPDATE key_register SET anomalies = ? WHERE key_id = ?", found);
		return found.size();
	}

	private void collect(String keyId, Map<LocalDate, DailyUse> use, List<LocalDate> days, List<Object[]> found) {
		if (keyId == null) {
			return;
		}
		List<String> anomalies = UsageAnomalies.of(use, days, this.settings);
		if (!anomalies.isEmpty()) {
			String evidence = String.join("; ", anomalies);
			found.add(new Object[] { (evidence.length() > 2000) ? evidence.substring(0, 2000) : evidence, keyId });
		}
	}

}
