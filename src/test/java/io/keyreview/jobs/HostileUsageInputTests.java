package io.keyreview.jobs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile usage files on the embedded database, with the cases where the reader, not the
 * database, is what is attacked.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:keyreview;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
		+ "NON_KEYWORDS=VALUE,YEAR,MONTH,DAY;DB_CLOSE_DELAY=-1")
class HostileUsageInputTests extends HostileUsageInputScenarios {

	@Test
	void aStrayQuoteCostsOnlyItsLine() throws IOException {
		givenDemoInputs();
		long requests = requestsIn("usage/openai.csv", List.of(3));
		givenLineEdited("usage/openai.csv", 3, ",sales-email-prod,", ",\"sales-email-prod,");

		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(rejects(NIGHT, "usage/openai.csv")).singleElement()
			.asString()
			.startsWith("usage/openai.csv:3 opens a quote that is not closed on this line");
		assertThat(count("SELECT SUM(requests) FROM usage_daily WHERE source = 'openai'")).isEqualTo(requests);
		assertRejectsAgree(NIGHT, "loadUsage", "usage");
	}

	@Test
	void rejectsTheRowWithANonUtf8ByteAndLoadsTheOthers() throws IOException {
		givenDemoInputs();
		long requests = requestsIn("usage/openai.csv", List.of(5));
		givenLineEdited("usage/openai.csv", 5, ",openai,", new byte[] { ',', 'o', 'p', 'e', 'n', (byte) 0xE0, ',' });

		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(rejects(NIGHT, "usage/openai.csv"))
			.containsExactly("usage/openai.csv:5 is not UTF-8 text: save the file as UTF-8");
		assertThat(count("SELECT SUM(requests) FROM usage_daily WHERE source = 'openai'")).isEqualTo(requests);
		assertRejectsAgree(NIGHT, "loadUsage", "usage");
	}

	@Test
	void rejectsARowTooLongToHold() throws IOException {
		givenInputs("basic");
		givenInputFile("usage/hostile.csv", HEADER + "\nalpha-prod,2026-11-20T10:00:00Z," + repeat('r', 5 * 1024 * 1024)
				+ ",gpt-4o-mini,openai,1,1,1,0.5,0\nalpha-prod,2026-11-20T10:00:00Z,r,m,p,3,1,1,0.5,0\n");

		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(rejects(NIGHT)).containsExactly("usage/hostile.csv:2 is longer than 1048576 characters");
		assertThat(count("SELECT SUM(requests) FROM usage_daily WHERE source = 'hostile'")).isEqualTo(3);
		assertRejectsAgree(NIGHT, "loadUsage", "usage");
	}

	/** The requests of a usage file's rows, but those on the lines left out. */
	private long requestsIn(String path, List<Integer> leftOut) throws IOException {
		List<String> lines = new ArrayList<>(java.nio.file.Files.readAllLines(INPUTS.resolve(path)));
		long requests = 0;
		for (int line = 2; line <= lines.size(); line++) {
			if (!leftOut.contains(line)) {
				requests += Long.parseLong(lines.get(line - 1).split(",")[5]);
			}
		}
		return requests;
	}

}
