package io.keyreview.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Approved decisions on keys pulled from the four vendors' admin APIs (VendorAdminStub):
 * the nightly of 2026-11-21 pulls them, the monthly of 2026-11 reviews them, and the
 * answers dropped for the nightly of {@link MonthlyAnswerScenarios#ANSWER_NIGHT} disable,
 * delete or narrow them.
 */
@TestPropertySource(properties = { "LITELLM_MASTER_KEY=sk-testFAKElitellmRemediation0123456789",
		"OPENAI_ADMIN_KEY=sk-admin-testFAKEopenaiRemediation0123456789",
		"ANTHROPIC_ADMIN_KEY=sk-ant-admin01-testFAKEanthropicRemediation0123",
		"OPENROUTER_KEY=sk-or-v1-testFAKEremediation0123456789abcd" })
abstract class RemediationScenarios extends JobTestSupport {

	/** One stub for every test class, stopped with the JVM. */
	static final VendorAdminStub vendors = new VendorAdminStub();

	static final String ANSWERS = """
			cycle,key_id,answer,reason,answered_by
			2026-11,lt-block,disable,unused since the pilot,security@example.com
			2026-11,lt-gone,delete,the team deleted its gateway,security@example.com
			2026-11,lt-narrow,narrow,only the support models,security@example.com
			2026-11,lt-prod,disable,I do not need it any more,ann@example.com
			2026-11,key_oa,disable,moved to the gateway,security@example.com
			2026-11,apikey_ant,disable,batch job retired,security@example.com
			2026-11,orhash,disable,router not used,security@example.com
			2026-11,orstuck,disable,router not used,security@example.com
			""";

	@TestBean(methodName = "settableClock")
	Clock clock;

	static Clock settableClock() {
		return new SettableClock(Instant.parse("2026-12-02T02:30:00Z"));
	}

	@DynamicPropertySource
	static void sources(DynamicPropertyRegistry registry) {
		String[][] sources = { { "litellm-gw", "litellm", "/litellm", "LITELLM_MASTER_KEY", "disable,delete,narrow" },
				{ "openai-org", "openai", "/openai/v1", "OPENAI_ADMIN_KEY", "delete" },
				{ "claude", "anthropic", "/anthropic", "ANTHROPIC_ADMIN_KEY", "disable" },
				{ "openrouter", "openrouter", "/openrouter/api/v1", "OPENROUTER_KEY", "disable" } };
		for (int i = 0; i < sources.length; i++) {
			String prefix = "keyreview.pull.sources[" + i + "].";
			String[] source = sources[i];
			registry.add(prefix + "name", () -> source[0]);
			registry.add(prefix + "type", () -> source[1]);
			registry.add(prefix + "base-url", () -> vendors.server.url(source[2]).toString());
			registry.add(prefix + "credential-env", () -> source[3]);
			registry.add(prefix + "remediate", () -> source[4]);
			registry.add(prefix + "backoff", () -> "5ms");
			registry.add(prefix + "retries", () -> "2");
		}
	}

	@BeforeEach
	void answeredDecisionsOnPulledKeys() throws IOException {
		vendors.reset();
		givenInputs("basic");
		String policy = Files.readString(INPUTS.resolve("policies/alpha-prod.yaml"));
		for (String key : List.of("lt-block", "lt-gone", "lt-narrow", "key_oa", "apikey_ant", "orhash", "orstuck")) {
			givenInputFile("policies/" + key + ".yaml", policy.replace("key_id: alpha-prod", "key_id: " + key));
		}
		assertThat(nightly(NightlyJobScenarios.NIGHT)).isEqualTo(ExitCode.DONE);
		assertThat(monthly("2026-11")).isEqualTo(ExitCode.DONE);
		givenInputFile("answers/answers.csv", ANSWERS);
	}

	Path plan() {
		return OUT.resolve("remediation/plan-" + MonthlyAnswerScenarios.ANSWER_NIGHT + ".csv");
	}

}
