package io.keyreview.mail;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.keyreview.support.SqlValues;
import io.keyreview.run.Cycle;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code mail_outbox} table: a digest is added once (by its deterministic Message-ID)
 * and marked sent in the transaction that follows its delivery, so no rerun sends it
 * twice; one that can never be delivered is parked with its reason.
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

	/**
	 * The next message to send; one that failed for a passing reason goes behind those
	 * not tried yet.
	 */
	Optional<OutboxMessage> nextUnsent() {
		return this.jdbc.query("""
				SELECT message_id, cycle, recipient, cc, subject, text_body, html_body FROM mail_outbox
				WHERE sent_at IS NULL AND parked_at IS NULL ORDER BY attempts, created_on, message_id LIMIT 1""",
				(rs) -> {
					if (!rs.next()) {
						return Optional.<OutboxMessage>empty();
					}
					return Optional.of(new OutboxMessage(rs.getString("message_id"), rs.getString("cycle"),
							rs.getString("recipient"), rs.getString("cc"), rs.getString("subject"),
							rs.getString("text_body"), rs.getString("html_body")));
				});
	}

	void markSent(String messageId, Instant sentAt) {
		this.jdbc.update("UPDATE mail_outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL "
				+ "WHERE message_id = ?", SqlValues.toColumn(sentAt), messageId);
	}

	void recordFailure(String messageId, int attempts, String error) {
		this.jdbc.update("UPDATE mail_outbox SET attempts = attempts + ?, last_error = ? WHERE message_id = ?",
				attempts, truncate(error), messageId);
	}

	/** Keeps a message that can never be delivered out of every later delivery. */
	void park(String messageId, int attempts, String reason, Instant parkedAt) {
		this.jdbc.update(
				"UPDATE mail_outbox SET attempts = attempts + ?, last_error = ?, parked_at = ? WHERE message_id = ?",
				attempts, truncate(reason), SqlValues.toColumn(parkedAt), messageId);
	}

	void markSecurityTold(List<ParkedMessage> parked, Instant toldAt) {
		this.jdbc.batchUpdate("UPDATE mail_outbox SET security_told_at = ? WHERE message_id = ?",
				parked.stream()
					.map((message) -> new Object[] { SqlValues.toColumn(toldAt), message.messageId() })
					.toList());
	}

	/** The messages waiting to be sent, parked ones not included. */
	public long unsentCount() {
		Long count = this.jdbc
			.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL AND parked_at IS NULL", Long.class);
		return (count != null) ? count : 0;
	}

	/** Every parked message, oldest first. */
	public List<ParkedMessage> parked() {
		return parked("");
	}

	List<ParkedMessage> parkedSecurityWasNotToldOf() {
		return parked("AND security_told_at IS NULL");
	}

	/** The parked messages of one cycle. */
	public List<ParkedMessage> parked(Cycle cycle) {
		return parked("AND cycle = ?", cycle.name());
	}

	private List<ParkedMessage> parked(String condition, Object... args) {
		return this.jdbc.query(
				"SELECT message_id, cycle, recipient, cc, last_error, parked_at FROM mail_outbox "
						+ "WHERE parked_at IS NOT NULL " + condition + " ORDER BY parked_at, message_id",
				(rs, row) -> new ParkedMessage(rs.getString("message_id"), rs.getString("cycle"),
						rs.getString("recipient"), rs.getString("cc"), String.valueOf(rs.getString("last_error")),
						SqlValues.instant(rs, "parked_at")),
				args);
	}

	/** What the outbox holds for the cycles it added messages to last. */
	public List<CycleMail> cycles(int limit) {
		return this.jdbc.query("""
				SELECT cycle, COUNT(*) AS digests, COUNT(sent_at) AS delivered, COUNT(parked_at) AS parked,
				  MAX(sent_at) AS last_delivered
				FROM mail_outbox GROUP BY cycle ORDER BY MAX(created_on) DESC, cycle DESC LIMIT ?""",
				(rs, row) -> new CycleMail(rs.getString("cycle"), rs.getLong("digests"), rs.getLong("delivered"),
						rs.getLong("digests") - rs.getLong("delivered") - rs.getLong("parked"), rs.getLong("parked"),
						SqlValues.instant(rs, "last_delivered")),
				limit);
	}

	private static String truncate(String text) {
		return (text.length() > 1000) ? text.substring(0, 1000) : text;
	}

}
