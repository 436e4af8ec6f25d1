package io.keyreview.policy;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.keyreview.support.SqlValues;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The route policies tonight's policy folder held. */
@Component
public class Policies {

	private final NamedParameterJdbcTemplate named;

	Policies(NamedParameterJdbcTemplate named) {
		this.named = named;
	}

	/** The policies of some keys that tonight's policy folder held, by key id. */
	public Map<String, Policy> deliveredOn(Collection<String> keyIds, LocalDate runDate) {
		Map<String, Policy> delivered = new HashMap<>();
		if (!keyIds.isEmpty()) {
			this.named.query("SELECT * FROM key_policy WHERE key_id IN (:keyIds) AND seen_on = :runDate",
					Map.of("keyIds", keyIds, "runDate", runDate), (rs) -> {
						Policy policy = new Policy(rs.getString("key_id"), rs.getString("business_owner"),
								rs.getString("technical_owner"), rs.getString("security_owner"),
								rs.getString("finance_owner"), rs.getString("backup_owner"),
								rs.getString("environment"), rs.getString("workload_service"),
								rs.getString("workload_repository"), rs.getString("workload_deployment"),
								SqlValues.list(rs, "routes_allowed"), SqlValues.list(rs, "routes_denied"),
								SqlValues.list(rs, "model_groups_allowed"),
								rs.getObject("fallback_requires_same_data_policy", Boolean.class),
								SqlValues.list(rs, "scopes_allow"), SqlValues.list(rs, "scopes_deny"),
								rs.getBigDecimal("monthly_budget_usd"), rs.getString("alert_owner"),
								rs.getString("burst_limit"), rs.getString("request_metadata_logging"),
								rs.getString("raw_payload_storage"), SqlValues.list(rs, "audit_events_required"),
								rs.getString("rotation_cadence"), rs.getString("rotation_method"),
								rs.getObject("rotation_last_completed", LocalDate.class),
								SqlValues.list(rs, "offboarding_triggers"),
								rs.getObject("exceptions_allowed", Boolean.class), rs.getString("exception_reason"),
								rs.getString("exception_approver"), rs.getObject("exception_expires", LocalDate.class),
								rs.getString("input_file"), List.of());
						delivered.put(policy.keyId(), policy);
					});
		}
		return delivered;
	}

}
