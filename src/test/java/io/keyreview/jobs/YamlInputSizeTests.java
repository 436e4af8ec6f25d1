package io.keyreview.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A YAML input ({@code owners.yaml}, a policy) larger than
 * {@code keyreview.yaml.max-size} is refused in one sentence before it is parsed: the
 * YAML parser's time grows with the square of a line's length.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:yamlsize;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
		+ "NON_KEYWORDS=VALUE,YEAR,MONTH,DAY;DB_CLOSE_DELAY=-1")
@ExtendWith(OutputCaptureExtension.class)
class YamlInputSizeTests extends JobTestSupport {

	private static final LocalDate NIGHT = LocalDate.parse("2026-11-21");

	private static final Duration GENEROUS = Duration.ofSeconds(60);

	@Test
	void anOwnersYamlWithAFourMegabyteCommentLineIsRefusedQuicklyNamingTheFileAndTheLimit(CapturedOutput output)
			throws IOException {
		givenInputs("basic");
		String owners = Files.readString(INPUTS.resolve("owners.yaml"));
		givenInputFile("owners.yaml", "# " + "x".repeat(4 * 1024 * 1024) + "\n" + owners);

		ExitCode exit = assertTimeoutPreemptively(GENEROUS, () -> nightly(NIGHT));

		assertThat(exit).isEqualTo(ExitCode.FAILED);
		assertThat(output)
			.contains("loadDirectory failed: directory/owners.yaml is larger than"
					+ " keyreview.yaml.max-size (1048576 bytes): shorten it, or raise the setting")
			.doesNotContain("\tat ");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM owner_group", Integer.class)).isZero();
	}

	@Test
	void aPolicyOverTheLimitIsRefusedNamingTheFileAndTheLimit(CapturedOutput output) throws IOException {
		givenInputs("basic");
		String policy = Files.readString(INPUTS.resolve("policies/alpha-prod.yaml"));
		givenInputFile("policies/alpha-prod.yaml", policy + "# " + "x".repeat(1024 * 1024) + "\n");

		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.FAILED);

		assertThat(output).contains("loadPolicies failed: policies/alpha-prod.yaml is larger than"
				+ " keyreview.yaml.max-size (1048576 bytes)");
	}

	@Test
	void aYamlInputUnderTheLimitLoads() throws IOException {
		givenInputs("basic");
		String owners = Files.readString(INPUTS.resolve("owners.yaml"));
		givenInputFile("owners.yaml", "# " + "x".repeat(512 * 1024) + "\n" + owners);

		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM owner_group", Integer.class)).isPositive();
	}

}
