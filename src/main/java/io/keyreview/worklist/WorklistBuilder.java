package io.keyreview.worklist;

import io.keyreview.run.Cycle;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.keyreview.review.Addressee;
import io.keyreview.review.Decision;
import io.keyreview.review.Finding;
import io.keyreview.review.Recipients;
import io.keyreview.review.ReviewContext;
import io.keyreview.review.ReviewItem;
import io.keyreview.review.ReviewRegister;
import io.keyreview.review.ReviewedKey;
import io.keyreview.support.CsvExport;
import io.keyreview.support.Money;
import io.keyreview.usage.UsageSummaries;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds the work list of a cycle from the reviewed register: production keys monthly
 * (with the month's usage and spend), production and vendor keys quarterly (with scope,
 * rotation, offboarding and exceptions), and each night the keys with a new event.
 * Monthly, usage no inventory knows is listed too, for security and finance.
 */
@Component
class WorklistBuilder {

	private final ReviewRegister register;

	private final NamedParameterJdbcTemplate named;

	private final ReviewSettings settings;

	private final UsageSummaries usage;

	WorklistBuilder(ReviewRegister register, NamedParameterJdbcTemplate named, ReviewSettings settings,
			UsageSummaries usage) {
		this.register = register;
		this.named = named;
		this.settings = settings;
		this.usage = usage;
	}

	/**
	 * The work list as of the cycle's last day, whichever day it is built on, so a rerun
	 * picks the same keys and recipients.
	 */
	List<ReviewItem> build(Cycle cycle) {
		ReviewContext context = this.register.context(cycle.lastDay());
		Recipients recipients = new Recipients(this.settings.security());
		Map<String, List<Finding>> findings = this.register.findings();
		Map<String, Map<String, String>> details = details(cycle);
		Map<String, List<String>> events = this.register.eventRulesFirstFoundOn(cycle.lastDay());
		Map<String, List<String>> firstUses = this.register.firstUsesOn(cycle.lastDay());
		LocalDate due = cycle.lastDay().plusDays(this.settings.dueIn().toDays());
		List<ReviewItem> items = new ArrayList<>();
		for (ReviewedKey key : this.register.liveKeys()) {
			if (!selects(cycle, key, events, firstUses)) {
				continue;
			}
			List<Finding> keyFindings = new ArrayList<>(findings.getOrDefault(key.keyId(), List.of()));
			Map<String, String> keyDetails = details.getOrDefault(key.keyId(), new LinkedHashMap<>());
			if (cycle.kind() == Cycle.Kind.EVENTS) {
				List<String> uses = firstUses.getOrDefault(key.keyId(), List.of());
				keyDetails.put("events", String.join(";", events.getOrDefault(key.keyId(), List.of())));
				keyDetails.put("first_used_tonight", String.join(";", uses));
				if (!uses.isEmpty()) {
					keyFindings.add(new Finding("release", Decision.KEEP, "first use of " + String.join(", ", uses)));
				}
			}
			BigDecimal spend = (cycle.kind() == Cycle.Kind.MONTHLY) ? new BigDecimal(keyDetails.get("spend_usd"))
					: key.spendMonthUsd();
			items.add(new ReviewItem(key.keyId(), key.alias(), key.effectiveEnvironment(),
					(key.lastUsedAt() != null) ? LocalDate.ofInstant(key.lastUsedAt(), ZoneOffset.UTC) : null, spend,
					key.monthlyBudgetUsd(), Decision.forFindings(keyFindings), keyFindings,
					recipients.of(key, keyFindings, context, cycle.kind() == Cycle.Kind.EVENTS), keyDetails, due));
		}
		if (cycle.kind() == Cycle.Kind.MONTHLY) {
			items.addAll(unattributable(cycle, due));
		}
		return items;
	}

	private static boolean selects(Cycle cycle, ReviewedKey key, Map<String, List<String>> events,
			Map<String, List<String>> firstUses) {
		return switch (cycle.kind()) {
			case EVENTS -> events.containsKey(key.keyId()) || firstUses.containsKey(key.keyId());
			case MONTHLY -> key.isProduction();
			case QUARTERLY ->
				key.isProduction() || "vendor".equals(key.environment()) || "vendor".equals(key.ownerType());
		};
	}

