package io.keyreview.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo data set of {@code jobs/demo}: every key gets the decision, and fails the
 * rules, that its README says; the monthly and quarterly reviews leave their files; the
 * demo's answers wait for the monthly and are recorded the night after it.
 */
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:keyreview;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
				+ "NON_KEYWORDS=VALUE,YEAR,MONTH,DAY;DB_CLOSE_DELAY=-1",
		"keyreview.answers.address=keyreview-answers@example.com",
		"keyreview.answers.secret=test-demo-answers-secret-not-for-production" })
@ExtendWith(OutputCaptureExtension.class)
class DemoDataTests extends JobTestSupport {

	private static final Pattern EXPECTED_ROW = Pattern
		.compile("^\\| `([a-z0-9-]+)` \\| \\w+ \\| .* \\| (.*) \\| \\*\\*(\\w+)\\*\\* \\|$");

	@Test
	void everyDemoKeyGetsTheDecisionAndFindingsItsReadmeExpects(CapturedOutput output) throws IOException {
		givenTheDemoInputs();
		Map<String, String> expected = expectedFromReadme();
		assertThat(expected).hasSize(34);

		assertThat(nightly(LocalDate.parse("2026-11-21"))).isEqualTo(ExitCode.DONE);

		Map<String, String> actual = new LinkedHashMap<>();
		this.jdbc.query("SELECT key_id, decision, findings FROM key_register ORDER BY key_id", (rs) -> {
			String findings = (rs.getString("findings") != null) ? rs.getString("findings") : "";
			actual.put(rs.getString("key_id"),
					Objects.requireNonNullElse(rs.getString("decision"), "none") + " "
							+ new TreeSet<>(Arrays.asList(findings.split(";"))).stream()
								.filter((rule) -> !rule.isEmpty())
								.collect(Collectors.joining(",")));
		});
		assertThat(actual).isEqualTo(expected);
		assertThat(output).contains("deliverMail: 12 message(s) delivered, 0 parked, 0 left in the outbox");
		assertThat(Files.readAllLines(OUT.resolve("reports/mismatches-2026-11-21.csv")).stream().skip(1))
			.as("one of each mismatch, as jobs/demo/README.md lists them")
			.extracting((line) -> String.join(" ", Arrays.asList(line.split(",")).subList(0, 3)))
			.containsExactly("key-without-policy hackday-bot-dev ", "listed-twice support-agent-prod-gateway ",
					"owner-unknown eval-sandbox-staging nadia.ferreira@example.com",
					"person-status-differs  marco.rossi@example.com", "policy-without-key legacy-batch-summarizer ",
					"usage-without-key intern-notebook-openai ", "usage-without-key legacy-batch-summarizer ");

		assertThat(monthly("2026-11")).isEqualTo(ExitCode.DONE);
		assertThat(quarterly("2026-Q4")).isEqualTo(ExitCode.DONE);
		assertThat(OUT.resolve("finance/finance-2026-11.csv.sha256")).exists();
		assertThat(Files.readAllLines(OUT.resolve("reports/offboarding-2026-Q4.csv")).stream().skip(1))
			.extracting(
					(line) -> line.substring(0, line.indexOf(',')) + " " + line.substring(line.lastIndexOf(',') + 1))
			.containsExactly("marco.rossi@example.com used after exit", "lena.fischer@example.com used after exit",
					"ines.duarte@example.com removed late", "tom.baker@example.com used after exit",
					"rafael.costa@example.com removed in time");
		assertThat(this.jdbc.queryForObject("SELECT text_body FROM mail_outbox WHERE cycle = '2026-Q4' AND subject = ?",
				String.class, "[keyreview] Offboarding test 2026-Q4"))
			.as("no quarterly digest goes to security@example.com on the demo: the summary comes on its own")
			.startsWith("Offboarding test of 2026-Q4: 5 exit(s) tested, 5 key(s), 1 removed within 1 day(s) (20%)");
		assertThat(Files.readAllLines(OUT.resolve("worklists/worklist-2026-11.csv"))).hasSize(1 + 23 + 2);
		for (String cycle : new String[] { "events-2026-11-21", "2026-11", "2026-Q4" }) {
			try (Stream<Path> mails = Files.list(OUT.resolve("mail").resolve(cycle))) {
				assertThat(mails.filter((file) -> file.toString().endsWith(".eml")).count())
					.isEqualTo(count("SELECT COUNT(*) FROM mail_outbox WHERE cycle = ? AND sent_at IS NOT NULL", cycle))
					.isPositive();
			}
		}
		assertThat(Files.readString(OUT.resolve("mail/2026-11/kenji.watanabe@example.com+cc-finops@example.com.eml")))
			.contains("Subject: [keyreview] Monthly key review 2026-11:")
			.contains("  - budget: spent $148.33 this month against a monthly budget of $50.00")
			.doesNotContain("fakeDemo");

		assertThat(
				this.jdbc.queryForObject("SELECT text_body FROM mail_outbox WHERE cycle = '2026-11' AND recipient = ?",
						String.class, "dana.lee@example.com"))
			.contains("keep: mailto:keyreview-answers@example.com?subject=keyreview%20answer%3A%20keep%20"
					+ "support-agent-prod-gateway%202026-11%20%5Bkr%3A");
		assertThat(count("SELECT COUNT(*) FROM review_answer")).as("answers wait for the monthly's work list").isZero();
		assertThat(nightly(LocalDate.parse("2026-12-02"))).isEqualTo(ExitCode.DONE);
		assertThat(this.jdbc.queryForList("SELECT key_id, decision, answered_by FROM review_answer ORDER BY answer_id"))
			.extracting((row) -> row.get("key_id") + " " + row.get("decision") + " " + row.get("answered_by"))
			.containsExactly("support-agent-prod-gateway keep dana.lee@example.com",
					"support-macro-prod-gateway disable dana.lee@example.com",
					"finance-assist-prod-gateway narrow kenji.watanabe@example.com",
					"billing-assist-prod-gateway keep mateo.silva@example.com",
					"sales-outreach-prod-openai disable sofia.garcia@example.com",
					"legacy-batch-summarizer escalate security@example.com");
		assertThat(this.jdbc.queryForList("SELECT line, reason FROM rejected_row WHERE source = 'answers'"))
			.extracting((row) -> row.get("line") + ": " + row.get("reason"))
			.containsExactly("8: an answer other than the proposed rotate needs a reason");
		assertThat(this.commandLine.execute(new DefaultApplicationArguments("status"))).isEqualTo(ExitCode.DONE);
		assertThat(output.getOut()).contains("  2026-11: 25 item(s), 6 answered on time, 0 late, 0 defaulted, 19 open; "
				+ "3 action(s) done, 0 overdue");
	}

	private void givenTheDemoInputs() throws IOException {
		FileSystemUtils.deleteRecursively(INPUTS);
		FileSystemUtils.copyRecursively(Path.of("jobs/demo"), INPUTS);
	}

	/** "decision rule,rule" per key, from the table of {@code jobs/demo/README.md}. */
	private static Map<String, String> expectedFromReadme() throws IOException {
		Map<String, String> expected = new LinkedHashMap<>();
		for (String line : Files.readAllLines(Path.of("jobs/demo/README.md"))) {
			Matcher row = EXPECTED_ROW.matcher(line);
			if (row.matches()) {
				String rules = row.group(2).equals("none") ? ""
						: new TreeSet<>(Arrays.asList(row.group(2).replace("`", "").split(",\\s*"))).stream()
							.collect(Collectors.joining(","));
				expected.put(row.group(1), row.group(3) + " " + rules);
			}
		}
		return expected;
	}

}
