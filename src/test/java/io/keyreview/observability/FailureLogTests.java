package io.keyreview.observability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.keyreview.support.ForkedKeyreview;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a failed run logs, in a process of its own with the production logging and metrics
 * set up: always one sentence for the operator; for an unexpected exception the stack
 * trace with it, at ERROR; for bad input the sentence alone. A failed step leaves the
 * metrics registry nothing to warn about.
 */
class FailureLogTests {

	@Test
	void anUnexpectedExceptionIsLoggedWithItsStackTrace(@TempDir Path work) throws Exception {
		Files.createDirectories(work.resolve("out"));
		Files.writeString(work.resolve("out/register"), "a file where the register folder should be");

		String log = failedNightly(work);

		assertThat(log).contains("nightlyJob for 2026-11-21 failed: exportRegister failed: FileAlreadyExistsException")
			.containsPattern(
					"ERROR .*exportRegister failed.*\\R\\R?java\\.io\\.UncheckedIOException: Cannot write .*\\R\\s+at ")
			.contains("Caused by: java.nio.file.FileAlreadyExistsException")
			.doesNotContain("Prometheus requires");
	}

	@Test
	void badInputIsOneSentenceWithNoStackTraceAndNoMetricsWarning(@TempDir Path work) throws Exception {
		Files.createDirectories(work.resolve("inputs/keys"));
		Files.writeString(work.resolve("inputs/keys/gateway.csv"), "alias,status\nalpha,active\n");

		String log = failedNightly(work);

		assertThat(log).contains("loadKeys failed: keys/gateway.csv has no key_id column (its columns: alias, status)")
			.doesNotContainPattern("\\R\\s+at ")
			.doesNotContain("Prometheus requires")
			.doesNotContain("WARN");
	}

	private static String failedNightly(Path work) throws IOException, InterruptedException {
		copyMissing(Path.of("src/test/resources/nightly/basic"), work.resolve("inputs"));
		Path log = work.resolve("run.log");
		Process run = ForkedKeyreview.start(log,
				List.of("nightly", "--date=2026-11-21", "--keyreview.inputs=" + work.resolve("inputs"),
						"--keyreview.out=" + work.resolve("out"),
						"--spring.datasource.url=jdbc:h2:mem:failures;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
								+ "NON_KEYWORDS=VALUE,YEAR,MONTH,DAY"));
		assertThat(run.waitFor(120, TimeUnit.SECONDS)).as("the run ends").isTrue();
		assertThat(run.exitValue()).isEqualTo(1);
		return Files.readString(log);
	}

	/** Copies the fixture's files that the test has not written itself. */
	private static void copyMissing(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				if (!Files.exists(target)) {
					Files.createDirectories(target.getParent());
					Files.copy(file, target);
				}
			}
		}
	}

}
