package io.keyreview.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.test.context.bean.override.convention.TestBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers to the monthly review of 2026-11 (due 2026-12-14, closed after 2026-12-21),
 * dropped as a filled-in work list into {@code answers/} and recorded by the next
 * nightly.
 */
abstract class AnswerScenarios extends MonthlyAnswerScenarios {

	static final String ANSWERS = """
			cycle,key_id,answer,reason,answered_by
			2026-11,alpha-prod,keep,,Ann@Example.com
			2026-11,delta-prod,keep,"support-prod is still needed, reviewed with team A",ann@example.com
			2026-11,delta-prod,disable,,mallory@example.com
			2026-11,ghost-key,delete,,security@example.com
			2026-11,nope-key,keep,,ann@example.com
			2026-10,alpha-prod,keep,,ann@example.com
			2026-11,alpha-prod,maybe,,ann@example.com
			2026-11,ghost-key,,,
			""";

	@TestBean(methodName = "settableClock")
	Clock clock;

	static Clock settableClock() {
		return new SettableClock(Instant.parse("2026-12-02T02:30:00Z"));
	}

	@BeforeEach
	void aMonthlyReviewOfNovember() throws IOException {
		givenInputs("basic");
		assertThat(nightly(NightlyJobScenarios.NIGHT)).isEqualTo(ExitCode.DONE);
		assertThat(monthly("2026-11")).isEqualTo(ExitCode.DONE);
	}

