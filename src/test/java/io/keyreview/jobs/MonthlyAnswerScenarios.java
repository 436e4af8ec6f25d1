package io.keyreview.jobs;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.test.context.bean.override.convention.TestBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly review of 2026-11 (due 2026-12-14, closed after 2026-12-21) built on the
 * basic inputs, ready for answers read by the nightly of {@link #ANSWER_NIGHT}, on a
 * clock set to that night.
 */
abstract class MonthlyAnswerScenarios extends JobTestSupport {

	static final LocalDate ANSWER_NIGHT = LocalDate.parse("2026-12-02");

	@TestBean(methodName = "settableClock")
	Clock clock;

	static Clock settableClock() {
		return new SettableClock(Instant.parse("2026-12-02T02:30:00Z"));
	}

	@BeforeEach
	void aMonthlyReviewOfNovember() throws Exception {
		givenInputs("basic");
		assertThat(nightly(NightlyJobScenarios.NIGHT)).isEqualTo(ExitCode.DONE);
		assertThat(monthly("2026-11")).isEqualTo(ExitCode.DONE);
	}

	/** Each recorded answer: cycle, key, decision, reason, by, channel, where from. */
	List<String> answers() {
		return this.jdbc.queryForList("""
				SELECT cycle, key_id, decision, reason, answered_by, channel, answer_ref FROM review_answer
				ORDER BY answer_id""")
			.stream()
			.map((row) -> String.join(":", String.valueOf(row.get("cycle")), String.valueOf(row.get("key_id")),
					String.valueOf(row.get("decision")), String.valueOf(row.get("reason")),
					String.valueOf(row.get("answered_by")), String.valueOf(row.get("channel")),
					String.valueOf(row.get("answer_ref"))))
			.toList();
	}

}
