package io.keyreview.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.keyreview.support.AtomicFile;
import io.keyreview.support.CsvExport;
import io.keyreview.support.KeyreviewProperties;
import io.keyreview.secrets.SecretRedactor;
import io.keyreview.support.SqlValues;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The evidence file of one key ({@code <out>/evidence/<key_id>.json}, the key id
 * percent-encoded as in {@link #fileName}): what a reviewer or an auditor needs to see
 * about it in one place: owners, routes, scopes, environment, secret location, last use,
 * change events, cost, data handling, rotation record, offboarding triggers, exceptions,
 * findings, the review's answers and the trail of their actions, and the secrets found
 * (fingerprints only).
 */
@Component
public class EvidenceFile {

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final Path folder;

	private final Clock clock;

	EvidenceFile(JdbcTemplate jdbc, JsonMapper json, KeyreviewProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.folder = properties.out().resolve("evidence");
		this.clock = clock;
	}

	/** Writes the file of a register key; empty when the register has no such key. */
	public Optional<Path> write(String keyId) {
		List<Map<String, Object>> rows = this.jdbc.queryForList("SELECT * FROM key_register WHERE key_id = ?", keyId);
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Object> key = rows.get(0);
		Map<String, Object> evidence = new LinkedHashMap<>();
		evidence.put("key_id", keyId);
		copy(key, evidence, "alias", "source", "project", "environment", "policy_environment", "status");
		evidence.put("owners", pick(key, "business_owner", "technical_owner", "security_owner", "finance_owner",
				"backup_owner", "owner", "owner_type", "cost_owner"));
		evidence.put("workload", pick(key, "workload_service", "workload_repository", "workload_deployment"));
		evidence.put("routes", lists(key, "granted", "routes", "approved", "policy_routes_allowed", "denied",
				"policy_routes_denied", "seen_90d", "routes_seen_90d"));
		evidence.put("models", lists(key, "granted", "models", "approved_groups", "policy_model_groups", "seen_90d",
				"models_seen_90d"));
		evidence.put("scopes",
				lists(key, "granted", "scopes", "allowed", "policy_scopes_allowed", "denied", "policy_scopes_denied"));
		evidence.put("secret_location", text(key.get("secret_location")));
		evidence.put("created", pick(key, "created_at", "created_by"));
		evidence.put("last_used_at", text(key.get("last_used_at")));
		evidence.put("usage", pick(key, "requests_30d", "failed_requests_30d", "requests_90d", "failed_requests_90d"));
		evidence.put("cost", pick(key, "spend_month_usd", "spend_90d_usd", "monthly_budget_usd"));
		evidence.put("data_handling", dataHandling(keyId));
		evidence.put("rotation", pick(key, "rotation_cadence", "rotation_method", "last_rotated_at", "expires_at"));
		evidence.put("offboarding_triggers", list(key, "offboarding_triggers"));
		evidence.put("exception",
				pick(key, "exceptions_allowed", "exception_reason", "exception_approver", "exception_expires"));
		evidence.put("decision", text(key.get("decision")));
		evidence.put("findings", rows("""
				SELECT rule_id, decision, evidence, first_found FROM key_finding WHERE key_id = ? ORDER BY rule_id""",
				keyId));
		evidence.put("change_events", rows("""
				SELECT run_date, event, old_value, new_value FROM key_change WHERE key_id = ?
				ORDER BY run_date, event""", keyId));
		evidence.put("secrets_found", rows("""
				SELECT run_date, input_file, line, column_name, fingerprint FROM secret_exposure WHERE key_id = ?
				ORDER BY run_date, input_file, line""", keyId));
		evidence.put("review_answers", rows("""
				SELECT cycle, decision, reason, answered_by, answered_at, channel, answer_ref, recorded_on
				FROM review_answer WHERE key_id = ? ORDER BY answered_at, answer_id""", keyId));
		evidence.put("review_actions", rows("""
				SELECT cycle, decision, answered_at, action_due, status, done_on, evidence FROM review_action
				WHERE key_id = ? ORDER BY cycle""", keyId));
		evidence.put("remediation_requests", rows("""
				SELECT run_date, cycle, decision, approved_by, method, url, body, outcome, held_because, sent_at,
				  response_status, readback, readback_at
				FROM remediation_request WHERE key_id = ? ORDER BY run_date, cycle""", keyId));
		copy(key, evidence, "first_seen", "last_seen", "gone_since", "reconciled_on");
		evidence.put("generated_at", this.clock.instant().toString());
		return Optional.of(store(keyId,
				SecretRedactor.redact(this.json.writerWithDefaultPrettyPrinter().writeValueAsString(evidence))));
	}

	private Map<String, Object> dataHandling(String keyId) {
		List<Map<String, Object>> policy = this.jdbc.queryForList("""
				SELECT request_metadata_logging, raw_payload_storage, audit_events_required FROM key_policy
				WHERE key_id = ? ORDER BY seen_on DESC""", keyId);
		if (policy.isEmpty()) {
			return Map.of();
		}
		Map<String, Object> handling = pick(policy.get(0), "request_metadata_logging", "raw_payload_storage");
		handling.put("audit_events_required", list(policy.get(0), "audit_events_required"));
		return handling;
	}

	private Path store(String keyId, String content) {
		try {
			Path file = this.folder.resolve(fileName(keyId));
			AtomicFile.writeString(file, content);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the evidence file of " + keyId, ex);
		}
	}

	/**
	 * The key id with every byte of its UTF-8 form outside {@code [A-Za-z0-9._-]}
	 * percent-encoded ({@code a/b} is {@code a%2Fb.json}), so two key ids never share a
	 * file and the id can be read back from the name.
	 */
	static String fileName(String keyId) {
		StringBuilder name = new StringBuilder();
		for (byte b : keyId.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
					|| c == '-') {
				name.append(c);
			}
			else {
				name.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
			}
		}
		return name.append(".json").toString();
	}

	private List<Map<String, Object>> rows(String sql, String keyId) {
		return this.jdbc.queryForList(sql, keyId).stream().map((row) -> {
			Map<String, Object> texts = new LinkedHashMap<>();
			row.forEach((column, value) -> texts.put(column.toLowerCase(), text(value)));
			return texts;
		}).toList();
	}

	private static Map<String, Object> pick(Map<String, Object> row, String... columns) {
		Map<String, Object> picked = new LinkedHashMap<>();
		for (String column : columns) {
			picked.put(column, text(row.get(column)));
		}
		return picked;
	}

	/** Named lists from list columns: name, column, name, column, ... */
	private static Map<String, Object> lists(Map<String, Object> row, String... namesAndColumns) {
		Map<String, Object> lists = new LinkedHashMap<>();
		for (int i = 0; i < namesAndColumns.length; i += 2) {
			lists.put(namesAndColumns[i], list(row, namesAndColumns[i + 1]));
		}
		return lists;
	}

	private static void copy(Map<String, Object> row, Map<String, Object> evidence, String... columns) {
		evidence.putAll(pick(row, columns));
	}

	private static List<String> list(Map<String, Object> row, String column) {
		return SqlValues.list(text(row.get(column)));
	}

	private static String text(Object value) {
		return CsvExport.text(value);
	}

}
