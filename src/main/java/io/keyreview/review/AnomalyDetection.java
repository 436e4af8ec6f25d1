package io.keyreview.review;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.keyreview.review.UsageAnomalies.DailyUse;
import io.keyreview.support.SqlValues;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The nightly's {@code detectAnomalies}: for the days tonight's usage files covered (the
 * recent ones: {@code keyreview.rules.anomaly.recent} before the run date at most, and
 * only once the usage kept reaches a whole baseline before them, so the first nights of
 * keyreview, which know no key's history, flag nothing), each key's daily use against its
 * own baseline ({@link UsageAnomalies}), read from the daily rollups of those days and
 * the baseline window before them only, in key order with a cursor (unattributed key ids
 * included, which have no register row to write to, rather than a join that would sort
 * the window); and each model or provider a key used on such a day but on none of its
 * baseline's days: a new provider (another processor of the key's data), or a new model
 * that none of the key's allowed model groups holds (the inventory's allowed models
 * without a policy). What it finds goes into {@code key_register.anomalies}, for the
 * {@code anomaly} rule; the whole night is one transaction, so a rerun recomputes it.
 */
class AnomalyDetection {

	private static final String NEW_MODELS_AND_PROVIDERS = """
			SELECT * FROM (SELECT t.key_id, t.model, t.provider, SUM(t.requests) AS requests,
			  MAX(p.model_groups_allowed) AS model_groups, MAX(r.models) AS inventory_models,
			  CASE WHEN NOT EXISTS (SELECT 1 FROM usage_daily b WHERE b.key_id = t.key_id
			    AND b.usage_day BETWEEN ? AND ? AND b.provider = t.provider) THEN TRUE ELSE FALSE END AS new_provider,
			  CASE WHEN NOT EXISTS (SELECT 1 FROM usage_daily b WHERE b.key_id = t.key_id
			    AND b.usage_day BETWEEN ? AND ? AND b.model = t.model) THEN TRUE ELSE FALSE END AS new_model
			FROM usage_daily t JOIN key_register r ON r.key_id = t.key_id
			LEFT JOIN key_policy p ON p.key_id = t.key_id
			WHERE EXISTS (SELECT 1 FROM usage_daily b WHERE b.key_id = t.key_id AND b.usage_day BETWEEN ? AND ?)
			  AND t.usage_day = ?
			GROUP BY t.key_id, t.model, t.provider) n
			WHERE n.new_provider = TRUE OR n.new_model = TRUE
			ORDER BY n.key_id, n.provider, n.model""";

