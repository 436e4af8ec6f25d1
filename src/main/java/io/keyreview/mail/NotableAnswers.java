package io.keyreview.mail;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.keyreview.answers.AnswerCheck;
import io.keyreview.review.Decision;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Copies to the security owner each answer recorded tonight that differs from the
 * proposal or keeps a key with a serious finding, with its reason: once per answer, by a
 * Message-ID that follows from the answer's fingerprint.
 */
class NotableAnswers {

	private final JdbcTemplate jdbc;

	private final AnswerCheck check;

	private final Outbox outbox;

	private final String security;

	private final String domain;

	NotableAnswers(JdbcTemplate jdbc, AnswerCheck check, Outbox outbox, String security, String domain) {
		this.jdbc = jdbc;
		this.check = check;
		this.outbox = outbox;
		this.security = security;
		this.domain = domain;
	}

	/** The number of copies new to the outbox. */
	int copy(LocalDate runDate) {
		List<OutboxMessage> copies = new ArrayList<>();
		this.jdbc.query("""
				SELECT cycle, key_id, decision, reason, answered_by, channel, fingerprint FROM review_answer
				WHERE recorded_on = ? AND channel <> 'default' ORDER BY answer_id""", (rs) -> {
			String notable = this.check.notable(rs.getString("cycle"), rs.getString("key_id"),
					Decision.of(rs.getString("decision")));
			if (notable != null) {
				copies.add(copyOf(rs.getString("cycle"), rs.getString("key_id"), rs.getString("decision"),
						rs.getString("reason"), rs.getString("answered_by"), rs.getString("channel"), notable,
						rs.getString("fingerprint")));
			}
		}, runDate);
		return this.outbox.addNew(copies, runDate);
	}

	private OutboxMessage copyOf(String cycle, String keyId, String decision, String reason, String answeredBy,
			String channel, String notable, String fingerprint) {
		String subject = "[keyreview] answer to note: " + decision + " for " + keyId + ", " + cycle;
		String text = answeredBy + " answered " + decision + " for " + keyId + " in " + cycle + " (by " + channel
				+ "), an answer " + notable + ".\nTheir reason: " + reason + "\n\n"
				+ "It stands unless a later answer replaces it before the item closes.\n\n"
				+ "-- keyreview, the AI API access review\n";
		return OutboxMessage.notice(OutboxMessage.messageId(cycle + ".copy", fingerprint, this.domain), cycle,
				this.security, subject, text);
	}

}
