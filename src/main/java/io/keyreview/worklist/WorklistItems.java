package io.keyreview.worklist;

import io.keyreview.run.Cycle;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;

import io.keyreview.review.Addressee;
import io.keyreview.review.Decision;
import io.keyreview.review.Finding;
import io.keyreview.review.ReviewItem;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The work list of each cycle in {@code worklist_item}; findings, recipients and the
 * cycle's focus columns are kept as JSON so a digest can be rebuilt from the row alone.
 */
@Component
public class WorklistItems {

	private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {
	};

	private static final TypeReference<List<Addressee>> RECIPIENTS = new TypeReference<>() {
	};

	private static final TypeReference<LinkedHashMap<String, String>> DETAILS = new TypeReference<>() {
	};

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	WorklistItems(JdbcTemplate jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void replace(Cycle cycle, List<ReviewItem> items) {
		this.jdbc.update("DELETE FROM worklist_item WHERE cycle = ?", cycle.name());
		this.jdbc.batchUpdate("""
				INSERT INTO worklist_item (cycle, key_id, alias, environment, last_used_on, spend_usd,
				  monthly_budget_usd, recipients, decision, findings, evidence, details, due_date)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", items.stream()
			.map((item) -> new Object[] { cycle.name(), item.keyId(), item.alias(), item.environment(),
					item.lastUsedOn(), item.spendUsd(), item.budgetUsd(),
					this.json.writeValueAsString(item.recipients()), item.decision().code(),
					item.findings().isEmpty() ? null : item.ruleIds(), this.json.writeValueAsString(item.findings()),
					this.json.writeValueAsString(item.details()), item.dueDate() })
			.toList());
	}

	public List<ReviewItem> of(Cycle cycle) {
		return this.jdbc.query("SELECT * FROM worklist_item WHERE cycle = ? ORDER BY key_id", (rs, row) -> item(rs),
				cycle.name());
	}

	private ReviewItem item(ResultSet rs) throws SQLException {
		return new ReviewItem(rs.getString("key_id"), rs.getString("alias"), rs.getString("environment"),
				rs.getObject("last_used_on", LocalDate.class), rs.getBigDecimal("spend_usd"),
				rs.getBigDecimal("monthly_budget_usd"), Decision.of(rs.getString("decision")),
				this.json.readValue(rs.getString("evidence"), FINDINGS),
				this.json.readValue(rs.getString("recipients"), RECIPIENTS),
				this.json.readValue(rs.getString("details"), DETAILS), rs.getObject("due_date", LocalDate.class));
	}

	static String recipientsText(List<Addressee> recipients) {
		return recipients.stream()
			.map((addressee) -> addressee.to() + ((addressee.cc() != null) ? " (cc " + addressee.cc() + ")" : ""))
			.collect(Collectors.joining("; "));
	}

}
