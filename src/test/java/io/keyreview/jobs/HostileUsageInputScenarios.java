package io.keyreview.jobs;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Usage files ({@code usage/*.csv}) built to break the load where the database holds the
 * values: each value is checked against its column and a bad one is a rejected row.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class HostileUsageInputScenarios extends HostileInputSupport {

	static final String HEADER = "key_id,timestamp,route,model,provider,requests,input_tokens,output_tokens,cost_usd,"
			+ "failed_requests";

	@Test
	void rejectsEveryValueItsColumnCannotHoldAsARowWithItsReason() throws IOException {
		givenInputs("basic");
		givenInputFile("usage/hostile.csv", String.join("\n", HEADER,
				"alpha-prod,2026-11-20T10:00:00Z,support-prod,gpt-4o-mini,openai,7,1,1,0.5,0",
				"alpha-prod,2026-11-20T10:00:00Z,support-prod,gpt-4o-mini,openai,1,1,1,1e308,0",
				"alpha-prod,2026-11-20T10:00:00Z,support-prod,gpt-4o-mini,openai,1,1,1,99999999999999999999999999999.99,0",
				"alpha-prod,2026-11-20T10:00:00Z," + repeat('r', 129) + ",gpt-4o-mini,openai,1,1,1,0.5,0",
				"alpha-prod,2026-11-20T10:00:00Z,support-prod," + repeat('m', 129) + ",openai,1,1,1,0.5,0",
				"alpha-prod,2026-11-20T10:00:00Z,support-prod,gpt-4o-mini,openai,10000000000001,1,1,0.5,0",
				"alpha-prod,2026-11-20T10:00:00Z,support-prod,gpt-4o-mini,openai,1,99999999999999999999,1,0.5,0",
				"alpha-prod,+999999999-12-31T23:59:59Z,support-prod,gpt-4o-mini,openai,1,1,1,0.5,0",
				"alpha-prod,0001-01-01,support-prod,gpt-4o-mini,openai,1,1,1,0.5,0", ""));
		givenInputFile("usage/" + "u".repeat(70) + ".csv",
				HEADER + "\nalpha-prod,2026-11-20T10:00:00Z,support-prod,gpt-4o-mini,openai,1,1,1,0.5,0\n");

		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(rejects(NIGHT)).containsExactly(
				"usage/hostile.csv:3 cost_usd '1e308' has more than 12 digits before the decimal point",
				"usage/hostile.csv:4 cost_usd '99999999999999999999999999999.99' has more than 12 digits before the "
						+ "decimal point",
				"usage/hostile.csv:5 route is longer than 128 characters",
				"usage/hostile.csv:6 model is longer than 128 characters",
				"usage/hostile.csv:7 requests '10000000000001' is more than 1000000000000",
				"usage/hostile.csv:8 input_tokens '99999999999999999999' is more than 1000000000000",
				"usage/hostile.csv:9 timestamp '+999999999-12-31T23:59:59Z' is outside 2000-01-01 to 2100-12-31",
				"usage/hostile.csv:10 timestamp '0001-01-01' is outside 2000-01-01 to 2100-12-31",
				"usage/" + "u".repeat(70) + ".csv:2 source '" + "u".repeat(70)
						+ "' (the file name) is longer than 64 characters");
		assertThat(count("SELECT SUM(requests) FROM usage_daily WHERE source = 'hostile'")).isEqualTo(7);
		assertRejectsAgree(NIGHT, "loadUsage", "usage");
	}

	@Test
	void aDayTooLargeForItsRowOverSeveralChunksFailsWithOneSentenceAndTheCorrectedFileFinishesTheNight(
			CapturedOutput output) throws IOException {
		givenInputs("basic");
		String day = "2026-11-20T10:00:00Z,support-prod,gpt-4o-mini,openai,1,1,1,";
		givenInputFile("usage/hostile.csv", String.join("\n", HEADER, "alpha-prod," + day + "600000000000,0",
				"beta-staging," + day + "1,0", "alpha-prod," + day + "600000000000,0", ""));

		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.FAILED);

		assertThat(output).contains("loadUsage failed: usage source hostile: key alpha-prod's usage on 2026-11-20"
				+ " (route 'support-prod', model 'gpt-4o-mini', provider 'openai') adds up to more than a day's usage"
				+ " can hold")
			.doesNotContain("\tat ");
		assertThat(count("SELECT COUNT(*) FROM usage_daily")).isZero();

		givenInputFile("usage/hostile.csv", String.join("\n", HEADER, "alpha-prod," + day + "6,0",
				"beta-staging," + day + "1,0", "alpha-prod," + day + "6,0", ""));
		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(count("SELECT SUM(requests) FROM usage_daily WHERE source = 'hostile'")).isEqualTo(3);
		assertThat(count("SELECT SUM(cost_usd) FROM usage_daily WHERE source = 'hostile' AND key_id = 'alpha-prod'"))
			.isEqualTo(12);
	}

	@Test
	void aDayTooLargeForItsRowInOneChunkFailsWithOneSentenceNamingTheLine(CapturedOutput output) throws IOException {
		givenInputs("basic");
		String day = "2026-11-20T10:00:00Z,support-prod,gpt-4o-mini,openai,1,1,1,";
		// named to be read first: its two rows make the first chunk
		givenInputFile("usage/a-hostile.csv", String.join("\n", HEADER, "alpha-prod," + day + "600000000000,0",
				"alpha-prod," + day + "600000000000,0", ""));

		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.FAILED);

		assertThat(output)
			.contains("loadUsage failed: usage/a-hostile.csv line 3: key alpha-prod's usage on 2026-11-20")
			.doesNotContain("\tat ");
	}

}
