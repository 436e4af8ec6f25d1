package io.keyreview.mail;

import java.time.LocalDate;
import java.util.List;

import io.keyreview.answers.Answer;
import io.keyreview.mail.AnswerMailbox.Attempt;
import io.keyreview.mail.AnswerMailbox.Handled;
import io.keyreview.secrets.SecretRedactor;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the answers mailbox sends back and keeps: a receipt for each message that gave
 * answers ("recorded: keep for alpha-prod, 2026-11", or each answer of a plain reply,
 * recorded or not and why), and a reject row for each message refused or answer not
 * recorded. A receipt's Message-ID follows from the answer's, so a message read twice is
 * answered once; automatic messages and unverified senders are never answered.
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
		List<Attempt> attempts = handled.attempts();
		if (sender == null || attempts.isEmpty()) {
			return;
		}
		String subject;
		String text;
		if (attempts.size() == 1) {
			Attempt attempt = attempts.get(0);
			subject = ((attempt.answer() != null) ? "[keyreview] recorded: " : "[keyreview] not recorded: ")
					+ attempt.what();
			text = (attempt.answer() != null)
					? "keyreview recorded your answer: " + attempt.what() + "." + reasonOf(attempt.answer())
							+ "\n\nA later answer for the same key replaces it until the item closes.\n"
					: "keyreview could not record your answer (" + attempt.what() + "): " + attempt.refusal() + ".\n"
							+ "\nAnswer again, with a reason where one is needed.\n";
		}
		else {
			long recorded = attempts.stream().filter((attempt) -> attempt.answer() != null).count();
			subject = "[keyreview] " + recorded + " answer(s) recorded, " + (attempts.size() - recorded)
					+ " not recorded, " + attempts.get(0).cycle();
			StringBuilder lines = new StringBuilder("keyreview read these answers in your reply:\n\n");
			for (Attempt attempt : attempts) {
				lines.append("* ")
					.append(attempt.what())
					.append((attempt.answer() != null) ? ": recorded." + reasonOf(attempt.answer())
							: ": not recorded: " + attempt.refusal() + ".")
					.append("\n");
			}
			text = lines.append("\nA later answer for the same key replaces one until the item closes.\n").toString();
		}
		text += "\n-- keyreview, the AI API access review\n";
		this.outbox.addNew(List
			.of(OutboxMessage.notice(OutboxMessage.messageId("receipt", handled.messageId(), this.settings.domain()),
					"answers-" + runDate, sender, subject, text)),
				runDate);
	}

	private static String reasonOf(Answer answer) {
		return (answer.reason() != null) ? " Your reason: " + answer.reason() : "";
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
		String keyId = (handled.firstKeyId() != null && handled.firstKeyId().length() <= 128) ? handled.firstKeyId()
				: null;
		this.jdbc.update("""
				INSERT INTO rejected_row (run_date, source, input_file, line, key_id, reason, row_text)
				VALUES (?, 'answers', ?, 0, ?, ?, ?)""", runDate, file, keyId,
				truncated("the message " + handled.refusals(), 500),
				SecretRedactor.redact("From: " + text(handled.sender()) + "; Subject: " + text(handled.subject())));
	}

	private static String text(@Nullable String value) {
		return (value != null) ? value : "";
	}

	private static String truncated(String text, int length) {
		return (text.length() > length) ? text.substring(0, length) : text;
	}

}
