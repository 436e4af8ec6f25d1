package io.keyreview.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.bean.override.convention.TestBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline of the monthly review of 2026-11 (due 2026-12-14, closed after
 * 2026-12-21), night by night on an injected clock: a reminder 7 days and 1 day before
 * the due date of only the items left unanswered, an escalation past it, the no-answer
 * default once the items closed; each mailed or recorded once, whatever runs again.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class ReviewTimelineScenarios extends JobTestSupport {

	private static final java.util.regex.Pattern OCCASION = java.util.regex.Pattern
		.compile("<keyreview\\.2026-11\\.([a-z0-9-]+)\\.[0-9a-f]{32}@example\\.com>");

	@TestBean(methodName = "settableClock")
	Clock clock;

	static Clock settableClock() {
		return new SettableClock(Instant.parse("2026-12-01T06:00:00Z"));
	}

	@Test
	void remindsEscalatesAndDefaultsEachOnce(CapturedOutput output) throws IOException {
		givenInputs("basic");
		givenInputFile("policies/alpha-prod.yaml",
				Files.readString(INPUTS.resolve("policies/alpha-prod.yaml"))
					.replace("exceptions: {allowed: false}",
							"exceptions: {allowed: true, reason: year-end load test, approver: sofia@example.com, "
									+ "expires: 2026-12-14}"));
		night("2026-11-21");
		assertThat(monthly("2026-11")).isEqualTo(ExitCode.DONE);
		givenInputFile("answers/ann.csv", "cycle,key_id,answer,answered_by\n2026-11,alpha-prod,keep,ann@example.com\n");
		night("2026-12-02");
		night("2026-12-06");
		assertThat(followUps()).isEmpty();

		night("2026-12-07");
		assertThat(nightly(LocalDate.parse("2026-12-07"))).as("the same command again").isEqualTo(ExitCode.DONE);
		night("2026-12-08");

		assertThat(followUps()).containsExactlyInAnyOrder(
				"reminder-7d ann@example.com cc team-a@example.com: delta-prod",
				"reminder-7d security@example.com: ghost-key", "reminder-7d finance@example.com: ghost-key");

		night("2026-12-13");
		night("2026-12-15");
		night("2026-12-16");

		assertThat(followUps()).containsExactlyInAnyOrder(
				"reminder-7d ann@example.com cc team-a@example.com: delta-prod",
				"reminder-7d security@example.com: ghost-key", "reminder-7d finance@example.com: ghost-key",
				"reminder-1d ann@example.com cc team-a@example.com: delta-prod",
				"reminder-1d security@example.com: ghost-key", "reminder-1d finance@example.com: ghost-key",
				"escalation dana@example.com cc security@example.com: delta-prod",
				"escalation security@example.com: ghost-key");
		assertThat(this.jdbc.queryForList("SELECT sent_at FROM mail_outbox", Object.class)).doesNotContainNull();

		night("2026-12-22");
		night("2026-12-23");

		assertThat(this.jdbc.queryForList(
				"SELECT key_id, decision, answered_by, channel, reason FROM review_answer ORDER BY answer_id"))
			.extracting((row) -> row.get("key_id") + ":" + row.get("decision") + ":" + row.get("answered_by") + ":"
					+ row.get("channel") + ":" + row.get("reason"))
			.containsExactly("alpha-prod:keep:ann@example.com:file:null",
					"delta-prod:narrow:no-answer-default:default:no answer by 2026-12-21: the proposal stands",
					"ghost-key:escalate:no-answer-default:default:no answer by 2026-12-21: the proposal stands");
		assertThat(followUps()).hasSize(8);
		assertThat(Files.readAllLines(OUT.resolve("worklists/worklist-2026-11.csv")))
			.anySatisfy((line) -> assertThat(line).startsWith("2026-11,delta-prod,")
				.endsWith(",narrow,no answer by 2026-12-21: the proposal stands,no-answer-default,"
						+ "2026-12-22T02:30:00Z,default,defaulted,"))
			.anySatisfy((line) -> assertThat(line).startsWith("2026-11,alpha-prod,")
				.contains(",keep,,ann@example.com,")
				.endsWith(",file,done,2026-12-02"));

		night("2026-12-29");
		night("2026-12-30");

		assertThat(this.jdbc.queryForList(
				"SELECT recipient, subject FROM mail_outbox WHERE message_id LIKE '%.overdue.%' ORDER BY subject"))
			.as("the actions of the defaults, due by 2026-12-28, told once")
			.extracting((row) -> row.get("recipient") + " " + row.get("subject"))
			.containsExactly("security@example.com [keyreview] overdue: escalate for ghost-key, 2026-11",
					"security@example.com [keyreview] overdue: narrow for delta-prod, 2026-11");
		assertThat(Files.readAllLines(OUT.resolve("reports/review-2026-11.csv"))).containsExactly(
				"cycle,addressee,cc,items,answered_on_time,answered_late,defaulted,open,actions_done,actions_overdue",
				"2026-11,ann@example.com,team-a@example.com,2,1,0,1,0,1,1",
				"2026-11,finance@example.com,,1,0,0,1,0,0,1", "2026-11,security@example.com,,1,0,0,1,0,0,1",
				"2026-11,all,,3,1,0,2,0,1,2");
		assertThat(OUT.resolve("reports/review-2026-11.csv.sha256")).exists();
		assertThat(this.jdbc.queryForList("""
				SELECT message_id, recipient, cc, subject FROM mail_outbox WHERE message_id LIKE '<keyreview.expiry.%'
				ORDER BY created_on, subject"""))
			.as("alpha-prod's exception ends on 2026-12-14, the key on 2027-01-01: each point once, the latest reached")
			.extracting((row) -> row.get("message_id").toString().replaceAll("^<keyreview\\.expiry\\.(\\w+)\\..*", "$1")
					+ " " + row.get("recipient") + " cc " + row.get("cc") + ": " + row.get("subject"))
			.containsExactly(
					"30d ann@example.com cc team-a@example.com: [keyreview] alpha-prod: the policy exception ends in "
							+ "23 day(s), on 2026-12-14",
					"30d ann@example.com cc team-a@example.com: [keyreview] alpha-prod: the key ends in 30 day(s), on "
							+ "2027-01-01",
					"7d ann@example.com cc team-a@example.com: [keyreview] alpha-prod: the policy exception ends in "
							+ "7 day(s), on 2026-12-14",
					"1d ann@example.com cc team-a@example.com: [keyreview] alpha-prod: the policy exception ends in "
							+ "1 day(s), on 2026-12-14",
					"7d ann@example.com cc team-a@example.com: [keyreview] alpha-prod: the key ends in 3 day(s), on "
							+ "2027-01-01");
		assertThat(this.jdbc.queryForList("SELECT DISTINCT rule_id FROM key_finding WHERE key_id = 'alpha-prod'",
				String.class))
			.as("the exception ended on 2026-12-14")
			.contains("exception-expired");
		assertThat(this.commandLine.execute(new DefaultApplicationArguments("status"))).isEqualTo(ExitCode.DONE);
		assertThat(output.getOut()).contains("review cycles" + System.lineSeparator() + "  2026-11: 3 item(s), 1 "
				+ "answered on time, 0 late, 2 defaulted, 0 open; 1 action(s) done, 2 overdue");
	}

	@Test
	void theQuarterlyTestsOffboardingExitByExitAndTellsTheSecurityOwnerFirst(CapturedOutput output) throws IOException {
		givenInputs("basic");
		Files.writeString(INPUTS.resolve("people/hr.csv"), """
				dave@example.com,P4,Dave Dunn,terminated,employee,2026-11-22,ann@example.com,Support,CC-1
				erin@example.com,P5,Erin Eng,terminated,employee,2026-11-01,ann@example.com,Support,CC-1
				frank@example.com,P6,Frank Fox,terminated,employee,2026-11-15,ann@example.com,Support,CC-1
				""", java.nio.file.StandardOpenOption.APPEND);
		leaversKeys("active", "active");
		night("2026-11-21");
		leaversKeys("disabled", "active");
		night("2026-11-22");
		leaversKeys("disabled", "disabled");
		night("2026-11-24");
		((SettableClock) this.clock).set(Instant.parse("2026-12-01T06:00:00Z"));

		assertThat(quarterly("2026-Q4")).isEqualTo(ExitCode.DONE);

		assertThat(Files.readAllLines(OUT.resolve("reports/offboarding-2026-Q4.csv"))).containsExactly(
				"email,name,worker_type,exit_date,key_id,alias,role,status_on_exit,status_now,last_used_at,"
						+ "disabled_on,days_to_disable,verdict",
				"bob@example.com,Bob Brown,employee,2026-10-01,beta-staging,\"Beta, staging\",inventory owner,"
						+ "not listed yet,active,2026-11-10T08:00:00Z,,,used after exit",
				"erin@example.com,Erin Eng,employee,2026-11-01,erin-key,erin,inventory owner,not listed yet,disabled,,"
						+ "2026-11-24,23,removed late",
				"frank@example.com,Frank Fox,employee,2026-11-15,frank-key,frank,inventory owner,not listed yet,active,"
						+ ",,,still alive",
				"dave@example.com,Dave Dunn,employee,2026-11-22,dave-key,dave,inventory owner,disabled,disabled,,"
						+ "2026-11-22,0,removed in time");
		assertThat(OUT.resolve("reports/offboarding-2026-Q4.csv.sha256")).exists();
		assertThat(OUT.resolve("reports/index.html")).as("the quarterly writes the page again")
			.content()
			.contains("<a href=\"offboarding-2026-Q4.csv\">offboarding-2026-Q4.csv</a>: 1 removed in time, 1 removed "
					+ "late, 1 still alive, 1 used after exit")
			.contains("keyreview: the night of 2026-11-24");
		assertThat(this.jdbc.queryForObject(
				"SELECT text_body FROM mail_outbox WHERE cycle = '2026-Q4' AND recipient = 'security@example.com'",
				String.class))
			.contains("Offboarding test of 2026-Q4: 4 exit(s) tested, 4 key(s), 1 removed within 1 day(s) (25%) "
					+ "(reports/offboarding-2026-Q4.csv).");
		assertThat(this.jdbc.queryForList("SELECT key_id FROM worklist_item WHERE cycle = '2026-Q4'", String.class))
			.as("the key still alive is on the quarterly's work list")
			.contains("frank-key");

		assertThat(this.commandLine
			.execute(new DefaultApplicationArguments("offboarding", "--since=2026-11-10", "--until=2026-11-30")))
			.isEqualTo(ExitCode.DONE);
		assertThat(Files.readAllLines(OUT.resolve("reports/offboarding-2026-11-10_2026-11-30.csv")))
			.extracting((line) -> line.split(",")[4])
			.containsExactly("key_id", "frank-key", "dave-key");
		assertThat(output).contains("offboarding 2026-11-10 to 2026-11-30: 2 exit(s) tested, 2 key(s), 1 removed "
				+ "within 1 day(s) (50%)");
	}

	/** Dave's and Erin's keys with these statuses, Frank's active. */
	private static void leaversKeys(String dave, String erin) throws IOException {
		String header = Files.readAllLines(INPUTS.resolve("keys/gateway.csv")).get(0).replace("\uFEFF", "");
		Files.writeString(INPUTS.resolve("keys/leavers.csv"),
				header + "\n"
						+ """
								dave-key,dave,%s,production,gateway,support,dave@example.com,user,dave@example.com,2026-06-01,,,,model_request,gpt-4o-mini,support-prod,10,,
								erin-key,erin,%s,production,gateway,support,erin@example.com,user,erin@example.com,2026-06-01,,,,model_request,gpt-4o-mini,support-prod,10,,
								frank-key,frank,active,production,gateway,support,frank@example.com,user,frank@example.com,2026-06-01,,,,model_request,gpt-4o-mini,support-prod,10,,
								"""
							.formatted(dave, erin));
	}

	private void night(String date) {
		LocalDate night = LocalDate.parse(date);
		((SettableClock) this.clock).set(night.atTime(2, 30).toInstant(java.time.ZoneOffset.UTC));
		assertThat(nightly(night)).isEqualTo(ExitCode.DONE);
	}

	/**
	 * Each reminder and escalation in the outbox: which, to whom, and the keys it lists.
	 */
	private List<String> followUps() {
		List<String> followUps = new ArrayList<>();
		this.jdbc.query("""
				SELECT message_id, recipient, cc, text_body FROM mail_outbox
				WHERE message_id LIKE '%.reminder-%' OR message_id LIKE '%.escalation.%'""", (rs) -> {
			java.util.regex.Matcher id = OCCASION.matcher(rs.getString("message_id"));
			assertThat(id.matches()).as(rs.getString("message_id")).isTrue();
			String occasion = id.group(1);
			List<String> keys = new ArrayList<>();
			for (String key : List.of("alpha-prod", "delta-prod", "ghost-key")) {
				if (rs.getString("text_body").contains("(" + key + ",")
						|| rs.getString("text_body").contains("* " + key)) {
					keys.add(key);
				}
			}
			followUps.add(occasion + " " + rs.getString("recipient")
					+ ((rs.getString("cc") != null) ? " cc " + rs.getString("cc") : "") + ": "
					+ String.join(", ", keys));
		});
		return followUps;
	}

}
