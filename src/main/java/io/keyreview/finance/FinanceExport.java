package io.keyreview.finance;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import io.keyreview.support.CsvExport;
import io.keyreview.support.KeyreviewProperties;
import io.keyreview.support.Money;
import io.keyreview.usage.UnattributedUsage;
import io.keyreview.usage.UsageSummaries;
import io.keyreview.run.Cycle;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes {@code finance-<period>.csv}: per key its cost owner, budget, spend from usage
 * rows and over-budget flag; a row per key id no inventory lists; a control total; and a
 * {@code .sha256} file beside it. Every amount is its exact sum rounded once to the cent,
 * half-even, so the control total (the exact sum of all the period's usage rows, rounded)
 * may differ from the sum of the rounded rows by rounding. The register is read a page of
 * keys at a time ({@code keyreview.chunk-size}).
 */
@Component
class FinanceExport {

	static final String[] COLUMNS = { "period", "row_type", "key_id", "alias", "source", "environment", "cost_owner",
			"monthly_budget_usd", "spend_usage_usd", "spend_provider_usd", "difference_usd", "over_budget" };

	private final NamedParameterJdbcTemplate named;

	private final UsageSummaries usage;

	private final int pageSize;

	FinanceExport(NamedParameterJdbcTemplate named, UsageSummaries usage, KeyreviewProperties properties) {
		this.named = named;
		this.usage = usage;
		this.pageSize = properties.chunkSize();
	}

	long write(Cycle month, Path file) {
		MapSqlParameterSource period = new MapSqlParameterSource("first", month.firstDay()).addValue("last",
				month.lastDay());
		long rows = CsvExport.write(file, COLUMNS, (csv) -> {
			String after = "";
			List<String> page;
			do {
				period.addValue("after", after).addValue("limit", this.pageSize);
				page = this.named.query("""
						SELECT r.key_id, r.alias, r.source, r.environment, r.cost_owner, r.monthly_budget_usd,
						  (SELECT COALESCE(SUM(u.cost_usd), 0) FROM usage_daily u
						    WHERE u.key_id = r.key_id AND u.usage_day BETWEEN :first AND :last) AS spend,
						  (SELECT SUM(p.amount_usd) FROM provider_cost p
						    WHERE p.key_id = r.key_id AND p.cost_day BETWEEN :first AND :last) AS provider_spend
						FROM key_register r WHERE r.key_id > :after
						ORDER BY r.key_id LIMIT :limit""", period, (rs, row) -> {
					BigDecimal budget = rs.getBigDecimal("monthly_budget_usd");
					BigDecimal spend = rs.getBigDecimal("spend");
					BigDecimal provider = rs.getBigDecimal("provider_spend");
					csv.add(month.name(), "key", rs.getString("key_id"), rs.getString("alias"), rs.getString("source"),
							rs.getString("environment"), rs.getString("cost_owner"),
							(budget != null) ? cents(budget) : null, cents(spend),
							(provider != null) ? cents(provider) : null,
							(provider != null) ? cents(spend.subtract(provider)) : null,
							(budget != null) ? (spend.compareTo(budget) > 0 ? "yes" : "no") : null);
					return rs.getString("key_id");
				});
				after = page.isEmpty() ? after : page.get(page.size() - 1);
			}
			while (page.size() == this.pageSize);
			for (UnattributedUsage usage : this.usage.unattributedBetween(month.firstDay(), month.lastDay())) {
				csv.add(month.name(), "unattributed", usage.keyId(), null, String.join(";", usage.sources()), null,
						null, null, cents(usage.costUsd()), null, null, null);
			}
			this.named.query("""
					SELECT source, project, SUM(amount_usd) AS spend FROM provider_cost
					WHERE key_id = '' AND cost_day BETWEEN :first AND :last
					GROUP BY source, project ORDER BY source, project""", period, (rs) -> {
				csv.add(month.name(), "provider_without_key", null, rs.getString("project"), rs.getString("source"),
						null, null, null, null, cents(rs.getBigDecimal("spend")), null, null);
			});
			BigDecimal total = this.named.queryForObject(
					"SELECT COALESCE(SUM(cost_usd), 0) FROM usage_daily WHERE usage_day BETWEEN :first AND :last",
					period, BigDecimal.class);
			BigDecimal providerTotal = this.named.queryForObject(
					"SELECT SUM(amount_usd) FROM provider_cost WHERE cost_day BETWEEN :first AND :last", period,
					BigDecimal.class);
			csv.add(month.name(), "control_total", null, null, null, null, null, null, cents(total),
					(providerTotal != null) ? cents(providerTotal) : null, null, null);
		});
		CsvExport.writeChecksum(file);
		return rows;
	}

	private static String cents(BigDecimal amount) {
		return Money.cents(amount).toPlainString();
	}

}
