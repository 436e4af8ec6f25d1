package io.keyreview.pull;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Setting and reading the query parameter that names the next page. */
class PagingTests {

	private static final URI COSTS = URI
		.create("https://api.example.com/v1/costs?start_time=1&group_by%5B%5D=api_key_id&page=old&limit=31");

	@Test
	void setsTheParameterInItsPlaceAndKeepsTheOthersAsTheyWere() {
		assertThat(Paging.with(COSTS, "page", "pg_a+b/c=")).hasToString(
				"https://api.example.com/v1/costs?start_time=1&group_by%5B%5D=api_key_id&page=pg_a%2Bb%2Fc%3D&limit=31");
	}

	@Test
	void addsAParameterTheUriDoesNotHaveLast() {
		assertThat(Paging.with(URI.create("https://scim.example.com/Users"), "startIndex", "3"))
			.hasToString("https://scim.example.com/Users?startIndex=3");
	}

	@Test
	void readsAParameterDecoded() {
		URI next = Paging.with(COSTS, "page", "pg_a+b/c=");

		assertThat(Paging.parameter(next, "page")).isEqualTo("pg_a+b/c=");
		assertThat(Paging.parameter(next, "group_by[]")).isEqualTo("api_key_id");
		assertThat(Paging.parameter(next, "offset")).isNull();
	}

}
