package io.keyreview.jobs;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile HR exports on the embedded database, with the cases where the reader, not the
 * database, is what is attacked.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:keyreview;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
		+ "NON_KEYWORDS=VALUE,YEAR,MONTH,DAY;DB_CLOSE_DELAY=-1")
class HostilePeopleInputTests extends HostilePeopleInputScenarios {

	@Test
	void aStrayQuoteCostsOnlyItsLine() throws IOException {
		givenDemoInputs();
		assertThat(lineOf("people/people.csv", 4)).contains(",Rachel Cohen,");
		givenLineEdited("people/people.csv", 4, ",Rachel Cohen,", ",\"Rachel Cohen,");

		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(rejects(NIGHT, "people/people.csv")).singleElement()
			.asString()
			.startsWith("people/people.csv:4 opens a quote that is not closed on this line");
		assertThat(count("SELECT COUNT(*) FROM person")).isEqualTo(50);
		assertRejectsAgree(NIGHT, "loadPeople", "people");
	}

	@Test
	void rejectsTheRowWithANonUtf8ByteAndLoadsTheOthers() throws IOException {
		givenDemoInputs();
		givenLineEdited("people/people.csv", 3, "James Wilson",
				new byte[] { 'J', 'o', 's', (byte) 0xE9, ' ', 'W', 'i', 'l', 's', 'o', 'n' });

		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(rejects(NIGHT, "people/people.csv"))
			.containsExactly("people/people.csv:3 is not UTF-8 text: save the file as UTF-8");
		assertThat(count("SELECT COUNT(*) FROM person")).isEqualTo(50);
		assertRejectsAgree(NIGHT, "loadPeople", "people");
	}

}
