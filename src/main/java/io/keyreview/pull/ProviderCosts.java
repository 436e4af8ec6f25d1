package io.keyreview.pull;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Replaces, for one source, the days its cost data covers tonight in
 * {@code provider_cost}; costs of the same day, key, project and line item are summed.
 */
@Component
class ProviderCosts {

	private final JdbcTemplate jdbc;

	ProviderCosts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void replace(String source, List<ProviderCost> costs) {
		Map<List<Object>, BigDecimal> summed = new LinkedHashMap<>();
		costs.forEach((cost) -> summed.merge(List.of(cost.day(), cost.keyId(), cost.project(), cost.description()),
				cost.amountUsd(), BigDecimal::add));
		this.jdbc.batchUpdate("DELETE FROM provider_cost WHERE source = ? AND cost_day = ?",
				costs.stream().map(ProviderCost::day).distinct().map((day) -> new Object[] { source, day }).toList());
		this.jdbc.batchUpdate("""
				INSERT INTO provider_cost (source, cost_day, key_id, project, description, amount_usd)
				VALUES (?, ?, ?, ?, ?, ?)""",
				summed.entrySet()
					.stream()
					.map((cost) -> new Object[] { source, cost.getKey().get(0), cost.getKey().get(1),
							cost.getKey().get(2), cost.getKey().get(3), cost.getValue() })
					.toList());
	}

}
