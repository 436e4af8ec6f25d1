package io.keyreview.register;

import java.nio.file.Path;

import io.keyreview.support.CsvExport;
import io.keyreview.support.StreamingReads;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes {@code register-<date>.csv}: one row per key, never a secret value, streamed
 * from the register row by row.
 */
@Component
class RegisterExport {

	static final String[] COLUMNS = { "key_id", "alias", "source", "project", "environment", "policy_environment",
			"status", "owner", "business_owner", "technical_owner", "security_owner", "finance_owner", "created_by",
			"created_at", "last_used_at", "requests_30d", "failed_requests_30d", "requests_90d", "routes_seen_90d",
			"models_seen_90d", "spend_month_usd", "monthly_budget_usd", "last_rotated_at", "expires_at", "has_policy",
			"exposures", "first_seen", "last_seen", "gone_since", "decision", "findings" };

	private final JdbcTemplate jdbc;

	RegisterExport(StreamingReads reads) {
		this.jdbc = reads.template();
	}

	long write(Path file) {
		return CsvExport.write(file, COLUMNS, (rows) -> this.jdbc
			.query("SELECT " + String.join(", ", COLUMNS) + " FROM key_register ORDER BY key_id", (rs) -> {
				Object[] cells = new Object[COLUMNS.length];
				for (int i = 0; i < COLUMNS.length; i++) {
					cells[i] = rs.getObject(i + 1);
				}
				rows.add(cells);
			}));
	}

}
