package io.keyreview.register;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.keyreview.inventory.InventoryKey;
import io.keyreview.intake.InputSource;
import io.keyreview.support.SqlValues;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/** Reads and replaces rows of {@code key_register} and {@code key_change}. */
@Component
class Register {

	private static final String INSERT = """
			INSERT INTO key_register (key_id, alias, source, project, environment, policy_environment, status, owner,
			  owner_type, business_owner, technical_owner, security_owner, finance_owner, backup_owner, cost_owner, workload_service,
			  workload_repository, workload_deployment, routes, policy_routes_allowed, policy_routes_denied, models,
			  policy_model_groups, scopes, policy_scopes_allowed, policy_scopes_denied, secret_location, created_at,
			  created_by, last_used_at, requests_30d, failed_requests_30d, requests_90d, failed_requests_90d,
			  routes_seen_90d, models_seen_90d, spend_month_usd, spend_90d_usd, monthly_budget_usd, rotation_cadence,
			  rotation_method, last_rotated_at, expires_at, offboarding_triggers, exceptions_allowed, exception_reason,
			  exception_approver, exception_expires, has_policy, exposures, inventory_file, first_seen, last_seen,
			  gone_since, reconciled_on, usage_last_used_at)
			VALUES (:key_id, :alias, :source, :project, :environment, :policy_environment, :status, :owner,
			  :owner_type, :business_owner, :technical_owner, :security_owner, :finance_owner, :backup_owner, :cost_owner,
			  :workload_service, :workload_repository, :workload_deployment, :routes, :policy_routes_allowed,
			  :policy_routes_denied, :models, :policy_model_groups, :scopes, :policy_scopes_allowed,
			  :policy_scopes_denied, :secret_location, :created_at, :created_by, :last_used_at, :requests_30d,
			  :failed_requests_30d, :requests_90d, :failed_requests_90d, :routes_seen_90d, :models_seen_90d,
			  :spend_month_usd, :spend_90d_usd, :monthly_budget_usd, :rotation_cadence, :rotation_method,
			  :last_rotated_at, :expires_at, :offboarding_triggers, :exceptions_allowed, :exception_reason,
			  :exception_approver, :exception_expires, :has_policy, :exposures, :inventory_file, :first_seen,
			  :last_seen, :gone_since, :reconciled_on, :usage_last_used_at)""";

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	Register(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
	}

	/** The register rows of some keys, by key id. */
	Map<String, PreviousEntry> find(Collection<String> keyIds) {
		Map<String, PreviousEntry> entries = new HashMap<>();
		if (!keyIds.isEmpty()) {
			this.named.query("SELECT * FROM key_register WHERE key_id IN (:keyIds)", Map.of("keyIds", keyIds), (rs) -> {
				PreviousEntry entry = previous(rs);
				entries.put(entry.key().keyId(), entry);
			});
		}
		return entries;
	}

	/**
	 * The run dates on or before {@code runDate} on which a secret of each of some keys
	 * was found, one per sighting.
	 */
	Map<String, List<LocalDate>> exposedOn(Collection<String> keyIds, LocalDate runDate) {
		Map<String, List<LocalDate>> exposures = new HashMap<>();
		if (!keyIds.isEmpty()) {
			this.named.query(
					"SELECT key_id, run_date FROM secret_exposure WHERE key_id IN (:keyIds) AND run_date <= :runDate",
					Map.of("keyIds", keyIds, "runDate", runDate), (rs) -> {
						exposures.computeIfAbsent(rs.getString("key_id"), (key) -> new ArrayList<>())
							.add(rs.getObject("run_date", LocalDate.class));
					});
		}
		return exposures;
	}

	/** The keys whose inventory row was rejected on a run date. */
	Set<String> keysRejectedOn(LocalDate runDate) {
		return Set.copyOf(this.jdbc.queryForList(
				"SELECT DISTINCT key_id FROM rejected_row WHERE run_date = ? AND source = ? AND key_id IS NOT NULL",
				String.class, runDate, InputSource.KEYS.sourceName()));
	}

