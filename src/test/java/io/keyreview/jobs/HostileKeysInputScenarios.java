package io.keyreview.jobs;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key inventories ({@code keys/*.csv}) built to break the load where the database holds
 * the values: each value is checked against its column and a bad one is a rejected row.
 */
abstract class HostileKeysInputScenarios extends HostileInputSupport {

	static final String LONG_FILE_STEM = "k".repeat(70);

	@Test
	void rejectsEveryValueItsColumnCannotHoldAsARowWithItsReason() throws IOException {
		givenInputs("basic");
		givenInputFile("keys/hostile.csv", String.join("\n",
				"key_id,alias,project,owner,created_by,scopes,monthly_budget_usd,secret_location,created_at,expires_at",
				"fine-key,fine,,,,,,,,", "long-alias," + repeat('a', 301) + ",,,,,,,,",
				"long-project,," + repeat('p', 201) + ",,,,,,,", "long-owner,,," + repeat('o', 301) + ",,,,,,",
				"long-creator,,,," + repeat('c', 301) + ",,,,,", "long-scopes,,,,," + "s;".repeat(8001) + ",,,,",
				"budget-1e308,,,,,,1e308,,,", "budget-huge,,,,,,99999999999999999999999999999.99,,,",
				"long-location,,,,,,," + repeat('l', 501) + ",,", repeat('k', 129) + ",,,,,,,,,", ""));
		givenInputFile("keys/" + LONG_FILE_STEM + ".csv", "key_id\nlong-source-key\n");

		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(rejects(NIGHT)).containsExactly("keys/hostile.csv:3 alias is longer than 300 characters",
				"keys/hostile.csv:4 project is longer than 200 characters",
				"keys/hostile.csv:5 owner is longer than 300 characters",
				"keys/hostile.csv:6 created_by is longer than 300 characters",
				"keys/hostile.csv:7 scopes is longer than 16000 characters",
				"keys/hostile.csv:8 monthly_budget_usd '1e308' has more than 12 digits before the decimal point",
				"keys/hostile.csv:9 monthly_budget_usd '99999999999999999999999999999.99' has more than 12 digits "
						+ "before the decimal point",
				"keys/hostile.csv:10 secret_location is longer than 500 characters",
				"keys/hostile.csv:11 key_id is longer than 128 characters", "keys/" + LONG_FILE_STEM + ".csv:2 source '"
						+ LONG_FILE_STEM + "' (the file name) is longer than 64 characters");
		assertThat(this.jdbc.queryForList("SELECT key_id FROM inventory_key WHERE input_file = 'keys/hostile.csv'",
				String.class))
			.containsExactly("fine-key");
		assertThat(count("SELECT COUNT(*) FROM key_register")).isEqualTo(6);
		assertRejectsAgree(NIGHT, "loadKeys", "keys");
	}

	@Test
	void rejectsDatesOutsideTheRange() throws IOException {
		givenInputs("basic");
		givenInputFile("keys/hostile.csv",
				String.join("\n", "key_id,created_at,last_used_at,last_rotated_at,expires_at", "fine-key,2000-01-01,,,",
						"far-future,+999999999-12-31T23:59:59Z,,,", "year-one,,0001-01-01,,",
						"after-range,,,2101-01-01T00:00:00Z,", "just-in-range,,,,2100-12-31T23:59:59Z", ""));

		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(rejects(NIGHT)).containsExactly(
				"keys/hostile.csv:3 created_at '+999999999-12-31T23:59:59Z' is outside 2000-01-01 to 2100-12-31",
				"keys/hostile.csv:4 last_used_at '0001-01-01' is outside 2000-01-01 to 2100-12-31",
				"keys/hostile.csv:5 last_rotated_at '2101-01-01T00:00:00Z' is outside 2000-01-01 to 2100-12-31");
		assertThat(this.jdbc.queryForList(
				"SELECT key_id FROM inventory_key WHERE input_file = 'keys/hostile.csv' ORDER BY key_id", String.class))
			.containsExactly("fine-key", "just-in-range");
		assertRejectsAgree(NIGHT, "loadKeys", "keys");
	}

	@Test
	void keepsEveryRejectWhenTwoShareALine() throws IOException {
		givenInputs("basic");
		givenInputFile("keys/extra.csv", "key_id,status\nfirst-key,paused\n");
		givenInputFile("keys/EXTRA.csv", "key_id,status\nsecond-key,halted\n");

		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(rejects(NIGHT)).containsExactlyInAnyOrder(
				"keys/EXTRA.csv:2 status 'halted' is not one of [active, deleted, disabled, expired, revoked]",
				"keys/extra.csv:2 status 'paused' is not one of [active, deleted, disabled, expired, revoked]");
		assertRejectsAgree(NIGHT, "loadKeys", "keys");
	}

}
