package io.keyreview.usage;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.keyreview.support.SqlValues;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads keys' {@link UsageSummary usage summaries} and unattributed usage from
 * {@code usage_daily}.
 */
@Component
public class UsageSummaries {

	/**
	 * The days of usage the rules look at: requests and failures over 30 and 90 days,
	 * routes and models seen in 90 days, spend this month and over 90 days.
	 */
	public static final int WINDOW_DAYS = 90;

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	UsageSummaries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
	}

	/**
	 * What the rollups of the usage window (the {@value #WINDOW_DAYS} days up to the run
	 * date) say about some keys, by key id: a key without usage in the window has none.
	 * The last use is the window's only: {@link #lastUsedUpTo} reads a key's whole
	 * history.
	 */
	public Map<String, UsageSummary> inWindow(Collection<String> keyIds, LocalDate runDate) {
		if (keyIds.isEmpty()) {
			return Map.of();
		}
		LocalDate day30 = runDate.minusDays(30);
		LocalDate monthStart = runDate.withDayOfMonth(1);
		Map<String, Sums> sums = new HashMap<>();
		this.named.query("""
				SELECT key_id, route, model, MAX(last_used_at) AS last_used_at,
				  SUM(CASE WHEN usage_day > :day30 THEN requests ELSE 0 END) AS requests_30d,
				  SUM(CASE WHEN usage_day > :day30 THEN failed_requests ELSE 0 END) AS failed_requests_30d,
				  SUM(requests) AS requests_90d, SUM(failed_requests) AS failed_requests_90d,
				  SUM(CASE WHEN usage_day >= :monthStart THEN cost_usd ELSE 0 END) AS spend_month_usd,
				  SUM(cost_usd) AS spend_90d_usd
				FROM usage_daily
				WHERE key_id IN (:keyIds) AND usage_day > :windowStart AND usage_day <= :runDate
				GROUP BY key_id, route, model""", Map.of("keyIds", keyIds, "day30", day30, "monthStart", monthStart,
				"windowStart", windowStart(runDate), "runDate", runDate), (rs) -> {
					sums.computeIfAbsent(rs.getString("key_id"), (key) -> new Sums()).add(rs);
				});
		Map<String, UsageSummary> summaries = new HashMap<>();
		sums.forEach((keyId, sum) -> summaries.put(keyId, sum.summary()));
		return summaries;
	}

	/**
	 * The last use the rollups show of each of some keys, over their whole history up to
	 * the run date: for keys whose last use the register does not know yet.
	 */
	public Map<String, Instant> lastUsedUpTo(Collection<String> keyIds, LocalDate runDate) {
		Map<String, Instant> lastUse = new HashMap<>();
		if (!keyIds.isEmpty()) {
			this.named.query("""
					SELECT key_id, MAX(last_used_at) AS last_used_at FROM usage_daily
					WHERE key_id IN (:keyIds) AND usage_day <= :runDate GROUP BY key_id""",
					Map.of("keyIds", keyIds, "runDate", runDate), (rs) -> {
						lastUse.put(rs.getString("key_id"), SqlValues.instant(rs, "last_used_at"));
					});
		}
		return lastUse;
	}

	/** The first day after the usage window of a run date. */
	public static LocalDate windowStart(LocalDate runDate) {
		return runDate.minusDays(WINDOW_DAYS);
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

	/** One key's rollups in the window, added up route by route and model by model. */
	private static final class Sums {

		private @Nullable Instant lastUsedAt;

		private long requests30d;

		private long failedRequests30d;

		private long requests90d;

		private long failedRequests90d;

		private final TreeSet<String> routes = new TreeSet<>();

		private final TreeSet<String> models = new TreeSet<>();

		private BigDecimal spendMonthUsd = BigDecimal.ZERO;

		private BigDecimal spend90dUsd = BigDecimal.ZERO;

		void add(ResultSet rs) throws SQLException {
			Instant lastUsed = SqlValues.instant(rs, "last_used_at");
			if (this.lastUsedAt == null || (lastUsed != null && lastUsed.isAfter(this.lastUsedAt))) {
				this.lastUsedAt = lastUsed;
			}
			this.requests30d += rs.getLong("requests_30d");
			this.failedRequests30d += rs.getLong("failed_requests_30d");
			this.requests90d += rs.getLong("requests_90d");
			this.failedRequests90d += rs.getLong("failed_requests_90d");
			addIfPresent(this.routes, rs.getString("route"));
			addIfPresent(this.models, rs.getString("model"));
			this.spendMonthUsd = this.spendMonthUsd.add(rs.getBigDecimal("spend_month_usd"));
			this.spend90dUsd = this.spend90dUsd.add(rs.getBigDecimal("spend_90d_usd"));
		}

		UsageSummary summary() {
			return new UsageSummary(this.lastUsedAt, this.requests30d, this.failedRequests30d, this.requests90d,
					this.failedRequests90d, List.copyOf(this.routes), List.copyOf(this.models), this.spendMonthUsd,
					this.spend90dUsd);
		}

		private static void addIfPresent(TreeSet<String> values, String value) {
			if (!value.isEmpty()) {
				values.add(value);
			}
		}

	}

}
