package io.keyreview.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import io.keyreview.review.ReviewedKey.Approval;
import io.keyreview.support.SqlValues;

import org.springframework.jdbc.core.RowMapper;

/** Reads {@link ReviewedKey}s from the register and its change log. */
final class ReviewedKeys {

	/** Every register row with the dates the change log knows: use as a derived table. */
	static final String QUERY = """
			SELECT r.*,
			  (SELECT MAX(c.run_date) FROM key_change c WHERE c.key_id = r.key_id
			     AND c.event IN ('created', 'status_changed') AND c.new_value = 'disabled') AS disabled_since,
			  (SELECT MAX(c.run_date) FROM key_change c WHERE c.key_id = r.key_id
			     AND c.event = 'owner_changed') AS owner_changed_on
			FROM key_register r""";

	static final RowMapper<ReviewedKey> ROW_MAPPER = (rs, row) -> map(rs);

	private ReviewedKeys() {
	}

	private static ReviewedKey map(ResultSet rs) throws SQLException {
		Approval policy = rs.getBoolean("has_policy")
				? new Approval(rs.getString("business_owner"), rs.getString("technical_owner"),
						rs.getString("security_owner"), rs.getString("cost_owner"), rs.getString("backup_owner"),
						rs.getString("policy_environment"), SqlValues.list(rs, "policy_routes_allowed"),
						SqlValues.list(rs, "policy_routes_denied"), SqlValues.list(rs, "policy_model_groups"),
						SqlValues.list(rs, "policy_scopes_allowed"), SqlValues.list(rs, "policy_scopes_denied"),
						rs.getString("rotation_cadence"), rs.getString("exception_reason"),
						rs.getString("exception_approver"), rs.getObject("exception_expires", LocalDate.class))
				: null;
		return new ReviewedKey(rs.getString("key_id"), rs.getString("alias"), rs.getString("environment"),
				rs.getString("status"), rs.getString("owner"), rs.getString("owner_type"), rs.getString("created_by"),
				SqlValues.instant(rs, "created_at"), SqlValues.instant(rs, "last_used_at"),
				SqlValues.instant(rs, "last_rotated_at"), SqlValues.instant(rs, "expires_at"),
				SqlValues.list(rs, "routes"), SqlValues.list(rs, "models"), SqlValues.list(rs, "scopes"),
				SqlValues.list(rs, "routes_seen_90d"), SqlValues.list(rs, "models_seen_90d"),
				rs.getBigDecimal("spend_month_usd"), rs.getBigDecimal("monthly_budget_usd"), rs.getInt("exposures"),
				rs.getObject("gone_since", LocalDate.class), rs.getObject("disabled_since", LocalDate.class),
				rs.getObject("owner_changed_on", LocalDate.class), rs.getString("anomalies"), policy);
	}

}
