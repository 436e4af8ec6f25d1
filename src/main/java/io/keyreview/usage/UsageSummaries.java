package io.keyreview.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.keyreview.support.SqlValues;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads a key's {@link UsageSummary} from {@code usage_daily}. */
@Component
public class UsageSummaries {

	private final JdbcTemplate jdbc;

	UsageSummaries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public UsageSummary of(String keyId, LocalDate runDate) {
		LocalDate day30 = runDate.minusDays(30);
		LocalDate day90 = runDate.minusDays(90);
		LocalDate monthStart = runDate.withDayOfMonth(1);
		TreeSet<String> routes = new TreeSet<>();
		TreeSet<String> models = new TreeSet<>();
		this.jdbc.query("""
				SELECT DISTINCT route, model FROM usage_daily
				WHERE key_id = ? AND usage_day > ? AND usage_day <= ?""", (rs) -> {
			addIfPresent(routes, rs.getString("route"));
			addIfPresent(models, rs.getString("model"));
		}, keyId, day90, runDate);
		return this.jdbc.queryForObject("""
				SELECT MAX(last_used_at) AS last_used_at,
				  SUM(CASE WHEN usage_day > ? THEN requests ELSE 0 END) AS requests_30d,
				  SUM(CASE WHEN usage_day > ? THEN failed_requests ELSE 0 END) AS failed_requests_30d,
				  SUM(CASE WHEN usage_day > ? THEN requests ELSE 0 END) AS requests_90d,
				  SUM(CASE WHEN usage_day > ? THEN failed_requests ELSE 0 END) AS failed_requests_90d,
				  SUM(CASE WHEN usage_day >= ? THEN cost_usd ELSE 0 END) AS spend_month_usd,
				  SUM(CASE WHEN usage_day > ? THEN cost_usd ELSE 0 END) AS spend_90d_usd
				FROM usage_daily WHERE key_id = ? AND usage_day <= ?""",
				(rs, row) -> new UsageSummary(SqlValues.instant(rs, "last_used_at"), rs.getLong("requests_30d"),
						rs.getLong("failed_requests_30d"), rs.getLong("requests_90d"),
						rs.getLong("failed_requests_90d"), List.copyOf(routes), List.copyOf(models),
						amount(rs.getBigDecimal("spend_month_usd")), amount(rs.getBigDecimal("spend_90d_usd"))),
				day30, day30, day90, day90, monthStart, day90, keyId, runDate);
	}

	/**
	 * Usage between two days (both included) under key ids the register does not hold,
	 * one per key id with every source that reported it.
	 */
	public List<UnattributedUsage> unattributedBetween(LocalDate first, LocalDate last) {
		Map<String, UnattributedUsage> byKey = new LinkedHashMap<>();
		this.jdbc.query("""
				SELECT u.source, u.key_id, MIN(u.usage_day) AS first_day, MAX(u.usage_day) AS last_day,
				  SUM(u.requests) AS requests, SUM(u.cost_usd) AS cost_usd
				FROM usage_daily u
				WHERE u.usage_day BETWEEN ? AND ?
				  AND NOT EXISTS (SELECT 1 FROM key_register r WHERE r.key_id = u.key_id)
				GROUP BY u.source, u.key_id ORDER BY u.key_id, u.source""", (rs) -> {
			UnattributedUsage usage = new UnattributedUsage(List.of(rs.getString("source")), rs.getString("key_id"),
					rs.getObject("first_day", LocalDate.class), rs.getObject("last_day", LocalDate.class),
					rs.getLong("requests"), rs.getBigDecimal("cost_usd"));
			byKey.merge(usage.keyId(), usage, UnattributedUsage::plus);
		}, first, last);
		return List.copyOf(byKey.values());
	}

	private static void addIfPresent(TreeSet<String> values, String value) {
		if (!value.isEmpty()) {
			values.add(value);
		}
	}

	private static BigDecimal amount(BigDecimal value) {
		return (value != null) ? value : BigDecimal.ZERO;
	}

}
