package io.keyreview.register;

import java.nio.file.Path;
import java.util.Arrays;

import io.keyreview.support.CsvExport;
import io.keyreview.support.StreamingReads;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import static java.util.stream.Collectors.joining;

/**
 * Writes {@code register-<date>.csv}: one row per key, never a secret value, streamed
 * from the register row by row, with the action a review answer asked for and that is not
 * done yet (of the latest cycle, when two are open).
 */
@Component
class RegisterExport {

	static final String[] COLUMNS = { "key_id", "alias", "source", "project", "environment", "policy_environment",
			"status", "owner", "business_owner", "technical_owner", "security_owner", "finance_owner", "backup_owner",
			"created_by", "created_at", "last_used_at", "requests_30d", "failed_requests_30d", "requests_90d",
			"routes_seen_90d", "models_seen_90d", "spend_month_usd", "monthly_budget_usd", "last_rotated_at",
			"expires_at", "has_policy", "exposures", "first_seen", "last_seen", "gone_since", "decision", "findings",
			"open_action", "open_action_cycle", "open_action_status" };

	private static final String QUERY = "SELECT "
			+ Arrays.stream(COLUMNS).limit(COLUMNS.length - 3).map((column) -> "r." + column).collect(joining(", "))
			+ """
					, a.decision, a.cycle, a.status
					FROM key_register r
					LEFT JOIN (SELECT key_id, MAX(cycle) AS cycle FROM review_action WHERE status <> 'done'
					  GROUP BY key_id) latest ON latest.key_id = r.key_id
					LEFT JOIN review_action a ON a.cycle = latest.cycle AND a.key_id = latest.key_id
					ORDER BY r.key_id""";

	private final JdbcTemplate jdbc;

	RegisterExport(StreamingReads reads) {
		this.jdbc = reads.template();
	}

	long write(Path file) {
		return CsvExport.write(file, COLUMNS, (rows) -> this.jdbc.query(QUERY, rows::addRow));
	}

}
