package io.keyreview.answers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

import io.keyreview.intake.CsvRow;
import io.keyreview.review.Decision;
import io.keyreview.secrets.SecretRedactor;
import io.keyreview.support.EmailAddresses;
import io.keyreview.support.Identities;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Reads an answer from a row of a filled-in work list ({@code answers/*.csv}): its
 * {@code answer} column (or {@code decision} in a file without one), {@code reason} and
 * {@code answered_by}. A row with no answer is no answer and is passed over; one that
 * cannot be recorded is rejected with the reason.
 */
class AnswerFileProcessor implements ItemProcessor<CsvRow, Answer> {

	private static final String DECISIONS = Arrays.stream(Decision.values())
		.map(Decision::code)
		.collect(Collectors.joining(", "));

	private final AnswerCheck check;

	private final LocalDate runDate;

	private final Clock clock;

	AnswerFileProcessor(AnswerCheck check, LocalDate runDate, Clock clock) {
		this.check = check;
		this.runDate = runDate;
		this.clock = clock;
	}

	@Override
	public @Nullable Answer process(CsvRow row) {
		row.requireAllColumns();
		String answerText = row.lowerCase(row.columns().containsKey("answer") ? "answer" : "decision");
		if (answerText == null) {
			return null;
		}
		Decision decision = decision(row, answerText);
		String cycle = row.required("cycle", 30);
		String keyId = row.required("key_id", 128);
		String answeredBy = Identities.normalise(row.required("answered_by", 300));
		if (answeredBy == null || !EmailAddresses.isValid(answeredBy)) {
			throw row.bad("answered_by '" + answeredBy + "' is not an e-mail address");
		}
		String reason = row.text("reason");
		String refusal = this.check.refusal(cycle, keyId, decision, reason, answeredBy, this.runDate);
		if (refusal != null) {
			throw row.bad(refusal);
		}
		return new Answer(cycle, keyId, decision, (reason != null) ? SecretRedactor.redact(reason.strip()) : null,
				answeredBy, this.clock.instant(), "file", row.file() + ":" + row.line());
	}

	private static Decision decision(CsvRow row, String answer) {
		try {
			return Decision.of(answer);
		}
		catch (IllegalArgumentException ex) {
			throw row.bad("answer '" + answer + "' is none of " + DECISIONS);
		}
	}

}
