package io.keyreview.jobs;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HR exports ({@code people/*.csv}) built to break the load where the database holds the
 * values: each value is checked against its column and a bad one is a rejected row.
 */
abstract class HostilePeopleInputScenarios extends HostileInputSupport {

	@Test
	void rejectsEveryValueItsColumnCannotHoldAsARowWithItsReason() throws IOException {
		givenInputs("basic");
		givenInputFile("people/hostile.csv",
				String.join("\n", "email,status,person_id,name,department,cost_center,manager_email,termination_date",
						"fine@example.com,active,P9,Fine,,,,", "name@example.com,active,," + repeat('n', 301) + ",,,,",
						"person@example.com,active," + repeat('p', 101) + ",,,,,",
						"department@example.com,active,,," + repeat('d', 201) + ",,,",
						"cost@example.com,active,,,," + repeat('c', 101) + ",,",
						"manager@example.com,active,,,,," + repeat('m', 290) + "@example.com,",
						"far@example.com,terminated,,,,,,+999999999-12-31T23:59:59Z",
						"early@example.com,terminated,,,,,,0001-01-01", repeat('e', 290) + "@example.com,active,,,,,,",
						""));

		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(rejects(NIGHT)).containsExactly("people/hostile.csv:3 name is longer than 300 characters",
				"people/hostile.csv:4 person_id is longer than 100 characters",
				"people/hostile.csv:5 department is longer than 200 characters",
				"people/hostile.csv:6 cost_center is longer than 100 characters",
				"people/hostile.csv:7 manager_email is longer than 300 characters",
				"people/hostile.csv:8 termination_date '+999999999-12-31T23:59:59Z' is outside 2000-01-01 to 2100-12-31",
				"people/hostile.csv:9 termination_date '0001-01-01' is outside 2000-01-01 to 2100-12-31",
				"people/hostile.csv:10 email is longer than 300 characters");
		assertThat(this.jdbc.queryForList("SELECT email FROM person WHERE person_id = 'P9'", String.class))
			.containsExactly("fine@example.com");
		assertRejectsAgree(NIGHT, "loadPeople", "people");
	}

}
