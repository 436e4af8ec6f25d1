package io.keyreview.mail;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.keyreview.support.SqlValues;
import io.keyreview.run.Cycle;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code mail_outbox} table: a digest is added once (by its deterministic Message-ID)
 * and marked sent in a transaction of its own right after its delivery, whatever
 * transaction the caller is in, so no rerun sends it twice; one that can never be
 * delivered is parked with its reason.
 */
@Component
public class Outbox {

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final TransactionTemplate ownTransaction;

	Outbox(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Adds the messages the outbox does not hold yet, and returns how many were added.
	 */
	int addNew(List<OutboxMessage> messages, LocalDate createdOn) {
		if (messages.isEmpty()) {
			return 0;
		}
		Set<String> known = new HashSet<>(
				this.named.queryForList("SELECT message_id FROM mail_outbox WHERE message_id IN (:ids)",
						Map.of("ids", messages.stream().map(OutboxMessage::messageId).toList()), String.class));
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
	 * The Message-IDs of the next messages to send, from the index in delivery order: one
	 * that failed for a passing reason goes behind those not tried yet. Each message sent
	 * or parked leaves this order, so the next call reads on from where this one stopped.
	 */
	List<String> nextUnsent(int limit) {
		return this.jdbc.queryForList("""
				SELECT message_id FROM mail_outbox WHERE sent_at IS NULL AND parked_at IS NULL
				ORDER BY attempts, created_on, message_id LIMIT ?""", String.class, limit);
	}

	OutboxMessage message(String messageId) {
		return this.jdbc.queryForObject(
				"SELECT message_id, cycle, recipient, cc, subject, text_body, html_body FROM mail_outbox "
						+ "WHERE message_id = ?",
				(rs, row) -> new OutboxMessage(rs.getString("message_id"), rs.getString("cycle"),
						rs.getString("recipient"), rs.getString("cc"), rs.getString("subject"),
						rs.getString("text_body"), rs.getString("html_body")),
				messageId);
	}

	void markSent(String messageId, Instant sentAt) {
		updateNow("UPDATE mail_outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL "
				+ "WHERE message_id = ?", SqlValues.toColumn(sentAt), messageId);
	}

	void recordFailure(String messageId, int attempts, String error) {
		updateNow("UPDATE mail_outbox SET attempts = attempts + ?, last_error = ? WHERE message_id = ?", attempts,
				truncate(error), messageId);
	}

	/** Keeps a message that can never be delivered out of every later delivery. */
	void park(String messageId, int attempts, String reason, Instant parkedAt) {
		updateNow("UPDATE mail_outbox SET attempts = attempts + ?, last_error = ?, parked_at = ? WHERE message_id = ?",
				attempts, truncate(reason), SqlValues.toColumn(parkedAt), messageId);
	}

	/**
	 * Commits what happened to a message at once, outside the caller's transaction: a
	 * rollback of the batch must not forget that a message went out.
	 */
	private void updateNow(String sql, Object... args) {
		this.ownTransaction.executeWithoutResult((status) -> this.jdbc.update(sql, args));
	}

	void markSecurityTold(List<ParkedMessage> parked, Instant toldAt) {
		this.ownTransaction.executeWithoutResult(
				(status) -> this.jdbc.batchUpdate("UPDATE mail_outbox SET security_told_at = ? WHERE message_id = ?",
						parked.stream()
							.map((message) -> new Object[] { SqlValues.toColumn(toldAt), message.messageId() })
							.toList()));
	}

	/** The messages waiting to be sent, parked ones not included. */
	/**
	 * The cycle of the digest to {@code recipient} among these Message-IDs (a reply's
	 * In-Reply-To and References), if there is one.
	 */
	Optional<String> cycleOfDigestTo(String recipient, List<String> messageIds) {
		if (messageIds.isEmpty()) {
			return Optional.empty();
		}
		return this.named.queryForList("""
				SELECT cycle FROM mail_outbox WHERE message_id IN (:ids) AND recipient = :recipient
				ORDER BY created_on DESC""", Map.of("ids", messageIds, "recipient", recipient), String.class)
			.stream()
			.findFirst();
	}

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
