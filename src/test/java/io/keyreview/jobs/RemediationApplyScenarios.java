package io.keyreview.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Approved decisions carried out (keyreview.remediation.apply): each request sent once,
 * retried on a 429 or a 5xx, proven by a readback that closes the action, and not sent
 * again by the rerun of a night that crashed before recording it.
 */
@TestPropertySource(properties = "keyreview.remediation.apply=true")
abstract class RemediationApplyScenarios extends RemediationScenarios {

	static final String LITELLM = "Bearer sk-testFAKElitellmRemediation0123456789";

	static final String OPENROUTER = "Bearer sk-or-v1-testFAKEremediation0123456789abcd";

	@Test
	void eachApprovedDecisionIsSentOnceReadBackAndClosed() throws IOException {
		assertThat(nightly(MonthlyAnswerScenarios.ANSWER_NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(writesWithoutMarkers()).containsExactly(
				"POST /anthropic/v1/organizations/api_keys/apikey_ant sk-ant-admin01-testFAKEanthropicRemediation0123 "
						+ "{\"status\":\"inactive\"}",
				"POST /anthropic/v1/organizations/api_keys/apikey_ant sk-ant-admin01-testFAKEanthropicRemediation0123 "
						+ "{\"status\":\"inactive\"}",
				"DELETE /openai/v1/organization/projects/proj_1/api_keys/key_oa "
						+ "Bearer sk-admin-testFAKEopenaiRemediation0123456789 ",
				"POST /litellm/key/block " + LITELLM + " {\"key\":\"lt-block\"}",
				"POST /litellm/key/delete " + LITELLM + " {\"keys\":[\"lt-gone\"]}",
				"POST /litellm/key/update " + LITELLM
						+ " {\"key\":\"lt-narrow\",\"models\":[\"claude-3-5-haiku\",\"gpt-4o-mini\"]}",
				"PATCH /openrouter/api/v1/keys/orhash " + OPENROUTER + " {\"disabled\":true}",
				"PATCH /openrouter/api/v1/keys/orhash " + OPENROUTER + " {\"disabled\":true}",
				"PATCH /openrouter/api/v1/keys/orstuck " + OPENROUTER + " {\"disabled\":true}");
		assertThat(this.jdbc.queryForList("""
				SELECT key_id, status, evidence FROM review_action WHERE key_id <> 'alpha-prod' ORDER BY key_id"""))
			.extracting((row) -> row.get("key_id") + ": " + row.get("status") + ": " + row.get("evidence"))
			.containsExactly(
					"apikey_ant: done: disable through claude's admin API: POST /anthropic/v1/organizations/api_keys/"
							+ "apikey_ant answered 200; readback 2026-12-02T02:30:00Z: HTTP 200: status inactive",
					"key_oa: done: delete through openai-org's admin API: DELETE /openai/v1/organization/projects/"
							+ "proj_1/api_keys/key_oa answered 200; readback 2026-12-02T02:30:00Z: HTTP 404: the key is gone",
					"lt-block: done: disable through litellm-gw's admin API: POST /litellm/key/block answered 200; "
							+ "readback 2026-12-02T02:30:00Z: HTTP 200: blocked true",
					"lt-gone: done: delete through litellm-gw's admin API: POST /litellm/key/delete answered 404; "
							+ "readback 2026-12-02T02:30:00Z: HTTP 404: the key is gone",
					"lt-narrow: done: narrow through litellm-gw's admin API: POST /litellm/key/update answered 200; "
							+ "readback 2026-12-02T02:30:00Z: HTTP 200: models claude-3-5-haiku;gpt-4o-mini",
					"lt-prod: open: null",
					"orhash: done: disable through openrouter's admin API: PATCH /openrouter/api/v1/keys/orhash "
							+ "answered 200; readback 2026-12-02T02:30:00Z: HTTP 200: disabled true",
					"orstuck: open: null");
		assertThat(this.jdbc.queryForList("""
				SELECT key_id, outcome, response_status, readback FROM remediation_request ORDER BY key_id"""))
			.extracting((row) -> row.get("key_id") + " " + row.get("outcome") + " " + row.get("response_status") + " "
					+ row.get("readback"))
			.contains("lt-prod held null null", "orstuck not-done 200 HTTP 200: disabled false");
		assertThat(this.jdbc
			.queryForList("SELECT recipient, subject, text_body FROM mail_outbox WHERE subject LIKE '%remediation%'"))
			.singleElement()
			.satisfies((notice) -> {
				assertThat(notice.get("recipient")).isEqualTo("security@example.com");
				assertThat(notice.get("subject"))
					.isEqualTo("[keyreview] remediation: 1 action(s) not done on 2026-12-02");
				assertThat((String) notice.get("text_body")).contains(
						"- disable orstuck (2026-11, openrouter): PATCH /openrouter/api/v1/keys/orstuck answered 200; "
								+ "readback HTTP 200: disabled false");
			});
		assertThat(JobTestSupport.rows(this.jdbc, "SELECT * FROM remediation_request").toString())
			.doesNotContain("testFAKE");
		assertThat(this.commandLine
			.execute(new org.springframework.boot.DefaultApplicationArguments("evidence", "--key=lt-block")))
			.isEqualTo(ExitCode.DONE);
		assertThat(Files.readString(OUT.resolve("evidence/lt-block.json"))).contains("\"remediation_requests\"",
				"\"method\" : \"POST\"", "/litellm/key/block", "\"response_status\" : \"200\"",
				"\"readback\" : \"HTTP 200: blocked true\"");
	}

	@Test
	void aNightThatCrashedBeforeRecordingItsRequestsReadsTheKeysBackAndSendsNoOtherRequest() {
		this.failureInjector.failOnce("remediate", 0);
		assertThat(nightly(MonthlyAnswerScenarios.ANSWER_NIGHT)).isEqualTo(ExitCode.FAILED);
		List<String> beforeTheCrash = List.copyOf(vendors.writes);
		assertThat(count("SELECT COUNT(*) FROM review_action WHERE status = 'done' AND key_id <> 'alpha-prod'"))
			.isZero();

		assertThat(nightly(MonthlyAnswerScenarios.ANSWER_NIGHT)).isEqualTo(ExitCode.DONE);

		List<String> afterTheRerun = vendors.writes.subList(beforeTheCrash.size(), vendors.writes.size());
		assertThat(afterTheRerun).as("only the keys whose readback still disagrees, with the same request")
			.hasSize(2)
			.allSatisfy((write) -> assertThat(beforeTheCrash).contains(write));
		assertThat(afterTheRerun).extracting((write) -> write.split(" ")[1])
			.containsExactly("/litellm/key/delete", "/openrouter/api/v1/keys/orstuck");
		assertThat(count("SELECT COUNT(*) FROM review_action WHERE status = 'done' AND key_id <> 'alpha-prod'"))
			.isEqualTo(6);
	}

	/** The writes the vendors received, without the idempotency marker. */
	private List<String> writesWithoutMarkers() {
		return vendors.writes.stream().map((write) -> write.replaceAll(" keyreview-[0-9a-f]{32} ", " ")).toList();
	}

}
