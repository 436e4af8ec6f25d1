package io.keyreview.inventory;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.keyreview.support.SqlValues;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The keys tonight's inventories listed. */
@Component
public class InventoryKeys {

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	InventoryKeys(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
	}

	/** Those of some keys that tonight's inventories listed, by key id. */
	public Map<String, InventoryKey> listedOn(Collection<String> keyIds, LocalDate runDate) {
		Map<String, InventoryKey> listed = new HashMap<>();
		if (!keyIds.isEmpty()) {
			this.named.query("SELECT * FROM inventory_key WHERE key_id IN (:keyIds) AND seen_on = :runDate",
					Map.of("keyIds", keyIds, "runDate", runDate), (rs) -> {
						InventoryKey key = new InventoryKey(rs.getString("source"), rs.getString("key_id"),
								rs.getString("alias"), rs.getString("project"), rs.getString("environment"),
								rs.getString("status"), rs.getString("owner"), rs.getString("owner_type"),
								rs.getString("created_by"), SqlValues.instant(rs, "created_at"),
								SqlValues.instant(rs, "last_used_at"), SqlValues.instant(rs, "last_rotated_at"),
								SqlValues.instant(rs, "expires_at"), SqlValues.list(rs, "scopes"),
								SqlValues.list(rs, "allowed_models"), SqlValues.list(rs, "allowed_routes"),
								rs.getBigDecimal("monthly_budget_usd"), rs.getString("secret_location"),
								rs.getString("input_file"), List.of());
						listed.put(key.keyId(), key);
					});
		}
		return listed;
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
