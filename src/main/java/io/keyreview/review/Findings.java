package io.keyreview.review;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * Keeps each key's current findings in {@code key_finding}, with the run date each was
 * first found (a finding that disappears and comes back is found anew), and the decision
 * and rule ids in {@code key_register}.
 */
@Component
class Findings {

	private final NamedParameterJdbcTemplate named;

	Findings(NamedParameterJdbcTemplate named) {
		this.named = named;
	}

	void replace(List<? extends Review> reviews, LocalDate runDate) {
		List<String> keyIds = reviews.stream().map(Review::keyId).toList();
		Map<String, LocalDate> firstFound = new HashMap<>();
		this.named.query("SELECT key_id, rule_id, first_found FROM key_finding WHERE key_id IN (:keyIds)",
				Map.of("keyIds", keyIds), (rs) -> {
					firstFound.put(rs.getString("key_id") + "/" + rs.getString("rule_id"),
							rs.getObject("first_found", LocalDate.class));
				});
		this.named.update("DELETE FROM key_finding WHERE key_id IN (:keyIds)", Map.of("keyIds", keyIds));
		this.named.batchUpdate("""
				INSERT INTO key_finding (key_id, rule_id, decision, evidence, first_found)
				VALUES (:keyId, :ruleId, :decision, :evidence, :firstFound)""", reviews.stream()
			.flatMap((review) -> review.findings()
				.stream()
				.map((finding) -> new MapSqlParameterSource("keyId", review.keyId())
					.addValue("ruleId", finding.ruleId())
					.addValue("decision", finding.decision().code())
					.addValue("evidence", finding.evidence())
					.addValue("firstFound", firstFound.getOrDefault(review.keyId() + "/" + finding.ruleId(), runDate))))
			.toArray(SqlParameterSource[]::new));
		this.named.batchUpdate(
				"UPDATE key_register SET decision = :decision, findings = :findings WHERE key_id = :keyId",
				reviews.stream()
					.map((review) -> new MapSqlParameterSource("keyId", review.keyId())
						.addValue("decision", (review.decision() != null) ? review.decision().code() : null)
						.addValue("findings", review.findings().isEmpty() ? null : review.ruleIds()))
					.toArray(SqlParameterSource[]::new));
	}

}
