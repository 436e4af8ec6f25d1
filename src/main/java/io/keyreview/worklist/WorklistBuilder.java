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
import java.util.function.Consumer;

import io.keyreview.policy.Directories;
import io.keyreview.policy.Directory;
import io.keyreview.review.Addressee;
import io.keyreview.review.Decision;
import io.keyreview.review.Finding;
import io.keyreview.review.Recipients;
import io.keyreview.review.ReviewContext;
import io.keyreview.review.ReviewItem;
import io.keyreview.review.ReviewRegister;
import io.keyreview.review.ReviewedKey;
import io.keyreview.support.CsvExport;
import io.keyreview.support.KeyreviewProperties;
import io.keyreview.support.Money;
import io.keyreview.usage.UsageSummaries;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds the work list of a cycle from the reviewed register: production keys monthly
 * (with the month's usage and spend), production and vendor keys quarterly (with scope,
 * rotation, offboarding and exceptions), and each night the keys with a new event.
 * Monthly, usage no inventory knows is listed too, for security and finance. The register
 * is read a page of keys at a time ({@code keyreview.chunk-size}), with the findings,
 * details and people of that page only.
 */
@Component
class WorklistBuilder {

	private final ReviewRegister register;

	private final Directories directories;

	private final NamedParameterJdbcTemplate named;

	private final ReviewSettings settings;

	private final UsageSummaries usage;

	private final int pageSize;

	WorklistBuilder(ReviewRegister register, Directories directories, NamedParameterJdbcTemplate named,
			ReviewSettings settings, UsageSummaries usage, KeyreviewProperties properties) {
		this.register = register;
		this.directories = directories;
		this.named = named;
		this.settings = settings;
		this.usage = usage;
		this.pageSize = properties.chunkSize();
	}

	/**
	 * Hands the work list to {@code pages} a page at a time, as of the cycle's last day
	 * whichever day it is built on, so a rerun picks the same keys and recipients.
	 */
	void build(Cycle cycle, Consumer<List<ReviewItem>> pages) {
		Directory directory = this.directories.current();
		Recipients recipients = new Recipients(this.settings.security());
		boolean events = cycle.kind() == Cycle.Kind.EVENTS;
		Map<String, List<String>> eventRules = events ? this.register.eventRulesFirstFoundOn(cycle.lastDay())
				: Map.of();
		Map<String, List<String>> firstUses = events ? this.register.firstUsesOn(cycle.lastDay()) : Map.of();
		LocalDate due = cycle.lastDay().plusDays(this.settings.dueIn().toDays());
		String after = "";
		for (List<ReviewedKey> page = this.register.keysAfter(after, this.pageSize); !page
			.isEmpty(); page = this.register.keysAfter(after, this.pageSize)) {
			String first = page.get(0).keyId();
			after = page.get(page.size() - 1).keyId();
			List<ReviewedKey> selected = page.stream()
				.filter((key) -> !key.retired() && selects(cycle, key, eventRules, firstUses))
				.toList();
			if (selected.isEmpty()) {
				continue;
			}
			Map<String, List<Finding>> findings = this.register.findingsBetween(first, after);
			Map<String, Map<String, String>> details = details(cycle, first, after);
			ReviewContext context = this.register.recipientsContext(cycle.lastDay(), directory, selected);
			List<ReviewItem> items = new ArrayList<>();
			for (ReviewedKey key : selected) {
				List<Finding> keyFindings = new ArrayList<>(findings.getOrDefault(key.keyId(), List.of()));
				Map<String, String> keyDetails = details.getOrDefault(key.keyId(), new LinkedHashMap<>());
				if (events) {
					List<String> uses = firstUses.getOrDefault(key.keyId(), List.of());
					keyDetails.put("events", String.join(";", eventRules.getOrDefault(key.keyId(), List.of())));
					keyDetails.put("first_used_tonight", String.join(";", uses));
					if (!uses.isEmpty()) {
						keyFindings
							.add(new Finding("release", Decision.KEEP, "first use of " + String.join(", ", uses)));
					}
				}
				BigDecimal spend = (cycle.kind() == Cycle.Kind.MONTHLY) ? new BigDecimal(keyDetails.get("spend_usd"))
						: key.spendMonthUsd();
				items.add(
						new ReviewItem(key.keyId(), key.alias(), key.effectiveEnvironment(),
								(key.lastUsedAt() != null) ? LocalDate.ofInstant(key.lastUsedAt(), ZoneOffset.UTC)
										: null,
								spend, key.monthlyBudgetUsd(), Decision.forFindings(keyFindings), keyFindings,
								recipients.of(key, keyFindings, context, events), keyDetails, due));
			}
			pages.accept(items);
		}
		if (cycle.kind() == Cycle.Kind.MONTHLY) {
			pages.accept(unattributable(cycle, due));
		}
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

	/** The cycle's focus columns of the register's keys from one key id to another. */
	private Map<String, Map<String, String>> details(Cycle cycle, String firstKeyId, String lastKeyId) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("first", cycle.firstDay())
			.addValue("last", cycle.lastDay())
			.addValue("firstKey", firstKeyId)
			.addValue("lastKey", lastKeyId);
		Map<String, Map<String, String>> details = new LinkedHashMap<>();
		if (cycle.kind() == Cycle.Kind.MONTHLY) {
			this.named.query("""
					SELECT r.key_id, COALESCE(r.business_owner, r.owner) AS owner, r.last_used_at,
					  COALESCE(SUM(u.requests), 0) AS requests, COALESCE(SUM(u.failed_requests), 0) AS failed_requests,
					  COALESCE(SUM(u.cost_usd), 0) AS spend_usd, r.monthly_budget_usd, '' AS new_routes
					FROM key_register r
					LEFT JOIN usage_daily u ON u.key_id = r.key_id AND u.usage_day BETWEEN :first AND :last
					WHERE r.key_id BETWEEN :firstKey AND :lastKey
					GROUP BY r.key_id, r.business_owner, r.owner, r.last_used_at, r.monthly_budget_usd""", parameters,
					(rs) -> {
						details.put(rs.getString("key_id"), row(rs, cycle.kind().detailColumns()));
					});
			this.named.query("""
					SELECT DISTINCT u.key_id, u.route FROM key_register r
					JOIN usage_daily u ON u.key_id = r.key_id AND u.usage_day BETWEEN :first AND :last
					WHERE r.key_id BETWEEN :firstKey AND :lastKey AND u.route <> ''
					  AND NOT EXISTS (SELECT 1 FROM usage_daily p
					    WHERE p.key_id = u.key_id AND p.usage_day < :first AND p.route = u.route)
					ORDER BY u.key_id, u.route""", parameters, (rs) -> {
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
							FROM key_register WHERE key_id BETWEEN :firstKey AND :lastKey""",
					parameters, (rs) -> {
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
