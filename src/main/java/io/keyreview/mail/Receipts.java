package io.keyreview.mail;

import java.time.LocalDate;
import java.util.List;

import io.keyreview.answers.Answer;
import io.keyreview.mail.AnswerMailbox.Handled;
import io.keyreview.secrets.SecretRedactor;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the answers mailbox sends back and keeps: a receipt for each answer recorded
 * ("recorded: keep for alpha-prod, 2026-11"), a notice to a sender whose link was genuine
 * but whose answer could not be recorded, and a reject row for each message refused. A
 * receipt's Message-ID follows from the answer's, so a message read twice is answered
 * once; automatic messages and unverified senders are never answered.
 */
class Receipts {

	private final Outbox outbox;

	private final JdbcTemplate jdbc;

	private final MailSettings settings;

	Receipts(Outbox outbox, JdbcTemplate jdbc, MailSettings settings) {
		this.outbox = outbox;
		this.jdbc = jdbc;
		this.settings = settings;
	}

	void add(Handled handled, LocalDate runDate) {
		String sender = handled.sender();
		if (sender == null || handled.signed() == null) {
			return;
		}
		Answer answer = handled.answer();
		String what = handled.signed().decision().code() + " for " + handled.signed().keyId() + ", "
				+ handled.signed().cycle();
		String subject = (answer != null) ? "[keyreview] recorded: " + what : "[keyreview] not recorded: " + what;
		String text = (answer != null)
				? "keyreview recorded your answer: " + what + "."
						+ ((answer.reason() != null) ? "\nYour reason: " + answer.reason() : "")
						+ "\n\nA later answer for the same key replaces it until the item closes.\n"
				: "keyreview could not record your answer (" + what + "): it " + handled.refusal() + ".\n"
						+ "\nAnswer again from the same link, with a reason where one is needed.\n";
		text += "\n-- keyreview, the AI API access review\n";
		this.outbox.addNew(List
			.of(OutboxMessage.notice(OutboxMessage.messageId("receipt", handled.messageId(), this.settings.domain()),
					"answers-" + runDate, sender, subject, text)),
				runDate);
	}

	/**
	 * Keeps the reason a message was refused, once a night, as a reject of the answers.
	 */
	void recordRefusal(LocalDate runDate, Handled handled) {
		String file = truncated("mailbox " + handled.messageId(), 300);
		Integer known = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM rejected_row WHERE run_date = ? AND input_file = ? AND line = 0", Integer.class,
				runDate, file);
		if (known != null && known > 0) {
			return;
		}
		String keyId = (handled.signed() != null && handled.signed().keyId().length() <= 128) ? handled.signed().keyId()
				: null;
		this.jdbc.update("""
				INSERT INTO rejected_row (run_date, source, input_file, line, key_id, reason, row_text)
				VALUES (?, 'answers', ?, 0, ?, ?, ?)""", runDate, file, keyId,
				truncated("the message " + handled.refusal(), 500),
				SecretRedactor.redact("From: " + text(handled.sender()) + "; Subject: " + text(handled.subject())));
	}

	private static String text(@Nullable String value) {
		return (value != null) ? value : "";
	}

	private static String truncated(String text, int length) {
		return (text.length() > length) ? text.substring(0, length) : text;
	}

}
