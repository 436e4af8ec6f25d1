package io.keyreview.answers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import io.keyreview.intake.CsvRow;
import io.keyreview.review.Decision;
import io.keyreview.secrets.SecretRedactor;
import io.keyreview.support.EmailAddresses;
import io.keyreview.support.Identities;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Reads an answer from a row of a filled-in work list ({@code answers/*.csv}): its
 * {@code answer} column (or {@code decision} in a file without one), {@code reason} and
 * {@code answered_by}. A row with no answer is no answer and is passed over; one that
 * cannot be recorded is rejected with the reason; one to a cycle whose work list is not
 * built yet waits (passed over tonight, read again the next).
 */
class AnswerFileProcessor implements ItemProcessor<CsvRow, Answer> {

	private static final Logger logger = LoggerFactory.getLogger(AnswerFileProcessor.class);

	private static final String DECISIONS = Arrays.stream(Decision.values())
		.map(Decision::code)
		.collect(Collectors.joining(", "));

	private final AnswerCheck check;

	private final LocalDate runDate;

	private final Clock clock;

	private final Set<String> waiting = new HashSet<>();

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
		if (this.check.awaitsItsWorklist(cycle, this.runDate)) {
			if (this.waiting.add(cycle)) {
				logger.info("loadAnswers: the answers to {} in {} wait: its work list is not built yet; they are read "
						+ "again each night until it is", cycle, row.file());
			}
			return null;
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