	private static final String HOURLY = "SELECT u.key_id, u.usage_day, "
			+ IntStream.range(0, 24)
				.mapToObj((hour) -> "SUM(u.h%02d)".formatted(hour))
				.collect(Collectors.joining(", "))
			+ " FROM usage_hourly u WHERE u.usage_day BETWEEN ? AND ?"
			+ " GROUP BY u.key_id, u.usage_day ORDER BY u.key_id, u.usage_day";

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
		LocalDate keptFrom = runDate.minusDays(this.settings.recent().toDays() + this.settings.baseline().toDays());
		this.jdbc.update("DELETE FROM usage_hourly WHERE usage_day < ?", keptFrom);
		this.jdbc.update("DELETE FROM usage_client WHERE usage_day < ?", keptFrom);
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
		Map<String, List<String>> found = new TreeMap<>();
		this.<DailyUse>eachKey("""
				SELECT u.key_id, u.usage_day, SUM(u.requests) AS requests, SUM(u.failed_requests) AS failed,
				  SUM(u.cost_usd) AS spend
				FROM usage_daily u
				WHERE u.usage_day BETWEEN ? AND ?
				GROUP BY u.key_id, u.usage_day ORDER BY u.key_id, u.usage_day""", days, (rs, day, use) -> {
			BigDecimal spend = rs.getBigDecimal("spend");
			use.put(day, new DailyUse(day, rs.getLong("requests"), rs.getLong("failed"),
					(spend != null) ? spend : BigDecimal.ZERO));
		}, (keyId, use) -> collect(keyId, use, days, found));
		days.forEach((day) -> newModelsAndProviders(day, found));
		offHoursBursts(days, found);
		newClientAddresses(days, found);
		this.jdbc.batchUpdate("UPDATE key_register SET anomalies = ? WHERE key_id = ?",
				found.entrySet().stream().map((keyFound) -> {
					String evidence = String.join("; ", keyFound.getValue());
					return new Object[] { (evidence.length() > 2000) ? evidence.substring(0, 2000) : evidence,
							keyFound.getKey() };
				}).toList());
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM key_register WHERE anomalies IS NOT NULL", Integer.class);
	}

	private void collect(String keyId, Map<LocalDate, DailyUse> use, List<LocalDate> days,
			Map<String, List<String>> found) {
		List<String> anomalies = UsageAnomalies.of(use, days, this.settings);
		if (!anomalies.isEmpty()) {
			found.computeIfAbsent(keyId, (id) -> new ArrayList<>()).addAll(anomalies);
		}
	}

	/**
	 * Requests on a judged day in hours of the day in which the key made none on any day
	 * of its baseline, a baseline with use on enough days, and in enough hours of each,
	 * to have a rhythm.
	 */
	private void offHoursBursts(List<LocalDate> days, Map<String, List<String>> found) {
		this.<long[]>eachKey(HOURLY, days, (rs, day, hours) -> {
			long[] requests = new long[24];
			for (int hour = 0; hour < 24; hour++) {
				requests[hour] = rs.getLong(3 + hour);
			}
			hours.put(day, requests);
		}, (keyId, hours) -> offHoursBursts(keyId, hours, days, found));
	}

	private void offHoursBursts(String keyId, Map<LocalDate, long[]> hours, List<LocalDate> days,
			Map<String, List<String>> found) {
		for (LocalDate day : days) {
			long[] tonight = hours.get(day);
			if (tonight == null) {
				continue;
			}
			long[] baseline = new long[24];
			int daysUsed = 0;
			int activeHours = 0;
			for (long back = this.settings.baseline().toDays(); back >= 1; back--) {
				long[] before = hours.get(day.minusDays(back));
				if (before != null) {
					daysUsed++;
					for (int hour = 0; hour < 24; hour++) {
						baseline[hour] += before[hour];
						activeHours += (before[hour] > 0) ? 1 : 0;
					}
				}
			}
			if (daysUsed < this.settings.offHoursBaselineDays()
					|| activeHours < daysUsed * this.settings.offHoursActiveHours()) {
				continue;
			}
			long offHours = 0;
			List<String> silentHours = new ArrayList<>();
			for (int hour = 0; hour < 24; hour++) {
				if (baseline[hour] == 0 && tonight[hour] > 0) {
					offHours += tonight[hour];
					silentHours.add("%02d".formatted(hour));
				}
			}
			if (offHours >= this.settings.offHoursFloor()) {
				found.computeIfAbsent(keyId, (id) -> new ArrayList<>())
					.add("off-hours burst on " + day + ": " + offHours + " request(s) at "
							+ String.join(", ", silentHours) + " UTC, hours in which it made none on its " + daysUsed
							+ " day(s) of use in the " + this.settings.baseline().toDays() + " days before (threshold "
							+ this.settings.offHoursFloor() + ")");
			}
		}
	}

	/**
	 * Client addresses that requests came from on a judged day and on none of the
	 * baseline's days, of keys whose baseline knew their addresses on enough days.
	 */
	private void newClientAddresses(List<LocalDate> days, Map<String, List<String>> found) {
		this.<Map<String, Long>>eachKey("""
				SELECT u.key_id, u.usage_day, u.client_ip, SUM(u.requests) AS requests FROM usage_client u
				WHERE u.usage_day BETWEEN ? AND ?
				GROUP BY u.key_id, u.usage_day, u.client_ip ORDER BY u.key_id, u.usage_day, u.client_ip""", days,
				(rs, day, addresses) -> addresses.computeIfAbsent(day, (d) -> new TreeMap<>())
					.put(rs.getString("client_ip"), rs.getLong("requests")),
				(keyId, addresses) -> newClientAddresses(keyId, addresses, days, found));
	}

	/** Reads one row of a key's baseline window into its rows by day. */
	@FunctionalInterface
	private interface DayRows<T> {

		void add(ResultSet rs, LocalDate day, Map<LocalDate, T> rows) throws SQLException;

	}

	/**
	 * Streams {@code sql}'s rows of the baseline window before the judged days, in key
	 * order, and hands each key's rows by day to {@code judge}.
	 */
	private <T> void eachKey(String sql, List<LocalDate> days, DayRows<T> dayRows,
			BiConsumer<String, Map<LocalDate, T>> judge) {
		Map<LocalDate, T> rows = new HashMap<>();
		String[] key = { null };
		this.streaming.query(sql, (rs) -> {
			String keyId = rs.getString("key_id");
			if (!keyId.equals(key[0])) {
				if (key[0] != null) {
					judge.accept(key[0], rows);
				}
				rows.clear();
				key[0] = keyId;
			}
			dayRows.add(rs, rs.getObject("usage_day", LocalDate.class), rows);
		}, days.get(0).minusDays(this.settings.baseline().toDays()), days.get(days.size() - 1));
		if (key[0] != null) {
			judge.accept(key[0], rows);
		}
	}

	private void newClientAddresses(String keyId, Map<LocalDate, Map<String, Long>> addresses, List<LocalDate> days,
			Map<String, List<String>> found) {
		for (LocalDate day : days) {
			Map<String, Long> tonight = addresses.get(day);
			if (tonight == null) {
				continue;
			}
			Set<String> known = new HashSet<>();
			int daysKnown = 0;
			for (long back = this.settings.baseline().toDays(); back >= 1; back--) {
				Map<String, Long> before = addresses.get(day.minusDays(back));
				if (before != null) {
					daysKnown++;
					known.addAll(before.keySet());
				}
			}
			List<String> unseen = tonight.entrySet()
				.stream()
				.filter((address) -> !known.contains(address.getKey())
						&& address.getValue() >= this.settings.newAddressFloor())
				.map((address) -> address.getKey() + " (" + address.getValue() + " request(s))")
				.toList();
			if (daysKnown >= this.settings.newAddressBaselineDays() && !unseen.isEmpty()) {
				found.computeIfAbsent(keyId, (id) -> new ArrayList<>())
					.add("new client address(es) on " + day + ": "
							+ String.join(", ", unseen.subList(0, Math.min(5, unseen.size())))
							+ ((unseen.size() > 5) ? " and " + (unseen.size() - 5) + " more" : "") + ", unseen on its "
							+ daysKnown + " day(s) with known addresses in the " + this.settings.baseline().toDays()
							+ " days before, which came from " + known.size() + " address(es)");
			}
		}
	}

	/**
	 * The models and providers keys used on a day and on none of the baseline's days
	 * before it, of keys that used anything in those days.
	 */
	private void newModelsAndProviders(LocalDate day, Map<String, List<String>> found) {
		LocalDate baselineFrom = day.minusDays(this.settings.baseline().toDays());
		LocalDate baselineTo = day.minusDays(1);
		Map<String, Set<String>> allowedModels = new HashMap<>();
		this.jdbc.query(NEW_MODELS_AND_PROVIDERS, (rs) -> {
			String keyId = rs.getString("key_id");
			String model = rs.getString("model");
			String provider = rs.getString("provider");
			String requests = rs.getLong("requests") + " request(s)";
			String unused = "unused by the key in the " + this.settings.baseline().toDays() + " days before";
			if (rs.getBoolean("new_provider")) {
				found.computeIfAbsent(keyId, (id) -> new ArrayList<>())
					.add("new provider " + provider + " on " + day + ": " + requests + " of " + model + ", " + unused);
			}
			String modelGroups = rs.getString("model_groups");
			String inventoryModels = rs.getString("inventory_models");
			Set<String> allowed = allowedModels.computeIfAbsent(keyId,
					(id) -> allowedModels(modelGroups, inventoryModels));
			if (rs.getBoolean("new_model") && !allowed.isEmpty() && !allowed.contains(model)) {
				found.computeIfAbsent(keyId, (id) -> new ArrayList<>())
					.add("new model " + model + " (" + provider + ") on " + day + ": " + requests + ", " + unused
							+ " and outside its allowed models");
			}
		}, baselineFrom, baselineTo, baselineFrom, baselineTo, baselineFrom, baselineTo, day);
	}

	private Set<String> allowedModels(@Nullable String modelGroups, @Nullable String inventoryModels) {
		List<String> groups = SqlValues.list(modelGroups);
		if (groups.isEmpty()) {
			return new HashSet<>(SqlValues.list(inventoryModels));
		}
		return new HashSet<>(this.jdbc.queryForList("SELECT model FROM model_group_member WHERE group_name IN (%s)"
			.formatted(String.join(", ", Collections.nCopies(groups.size(), "?"))), String.class, groups.toArray()));
	}

}