	/**
	 * The inventory files with a row rejected tonight whose key could not be read: such a
	 * file does not say which keys it lists.
	 */
	Set<String> filesRejectingAnUnknownKeyOn(LocalDate runDate) {
		return Set.copyOf(this.jdbc.queryForList(
				"SELECT DISTINCT input_file FROM rejected_row WHERE run_date = ? AND source = ? AND key_id IS NULL",
				String.class, runDate, InputSource.KEYS.sourceName()));
	}

	void replace(List<? extends Reconciled> reconciled, LocalDate runDate) {
		if (reconciled.isEmpty()) {
			return;
		}
		Map<String, Object> keys = Map.of("keyIds", reconciled.stream().map((r) -> r.entry().key().keyId()).toList(),
				"runDate", runDate);
		this.named.update("DELETE FROM key_register WHERE key_id IN (:keyIds)", keys);
		this.named.update("DELETE FROM key_change WHERE run_date = :runDate AND key_id IN (:keyIds)", keys);
		this.named.batchUpdate(INSERT,
				reconciled.stream().map((r) -> columns(r.entry(), runDate)).toArray(SqlParameterSource[]::new));
		this.named.batchUpdate("""
				INSERT INTO key_change (run_date, key_id, event, old_value, new_value)
				VALUES (:runDate, :keyId, :event, :oldValue, :newValue)""",
				reconciled.stream()
					.flatMap((r) -> r.changes().stream())
					.map((change) -> new MapSqlParameterSource("runDate", runDate).addValue("keyId", change.keyId())
						.addValue("event", change.event().code())
						.addValue("oldValue", change.oldValue())
						.addValue("newValue", change.newValue()))
					.toArray(SqlParameterSource[]::new));
	}

