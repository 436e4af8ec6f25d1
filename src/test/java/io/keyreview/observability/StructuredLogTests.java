package io.keyreview.observability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.keyreview.support.ForkedKeyreview;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With structured logging on, a run (in a process of its own, so the logging setup stays
 * its own) logs JSON: one line per step end with the step's counts as fields, the run
 * summary, and no secret.
 */
class StructuredLogTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void logsOneJsonLinePerStepEndWithItsCountsAndNoSecret(@TempDir Path work) throws Exception {
		FileSystemUtils.copyRecursively(Path.of("src/test/resources/nightly/secrets"), work.resolve("inputs"));
		Path log = work.resolve("run.log");
		Process run = ForkedKeyreview.start(log,
				List.of("nightly", "--date=2026-11-21", "--keyreview.inputs=" + work.resolve("inputs"),
						"--keyreview.out=" + work.resolve("out"),
						"--spring.datasource.url=jdbc:h2:mem:logs;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
								+ "NON_KEYWORDS=VALUE,YEAR,MONTH,DAY",
						"--spring.profiles.active=json-logs"));
		assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(run.exitValue()).isZero();

		List<JsonNode> lines = Files.readAllLines(log)
			.stream()
			.filter((line) -> line.startsWith("{"))
			.map(JSON::readTree)
			.toList();
		assertThat(lines).isNotEmpty();
		JsonNode loadKeys = lines.stream()
			.filter((line) -> "loadKeys".equals(line.path("step").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(loadKeys.path("status").asString()).isEqualTo("COMPLETED");
		assertThat(loadKeys.path("read").asInt())
			.isEqualTo(loadKeys.path("written").asInt() + loadKeys.path("rejected").asInt());
		assertThat(loadKeys.path("message").asString()).startsWith("loadKeys: read ");
		assertThat(lines.stream().filter((line) -> line.has("step")).map((line) -> line.path("step").asString()))
			.contains("pullSources", "landInputs", "loadUsage", "reconcileRegister", "evaluateKeys", "deliverMail",
					"pruneOldRuns")
			.doesNotHaveDuplicates();
		assertThat(lines).anySatisfy(
				(line) -> assertThat(line.path("message").asString()).startsWith("nightly 2026-11-21 completed in"));
		String output = Files.readString(log);
		assertThat(output).doesNotContainPattern("sk-(proj|ant|admin)-test|AKIA[0-9A-Z]{16}|Bearer [A-Za-z0-9]{20}");
	}

}
