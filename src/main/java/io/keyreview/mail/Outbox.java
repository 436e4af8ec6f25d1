package io.keyreview.mail;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.keyreview.support.SqlValues;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code mail_outbox} table: a digest is added once (by its deterministic Message-ID)
 * and marked sent in the transaction that follows its delivery, so no rerun sends it
 * twice.
 */
@Component
public class Outbox {

	private final JdbcTemplate jdbc;

	Outbox(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adds the messages of one cycle the outbox does not hold yet, and returns how many
	 * were added.
	 */
	int addNew(String cycle, List<OutboxMessage> messages, LocalDate createdOn) {
		Set<String> known = new HashSet<>(
				this.jdbc.queryForList("SELECT message_id FROM mail_outbox WHERE cycle = ?", String.class, cycle));
		List<Object[]> rows = messages.stream()
			.filter((message) -> !known.contains(message.messageId()))
			.map((message) -> new Object[] { message.messageId(), message.cycle(), message.recipient(), message.cc(),
					message.subject(), message.text(), message.html(), createdOn })
			.toList();
		this.jdbc.batchUpdate("""
				INSERT INTO mail_outbox (message_id, cycle, recipient, cc, subject, text_body, html_body, created_on,
				  attempts)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)""", rows);
		return rows.size();
	}

	Optional<OutboxMessage> nextUnsent() {
		return this.jdbc.query("""
				SELECT message_id, cycle, recipient, cc, subject, text_body, html_body FROM mail_outbox
				WHERE sent_at IS NULL ORDER BY created_on, message_id LIMIT 1""", (rs) -> {
			if (!rs.next()) {
				return Optional.<OutboxMessage>empty();
			}
			return Optional.of(new OutboxMessage(rs.getString("message_id"), rs.getString("cycle"),
					rs.getString("recipient"), rs.getString("cc"), rs.getString("subject"), rs.getString("text_body"),
					rs.getString("html_body")));
		});
	}

	void markSent(String messageId, Instant sentAt) {
		this.jdbc.update("UPDATE mail_outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL "
				+ "WHERE message_id = ?", SqlValues.toColumn(sentAt), messageId);
	}

	void recordFailure(String messageId, int attempts, String error) {
		this.jdbc.update("UPDATE mail_outbox SET attempts = attempts + ?, last_error = ? WHERE message_id = ?",
				attempts, (error.length() > 1000) ? error.substring(0, 1000) : error, messageId);
	}

	public long unsentCount() {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL", Long.class);
		return (count != null) ? count : 0;
	}

}
