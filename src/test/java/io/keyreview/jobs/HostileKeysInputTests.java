package io.keyreview.jobs;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile key inventories on the embedded database, with the cases where the reader, not
 * the database, is what is attacked.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:keyreview;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
		+ "NON_KEYWORDS=VALUE,YEAR,MONTH,DAY;DB_CLOSE_DELAY=-1")
class HostileKeysInputTests extends HostileKeysInputScenarios {

	@Test
	void aStrayQuoteCostsOnlyItsLineAndMarksNoKeyGone() throws IOException {
		givenDemoInputs();
		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);
		long keys = count("SELECT COUNT(*) FROM inventory_key WHERE seen_on = ?", NIGHT);
		givenLineEdited("keys/openai.csv", 3, ",Search embeddings,", ",\"Search embeddings,");

		assertThat(nightly(NEXT_NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(rejects(NEXT_NIGHT, "keys/openai.csv")).singleElement()
			.asString()
			.startsWith("keys/openai.csv:3 opens a quote that is not closed on this line");
		assertThat(count("SELECT COUNT(*) FROM inventory_key WHERE seen_on = ?", NEXT_NIGHT)).isEqualTo(keys - 1);
		assertThat(this.jdbc.queryForList("SELECT key_id FROM key_change WHERE event = 'gone'", String.class))
			.isEmpty();
		assertThat(count("SELECT COUNT(*) FROM key_register WHERE gone_since IS NOT NULL")).isZero();
		assertRejectsAgree(NEXT_NIGHT, "loadKeys", "keys");
	}

	@Test
	void rejectsTheRowWithANonUtf8ByteAndLoadsTheOthers() throws IOException {
		givenDemoInputs();
		givenLineEdited("keys/openai.csv", 4, "KB embeddings staging", new byte[] { 'K', 'B', ' ', (byte) 0xE9 });

		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(rejects(NIGHT, "keys/openai.csv"))
			.containsExactly("keys/openai.csv:4 is not UTF-8 text: save the file as UTF-8");
		assertThat(count("SELECT COUNT(*) FROM inventory_key WHERE input_file = 'keys/openai.csv'")).isEqualTo(12);
		assertRejectsAgree(NIGHT, "loadKeys", "keys");
	}

	@Test
	void rejectsARowTooLongToHoldAndAControlCharacter() throws IOException {
		givenInputs("basic");
		givenInputFile("keys/hostile.csv",
				"key_id,alias\nhuge-alias," + repeat('x', 5 * 1024 * 1024) + "\nnul-alias,a\u0000b\nfine-key,fine\n");

		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(rejects(NIGHT)).containsExactly("keys/hostile.csv:2 is longer than 1048576 characters",
				"keys/hostile.csv:3 has a control character (U+0000)");
		assertThat(this.jdbc.queryForObject("SELECT row_text FROM rejected_row WHERE line = 3", String.class))
			.isEqualTo("nul-alias,a\\x00b");
		assertThat(count("SELECT COUNT(*) FROM inventory_key WHERE key_id = 'fine-key'")).isOne();
		assertThat(OUT.resolve("landing/2026-11-21/keys/hostile.csv"))
			.hasSameBinaryContentAs(INPUTS.resolve("keys/hostile.csv"));
		assertThat(OUT.resolve("landing/2026-11-21/keys/.landed")).content().contains("hostile.csv\t4");
		assertRejectsAgree(NIGHT, "loadKeys", "keys");
	}

}
