package io.keyreview.jobs;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** More requests in one night than keyreview.remediation.max-per-night allows. */
@TestPropertySource(properties = { "keyreview.remediation.apply=true", "keyreview.remediation.max-per-night=3",
		"spring.datasource.url=jdbc:h2:mem:remediation-cap;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
				+ "NON_KEYWORDS=VALUE,YEAR,MONTH,DAY;DB_CLOSE_DELAY=-1" })
class RemediationCapTests extends RemediationScenarios {

	@Test
	void aboveTheCapNothingIsSentAndTheSecurityOwnerIsMailedThePlan() throws IOException {
		assertThat(nightly(MonthlyAnswerScenarios.ANSWER_NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(vendors.writes).isEmpty();
		assertThat(Files.readAllLines(plan())).filteredOn((line) -> line.contains("lt-block"))
			.singleElement()
			.asString()
			.endsWith(",held,\"7 requests tonight, above keyreview.remediation.max-per-night 3: nothing is sent\"");
		assertThat(this.jdbc.queryForList(
				"SELECT recipient, subject, text_body FROM mail_outbox WHERE subject LIKE '%remediation held%'"))
			.singleElement()
			.satisfies((notice) -> {
				assertThat(notice.get("recipient")).isEqualTo("security@example.com");
				assertThat(notice.get("subject")).isEqualTo("[keyreview] remediation held: 7 requests on 2026-12-02");
				assertThat((String) notice.get("text_body")).contains("- disable lt-block (litellm-gw): POST "
						+ vendors.server.url("/litellm/key/block") + " {\"key\":\"lt-block\"}");
			});
		assertThat(count("SELECT COUNT(*) FROM review_action WHERE status = 'done' AND key_id <> 'alpha-prod'"))
			.isZero();
	}

}
