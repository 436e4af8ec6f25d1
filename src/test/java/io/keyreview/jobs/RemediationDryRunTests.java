package io.keyreview.jobs;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The remediation plan without keyreview.remediation.apply: nothing is sent. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:remediation-plan;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
		+ "NON_KEYWORDS=VALUE,YEAR,MONTH,DAY;DB_CLOSE_DELAY=-1")
class RemediationDryRunTests extends RemediationScenarios {

	@Test
	void theDryRunPlansTheExactRequestOfEachApprovedDecisionAndSendsNothing() throws IOException {
		assertThat(nightly(MonthlyAnswerScenarios.ANSWER_NIGHT)).isEqualTo(ExitCode.DONE);

		String base = vendors.server.url("/").toString();
		assertThat(Files.readAllLines(plan())).extracting((line) -> line.replace(base, "/"))
			.containsExactly(
					"cycle,key_id,source,decision,approved_by,approved_at,channel,method,url,body,outcome,held_because",
					"2026-11,apikey_ant,claude,disable,security@example.com,2026-12-02T02:30:00Z,file,POST,"
							+ "/anthropic/v1/organizations/api_keys/apikey_ant,\"{\"\"status\"\":\"\"inactive\"\"}\",dry-run,",
					"2026-11,key_oa,openai-org,delete,security@example.com,2026-12-02T02:30:00Z,file,DELETE,"
							+ "/openai/v1/organization/projects/proj_1/api_keys/key_oa,,dry-run,",
					"2026-11,lt-block,litellm-gw,disable,security@example.com,2026-12-02T02:30:00Z,file,POST,"
							+ "/litellm/key/block,\"{\"\"key\"\":\"\"lt-block\"\"}\",dry-run,",
					"2026-11,lt-gone,litellm-gw,delete,security@example.com,2026-12-02T02:30:00Z,file,POST,"
							+ "/litellm/key/delete,\"{\"\"keys\"\":[\"\"lt-gone\"\"]}\",dry-run,",
					"2026-11,lt-narrow,litellm-gw,narrow,security@example.com,2026-12-02T02:30:00Z,file,POST,"
							+ "/litellm/key/update,\"{\"\"key\"\":\"\"lt-narrow\"\",\"\"models\"\":[\"\"claude-3-5-haiku\"\","
							+ "\"\"gpt-4o-mini\"\"]}\",dry-run,",
					"2026-11,lt-prod,litellm-gw,disable,ann@example.com,2026-12-02T02:30:00Z,file,POST,/litellm/key/block,"
							+ "\"{\"\"key\"\":\"\"lt-prod\"\"}\",held,\"a production key needs the answer of its business or "
							+ "security owner, not ann@example.com\"",
					"2026-11,orhash,openrouter,disable,security@example.com,2026-12-02T02:30:00Z,file,PATCH,"
							+ "/openrouter/api/v1/keys/orhash,\"{\"\"disabled\"\":true}\",dry-run,",
					"2026-11,orstuck,openrouter,disable,security@example.com,2026-12-02T02:30:00Z,file,PATCH,"
							+ "/openrouter/api/v1/keys/orstuck,\"{\"\"disabled\"\":true}\",dry-run,");
		assertThat(Files.readString(plan())).doesNotContain("testFAKE");
		assertThat(vendors.writes).isEmpty();
		assertThat(this.jdbc.queryForList("SELECT DISTINCT status FROM review_action WHERE key_id <> 'alpha-prod'",
				String.class))
			.containsExactly("open");
	}

	@Test
	void aDecisionOfTheNoAnswerDefaultIsHeldUnlessDefaultsMayBeApplied() throws IOException {
		givenInputFile("answers/answers.csv", "cycle,key_id,answer,reason,answered_by\n");
		assertThat(nightly(MonthlyAnswerScenarios.ANSWER_NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(nightly(java.time.LocalDate.parse("2026-12-22"))).isEqualTo(ExitCode.DONE);

		String base = vendors.server.url("/").toString();
		assertThat(Files.readAllLines(OUT.resolve("remediation/plan-2026-12-22.csv")))
			.extracting((line) -> line.replace(base, "/"))
			.contains("2026-11,lt-block,litellm-gw,disable,no-answer-default,2026-12-02T02:30:00Z,default,POST,"
					+ "/litellm/key/block,\"{\"\"key\"\":\"\"lt-block\"\"}\",held,the no-answer default decided it "
					+ "(keyreview.remediation.apply-defaults=false)",
					"2026-11,key_oa,openai-org,narrow,no-answer-default,2026-12-02T02:30:00Z,default,,,,held,"
							+ "OpenAI's API cannot narrow a key: narrow it by hand");
		assertThat(vendors.writes).isEmpty();
	}

}