	private static MapSqlParameterSource columns(RegisterEntry entry, LocalDate runDate) {
		InventoryKey key = entry.key();
		var policy = entry.policy();
		var usage = entry.usage();
		MapSqlParameterSource columns = new MapSqlParameterSource().addValue("key_id", key.keyId())
			.addValue("alias", key.alias())
			.addValue("source", key.source())
			.addValue("project", key.project())
			.addValue("environment", key.environment())
			.addValue("status", key.status())
			.addValue("owner", key.owner())
			.addValue("owner_type", key.ownerType())
			.addValue("routes", SqlValues.toColumn(key.allowedRoutes()))
			.addValue("models", SqlValues.toColumn(key.allowedModels()))
			.addValue("scopes", SqlValues.toColumn(key.scopes()))
			.addValue("secret_location", key.secretLocation())
			.addValue("created_at", SqlValues.toColumn(key.createdAt()))
			.addValue("created_by", key.createdBy())
			.addValue("expires_at", SqlValues.toColumn(key.expiresAt()))
			.addValue("inventory_file", key.inputFile())
			.addValue("cost_owner", entry.costOwner())
			.addValue("last_used_at", SqlValues.toColumn(entry.lastUsedAt()))
			.addValue("last_rotated_at", SqlValues.toColumn(entry.lastRotatedAt()))
			.addValue("monthly_budget_usd", entry.monthlyBudgetUsd())
			.addValue("requests_30d", usage.requests30d())
			.addValue("failed_requests_30d", usage.failedRequests30d())
			.addValue("requests_90d", usage.requests90d())
			.addValue("failed_requests_90d", usage.failedRequests90d())
			.addValue("routes_seen_90d", SqlValues.toColumn(usage.routesSeen90d()))
			.addValue("models_seen_90d", SqlValues.toColumn(usage.modelsSeen90d()))
			.addValue("spend_month_usd", usage.spendMonthUsd())
			.addValue("spend_90d_usd", usage.spend90dUsd())
			.addValue("has_policy", policy != null)
			.addValue("exposures", entry.exposures())
			.addValue("first_seen", entry.firstSeen())
			.addValue("last_seen", entry.lastSeen())
			.addValue("gone_since", entry.goneSince())
			.addValue("reconciled_on", runDate)
			.addValue("usage_last_used_at", SqlValues.toColumn(usage.lastUsedAt()));
		Stream
			.of("policy_environment", "business_owner", "technical_owner", "security_owner", "finance_owner",
					"backup_owner", "workload_service", "workload_repository", "workload_deployment",
					"policy_routes_allowed", "policy_routes_denied", "policy_model_groups", "policy_scopes_allowed",
					"policy_scopes_denied", "rotation_cadence", "rotation_method", "offboarding_triggers",
					"exceptions_allowed", "exception_reason", "exception_approver", "exception_expires")
			.forEach((column) -> columns.addValue(column, null));
		if (policy != null) {
			columns.addValue("policy_environment", policy.environment())
				.addValue("business_owner", policy.businessOwner())
				.addValue("technical_owner", policy.technicalOwner())
				.addValue("security_owner", policy.securityOwner())
				.addValue("finance_owner", policy.financeOwner())
				.addValue("backup_owner", policy.backupOwner())
				.addValue("workload_service", policy.workloadService())
				.addValue("workload_repository", policy.workloadRepository())
				.addValue("workload_deployment", policy.workloadDeployment())
				.addValue("policy_routes_allowed", SqlValues.toColumn(policy.routesAllowed()))
				.addValue("policy_routes_denied", SqlValues.toColumn(policy.routesDenied()))
				.addValue("policy_model_groups", SqlValues.toColumn(policy.modelGroupsAllowed()))
				.addValue("policy_scopes_allowed", SqlValues.toColumn(policy.scopesAllow()))
				.addValue("policy_scopes_denied", SqlValues.toColumn(policy.scopesDeny()))
				.addValue("rotation_cadence", policy.rotationCadence())
				.addValue("rotation_method", policy.rotationMethod())
				.addValue("offboarding_triggers", SqlValues.toColumn(policy.offboardingTriggers()))
				.addValue("exceptions_allowed", policy.exceptionsAllowed())
				.addValue("exception_reason", policy.exceptionReason())
				.addValue("exception_approver", policy.exceptionApprover())
				.addValue("exception_expires", policy.exceptionExpires());
		}
		return columns;
	}

	private static PreviousEntry previous(ResultSet rs) throws SQLException {
		InventoryKey key = new InventoryKey(rs.getString("source"), rs.getString("key_id"), rs.getString("alias"),
				rs.getString("project"), rs.getString("environment"), rs.getString("status"), rs.getString("owner"),
				rs.getString("owner_type"), rs.getString("created_by"), SqlValues.instant(rs, "created_at"),
				SqlValues.instant(rs, "last_used_at"), SqlValues.instant(rs, "last_rotated_at"),
				SqlValues.instant(rs, "expires_at"), SqlValues.list(rs, "scopes"), SqlValues.list(rs, "models"),
				SqlValues.list(rs, "routes"), rs.getBigDecimal("monthly_budget_usd"), rs.getString("secret_location"),
				rs.getString("inventory_file"), List.of());
		KeyState state = new KeyState(key.status(),
				KeyState.owners(key.owner(), rs.getString("business_owner"), rs.getString("technical_owner")),
				key.scopes(), KeyState.union(key.allowedRoutes(), SqlValues.list(rs, "policy_routes_allowed")),
				KeyState.union(key.allowedModels(), SqlValues.list(rs, "policy_model_groups")), key.lastRotatedAt());
		return new PreviousEntry(key, state, rs.getObject("first_seen", LocalDate.class),
				rs.getObject("last_seen", LocalDate.class), rs.getObject("gone_since", LocalDate.class),
				SqlValues.instant(rs, "usage_last_used_at"), rs.getObject("reconciled_on", LocalDate.class));
	}

}