	@Test
	void recordsEachValidAnswerOnceAndRejectsTheRestWithTheirReasons() throws IOException {
		givenInputFile("answers/reviewer.csv", ANSWERS);

		assertThat(nightly(ANSWER_NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(answers()).containsExactly(
				"2026-11:alpha-prod:keep:null:ann@example.com:file:answers/reviewer.csv:2",
				"2026-11:delta-prod:keep:support-prod is still needed, reviewed with team A:ann@example.com:file:"
						+ "answers/reviewer.csv:3");
		assertThat(this.jdbc.queryForList(
				"SELECT line, reason FROM rejected_row WHERE source = 'answers' AND run_date = ? ORDER BY line",
				ANSWER_NIGHT))
			.extracting((row) -> row.get("line") + ": " + row.get("reason"))
			.containsExactly(
					"4: mallory@example.com is neither an addressee of delta-prod in 2026-11, its backup owner, the security "
							+ "owner nor a delegate of one of them",
					"5: an answer other than the proposed escalate needs a reason",
					"6: the work list of 2026-11 has no key nope-key",
					"7: the work list of 2026-10 has no key alpha-prod",
					"8: answer 'maybe' is none of delete, disable, rotate, reassign, narrow, escalate, keep");
		assertThat(this.jdbc.queryForList(
				"SELECT recipient, subject, text_body FROM mail_outbox " + "WHERE message_id LIKE '%.copy.%'"))
			.as("the answer other than the proposal, copied to the security owner")
			.singleElement()
			.satisfies((copy) -> {
				assertThat(copy.get("recipient")).isEqualTo("security@example.com");
				assertThat(copy.get("subject")).isEqualTo("[keyreview] answer to note: keep for delta-prod, 2026-11");
				assertThat((String) copy.get("text_body")).contains("other than the proposed narrow")
					.contains("Their reason: support-prod is still needed, reviewed with team A");
			});
		List<String> worklist = Files.readAllLines(OUT.resolve("worklists/worklist-2026-11.csv"));
		assertThat(worklist.get(0)).endsWith(",answer,reason,answered_by,answered_at,channel,status,closed_on");
		assertThat(worklist)
			.anySatisfy((line) -> assertThat(line).startsWith("2026-11,alpha-prod,")
				.endsWith(",keep,,ann@example.com,2026-12-02T02:30:00Z,file,done,2026-12-02"))
			.anySatisfy((line) -> assertThat(line).startsWith("2026-11,delta-prod,")
				.endsWith(",keep,\"support-prod is still needed, reviewed with team A\",ann@example.com,"
						+ "2026-12-02T02:30:00Z,file,done,2026-12-02"))
			.anySatisfy((line) -> assertThat(line).startsWith("2026-11,ghost-key,").endsWith(",,,,,,open,"));
	}

	@Test
	void theBackupOwnerAndADelegateMayAnswerButNotForAnItemTheyHaveNoPartIn() throws IOException {
		Files.writeString(INPUTS.resolve("owners.yaml"),
				"delegates:\n  ann@example.com: [deputy@example.com, nobody]\n",
				java.nio.file.StandardOpenOption.APPEND);
		givenInputFile("policies/alpha-prod.yaml", Files.readString(INPUTS.resolve("policies/alpha-prod.yaml"))
			.replace("finance: finops}", "finance: finops, backup: Carl@example.com}"));
		givenInputFile("answers/reviewer.csv", """
				cycle,key_id,answer,reason,answered_by
				2026-11,alpha-prod,keep,,carl@example.com
				2026-11,delta-prod,narrow,,deputy@example.com
				2026-11,ghost-key,escalate,,deputy@example.com
				2026-11,delta-prod,narrow,,carl@example.com
				""");

		assertThat(nightly(ANSWER_NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(answers()).containsExactly(
				"2026-11:alpha-prod:keep:null:carl@example.com:file:answers/reviewer.csv:2",
				"2026-11:delta-prod:narrow:null:deputy@example.com:file:answers/reviewer.csv:3");
		assertThat(this.jdbc.queryForList(
				"SELECT line, reason FROM rejected_row WHERE source IN ('answers', 'directory') AND run_date = ? "
						+ "ORDER BY source, line",
				ANSWER_NIGHT))
			.extracting((row) -> row.get("line") + ": " + row.get("reason"))
			.containsExactly(
					"4: deputy@example.com is neither an addressee of ghost-key in 2026-11, its backup owner, the "
							+ "security owner nor a delegate of one of them",
					"5: carl@example.com is neither an addressee of delta-prod in 2026-11, its backup owner, the "
							+ "security owner nor a delegate of one of them",
					"11: delegates of ann@example.com: delegate 'nobody' is not an e-mail address; it is left out");
		assertThat(Files.readAllLines(OUT.resolve("register/register-2026-12-02.csv")))
			.anySatisfy((line) -> assertThat(line).startsWith("alpha-prod,").contains(",finops,carl@example.com,"));
	}

	@Test
	void aStrayQuoteAValueTooLongAndAWrongCharsetAreRejectedWithTheirReasonsAndTheGoodRowIsRecorded()
			throws IOException {
		byte[] latin1 = "2026-11,delta-prod,keep,geprüft mit Team A,ann@example.com\n"
			.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		byte[] head = ("cycle,key_id,answer,reason,answered_by\n" + "2026-11,alpha-prod,keep,\"" + "x".repeat(2001)
				+ "\",ann@example.com\n")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] tail = ("2026-11,ghost-key,escalate,\"unclosed,security@example.com\n"
				+ "2026-11,alpha-prod,keep,,ann@example.com\n")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
		file.writeBytes(head);
		file.writeBytes(latin1);
		file.writeBytes(tail);
		Files.createDirectories(INPUTS.resolve("answers"));
		Files.write(INPUTS.resolve("answers/hostile.csv"), file.toByteArray());

		assertThat(nightly(ANSWER_NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(answers())
			.containsExactly("2026-11:alpha-prod:keep:null:ann@example.com:file:answers/hostile.csv:5");
		assertThat(this.jdbc.queryForList(
				"SELECT line, reason FROM rejected_row WHERE source = 'answers' AND run_date = ? ORDER BY line",
				ANSWER_NIGHT))
			.extracting((row) -> row.get("line") + ": " + row.get("reason"))
			.containsExactly("2: reason is longer than 2000 characters", "3: is not UTF-8 text: save the file as UTF-8",
					"4: opens a quote that is not closed on this line, "
							+ "and the quote never closes before the end of the file; only this line is rejected");
	}

	@Test
	void theSameFileLandedAgainTheNextNightRecordsNothingTwice() throws IOException {
		givenInputFile("answers/reviewer.csv", ANSWERS);
		assertThat(nightly(ANSWER_NIGHT)).isEqualTo(ExitCode.DONE);
		List<String> recorded = answers();

		assertThat(nightly(ANSWER_NIGHT.plusDays(1))).isEqualTo(ExitCode.DONE);

		assertThat(answers()).isEqualTo(recorded);
	}

	@Test
	void anAnswerAfterTheItemClosedIsRejected() throws IOException {
		givenInputFile("answers/late.csv", """
				cycle,key_id,answer,answered_by
				2026-11,alpha-prod,keep,ann@example.com
				""");

		assertThat(nightly(LocalDate.parse("2026-12-22"))).isEqualTo(ExitCode.DONE);

		assertThat(answers()).as("only the no-answer defaults of the closed items")
			.allSatisfy((answer) -> assertThat(answer).contains(":no-answer-default:default:"));
		assertThat(this.jdbc.queryForList("SELECT reason FROM rejected_row WHERE source = 'answers'", String.class))
			.containsExactly(
					"the item of alpha-prod in 2026-11 closed on 2026-12-21: answers after it are not recorded");
	}

	@Test
	void aDisableIsDoneTheNightTheInventoryShowsTheKeyDisabled() throws IOException {
		givenInputFile("answers/reviewer.csv", """
				cycle,key_id,answer,reason,answered_by
				2026-11,alpha-prod,disable,nobody uses it any more,ann@example.com
				""");
		assertThat(nightly(ANSWER_NIGHT)).isEqualTo(ExitCode.DONE);
		assertThat(action("alpha-prod")).isEqualTo("disable:open:null:null");
		editKeys((line) -> line.startsWith("alpha-prod,") ? line.replace(",active,", ",disabled,") : line);

		assertThat(nightly(ANSWER_NIGHT.plusDays(1))).isEqualTo(ExitCode.DONE);

		assertThat(action("alpha-prod")).isEqualTo("disable:done:2026-12-03:status disabled");
		assertThat(Files.readAllLines(OUT.resolve("worklists/worklist-2026-11.csv")))
			.anySatisfy((line) -> assertThat(line).startsWith("2026-11,alpha-prod,").endsWith(",file,done,2026-12-03"));
	}

	@Test
	void aRotateIsDoneOnceAReplacementKeyIsInUseAndTheOldKeyDisabled() throws IOException {
		givenInputFile("answers/reviewer.csv", """
				cycle,key_id,answer,reason,answered_by
				2026-11,alpha-prod,rotate,the key was pasted in a support ticket,ann@example.com
				""");
		assertThat(nightly(ANSWER_NIGHT)).isEqualTo(ExitCode.DONE);
		editKeys(
				(line) -> line.startsWith("alpha-prod,")
						? line.replace("2026-11-19T10:00:00Z", "2026-12-03T09:00:00Z") + "\n"
								+ line.replace("alpha-prod,", "alpha-prod-2,").replace(",2026-10-01T00:00:00Z,", ",,")
						: line);

		assertThat(nightly(ANSWER_NIGHT.plusDays(1))).isEqualTo(ExitCode.DONE);

		assertThat(action("alpha-prod")).as("replaced, the old key still active").isEqualTo("rotate:open:null:null");
		assertThat(Files.readAllLines(OUT.resolve("register/register-2026-12-03.csv")))
			.anySatisfy((line) -> assertThat(line).startsWith("alpha-prod,").endsWith(",rotate,2026-11,open"))
			.anySatisfy((line) -> assertThat(line).startsWith("alpha-prod-2,").endsWith(",,,"));

		editKeys((line) -> line.startsWith("alpha-prod,") ? line.replace(",active,", ",disabled,") : line);
		assertThat(nightly(ANSWER_NIGHT.plusDays(2))).isEqualTo(ExitCode.DONE);

		assertThat(action("alpha-prod")).isEqualTo("rotate:done:2026-12-04:replaced by alpha-prod-2 (first seen "
				+ "2026-12-03); the old key last used 2026-12-03T09:00:00Z, after the cutover; disabled 2026-12-04; "
				+ "not deleted yet");
		assertThat(Files.readAllLines(OUT.resolve("register/register-2026-12-04.csv")))
			.anySatisfy((line) -> assertThat(line).startsWith("alpha-prod,").endsWith(",,,"));
		assertThat(this.commandLine
			.execute(new org.springframework.boot.DefaultApplicationArguments("evidence", "--key=alpha-prod")))
			.isEqualTo(ExitCode.DONE);
		tools.jackson.databind.JsonNode evidence = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readTree(Files.readString(OUT.resolve("evidence/alpha-prod.json")));
		assertThat(evidence.at("/review_answers/0/decision").asString()).isEqualTo("rotate");
		assertThat(evidence.at("/review_answers/0/reason").asString())
			.isEqualTo("the key was pasted in a support ticket");
		assertThat(evidence.at("/review_answers/0/answer_ref").asString()).endsWith("reviewer.csv:2");
		assertThat(evidence.at("/review_actions/0/status").asString()).isEqualTo("done");
		assertThat(evidence.at("/review_actions/0/evidence").asString()).startsWith("replaced by alpha-prod-2");
	}

	private static void editKeys(java.util.function.UnaryOperator<String> edit) throws IOException {
		java.nio.file.Path keys = INPUTS.resolve("keys/gateway.csv");
		Files.writeString(keys,
				Files.readString(keys).lines().map(edit).collect(java.util.stream.Collectors.joining("\n", "", "\n")));
	}

	private String action(String keyId) {
		return this.jdbc
			.queryForList("SELECT decision, status, done_on, evidence FROM review_action WHERE key_id = ?", keyId)
			.stream()
			.map((row) -> row.get("decision") + ":" + row.get("status") + ":" + row.get("done_on") + ":"
					+ row.get("evidence"))
			.findFirst()
			.orElse("none");
	}

	@ParameterizedTest(name = "{0} after {1} committed chunk(s)")
	@CsvSource({ "loadAnswers, 1", "copyNotableAnswers, 0", "trackActions, 0", "exportOpenWorklists, 0" })
	void resumesAfterAFailureWithEachAnswerRecordedOnce(String step, int committedChunks) throws IOException {
		givenInputFile("answers/reviewer.csv", ANSWERS);
		assertThat(nightly(ANSWER_NIGHT)).isEqualTo(ExitCode.DONE);
		List<String> uninterrupted = answers();
		String worklist = Files.readString(OUT.resolve("worklists/worklist-2026-11.csv"));
		emptyDatabaseAndWorkFolder();
		aMonthlyReviewOfNovember();
		givenInputFile("answers/reviewer.csv", ANSWERS);
		this.failureInjector.failOnce(step, committedChunks);

		assertThat(nightly(ANSWER_NIGHT)).isEqualTo(ExitCode.FAILED);
		assertThat(nightly(ANSWER_NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(answers()).isEqualTo(uninterrupted);
		assertThat(OUT.resolve("worklists/worklist-2026-11.csv")).hasContent(worklist);
	}

}
