package io.keyreview.inventory;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.keyreview.support.SqlValues;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The keys tonight's inventories listed. */
@Component
public class InventoryKeys {

	private final JdbcTemplate jdbc;

	InventoryKeys(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<InventoryKey> listedOn(String keyId, LocalDate runDate) {
		return this.jdbc
			.query("SELECT * FROM inventory_key WHERE key_id = ? AND seen_on = ?",
					(rs, row) -> new InventoryKey(rs.getString("source"), rs.getString("key_id"), rs.getString("alias"),
							rs.getString("project"), rs.getString("environment"), rs.getString("status"),
							rs.getString("owner"), rs.getString("owner_type"), rs.getString("created_by"),
							SqlValues.instant(rs, "created_at"), SqlValues.instant(rs, "last_used_at"),
							SqlValues.instant(rs, "last_rotated_at"), SqlValues.instant(rs, "expires_at"),
							SqlValues.list(rs, "scopes"), SqlValues.list(rs, "allowed_models"),
							SqlValues.list(rs, "allowed_routes"), rs.getBigDecimal("monthly_budget_usd"),
							rs.getString("secret_location"), rs.getString("input_file"), List.of()),
					keyId, runDate)
			.stream()
			.findFirst();
	}

	/**
	 * The inventory files that delivered rows tonight, by name
	 * ({@code keys/litellm.csv}).
	 */
	public List<String> filesLoadedOn(LocalDate runDate) {
		return this.jdbc.queryForList("SELECT DISTINCT input_file FROM inventory_key WHERE seen_on = ?", String.class,
				runDate);
	}

}