	private Map<String, Map<String, String>> details(Cycle cycle) {
		MapSqlParameterSource period = new MapSqlParameterSource("first", cycle.firstDay()).addValue("last",
				cycle.lastDay());
		Map<String, Map<String, String>> details = new LinkedHashMap<>();
		if (cycle.kind() == Cycle.Kind.MONTHLY) {
			this.named.query("""
					SELECT r.key_id, COALESCE(r.business_owner, r.owner) AS owner, r.last_used_at,
					  COALESCE(SUM(u.requests), 0) AS requests, COALESCE(SUM(u.failed_requests), 0) AS failed_requests,
					  COALESCE(SUM(u.cost_usd), 0) AS spend_usd, r.monthly_budget_usd, '' AS new_routes
					FROM key_register r
					LEFT JOIN usage_daily u ON u.key_id = r.key_id AND u.usage_day BETWEEN :first AND :last
					GROUP BY r.key_id, r.business_owner, r.owner, r.last_used_at, r.monthly_budget_usd""", period,
					(rs) -> {
						details.put(rs.getString("key_id"), row(rs, cycle.kind().detailColumns()));
					});
			this.named.query("""
					SELECT key_id, route FROM usage_daily WHERE route <> '' GROUP BY key_id, route
					HAVING MIN(usage_day) BETWEEN :first AND :last ORDER BY key_id, route""", period, (rs) -> {
				Map<String, String> row = details.get(rs.getString("key_id"));
				if (row != null) {
					row.merge("new_routes", rs.getString("route"), (a, b) -> a.isEmpty() ? b : a + ";" + b);
				}
			});
		}
		else if (cycle.kind() == Cycle.Kind.QUARTERLY) {
			this.named.query(
					"""
							SELECT key_id, COALESCE(business_owner, owner) AS owner, owner_type, scopes, last_rotated_at,
							  rotation_cadence, expires_at, offboarding_triggers,
							  CASE WHEN exception_reason IS NULL THEN NULL
							    ELSE CONCAT(exception_reason, ' (expires ', COALESCE(CAST(exception_expires AS CHAR(10)), 'never'),
							      ')') END AS exception
							FROM key_register""",
					period, (rs) -> {
						details.put(rs.getString("key_id"), row(rs, cycle.kind().detailColumns()));
					});
		}
		return details;
	}

	private static Map<String, String> row(ResultSet rs, List<String> columns) throws SQLException {
		Map<String, String> row = new LinkedHashMap<>();
		for (String column : columns) {
			String value = CsvExport.text(rs.getObject(column));
			row.put(column, (value != null) ? value : "");
		}
		return row;
	}

	private List<ReviewItem> unattributable(Cycle cycle, LocalDate due) {
		List<Addressee> securityAndFinance = List.of(
				new Addressee(this.settings.security(), null, List.of("security: unattributable usage")),
				new Addressee(this.settings.finance(), null, List.of("finance: unattributable spend")));
		return this.usage.unattributedBetween(cycle.firstDay(), cycle.lastDay()).stream().map((usage) -> {
			Finding finding = new Finding("unattributable", Decision.ESCALATE,
					usage.requests() + " request(s) costing " + Money.usd(usage.costUsd()) + " from " + usage.firstDay()
							+ " to " + usage.lastDay() + " under key id " + usage.keyId() + ", which no "
							+ String.join(" or ", usage.sources()) + " inventory lists");
			Map<String, String> details = new LinkedHashMap<>();
			cycle.kind().detailColumns().forEach((column) -> details.put(column, ""));
			details.put("requests", Long.toString(usage.requests()));
			details.put("spend_usd", CsvExport.text(usage.costUsd()));
			return new ReviewItem(usage.keyId(), null, null, usage.lastDay(), usage.costUsd(), null, Decision.ESCALATE,
					List.of(finding), securityAndFinance, details, due);
		}).toList();
	}

}
