package io.keyreview.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.keyreview.support.SqlValues;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The route policies tonight's policy folder held. */
@Component
public class Policies {

	private final JdbcTemplate jdbc;

	Policies(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Policy> deliveredOn(String keyId, LocalDate runDate) {
		return this.jdbc
			.query("SELECT * FROM key_policy WHERE key_id = ? AND seen_on = ?", (rs, row) -> new Policy(
					rs.getString("key_id"), rs.getString("business_owner"), rs.getString("technical_owner"),
					rs.getString("security_owner"), rs.getString("finance_owner"), rs.getString("environment"),
					rs.getString("workload_service"), rs.getString("workload_repository"),
					rs.getString("workload_deployment"), SqlValues.list(rs, "routes_allowed"),
					SqlValues.list(rs, "routes_denied"), SqlValues.list(rs, "model_groups_allowed"),
					rs.getObject("fallback_requires_same_data_policy", Boolean.class),
					SqlValues.list(rs, "scopes_allow"), SqlValues.list(rs, "scopes_deny"),
					rs.getBigDecimal("monthly_budget_usd"), rs.getString("alert_owner"), rs.getString("burst_limit"),
					rs.getString("request_metadata_logging"), rs.getString("raw_payload_storage"),
					SqlValues.list(rs, "audit_events_required"), rs.getString("rotation_cadence"),
					rs.getString("rotation_method"), rs.getObject("rotation_last_completed", LocalDate.class),
					SqlValues.list(rs, "offboarding_triggers"), rs.getObject("exceptions_allowed", Boolean.class),
					rs.getString("exception_reason"), rs.getString("exception_approver"),
					rs.getObject("exception_expires", LocalDate.class), rs.getString("input_file"), List.of()), keyId,
					runDate)
			.stream()
			.findFirst();
	}

}
