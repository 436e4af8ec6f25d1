package io.keyreview.answers;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.keyreview.support.SqlValues;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The {@code review_answer} table: append-only, each answer once by its fingerprint, so a
 * second copy of a message or a file landed again records nothing.
 */
public class Answers {

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	Answers(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
	}

	/** Records the answers not recorded yet, and returns how many were. */
	public int record(List<? extends Answer> answers, LocalDate recordedOn) {
		if (answers.isEmpty()) {
			return 0;
		}
		Map<String, Answer> byFingerprint = new LinkedHashMap<>();
		answers.forEach((answer) -> byFingerprint.putIfAbsent(answer.fingerprint(), answer));
		Set<String> known = new HashSet<>(
				this.named.queryForList("SELECT fingerprint FROM review_answer WHERE fingerprint IN (:fingerprints)",
						Map.of("fingerprints", byFingerprint.keySet()), String.class));
		List<Object[]> rows = byFingerprint.entrySet()
			.stream()
			.filter((entry) -> !known.contains(entry.getKey()))
			.map((entry) -> {
				Answer answer = entry.getValue();
				return new Object[] { answer.cycle(), answer.keyId(), answer.decision().code(), answer.reason(),
						answer.answeredBy(), SqlValues.toColumn(answer.answeredAt()), answer.channel(), answer.ref(),
						recordedOn, entry.getKey() };
			})
			.toList();
		this.jdbc.batchUpdate("""
				INSERT INTO review_answer (cycle, key_id, decision, reason, answered_by, answered_at, channel,
				  answer_ref, recorded_on, fingerprint)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
		return rows.size();
	}

}
