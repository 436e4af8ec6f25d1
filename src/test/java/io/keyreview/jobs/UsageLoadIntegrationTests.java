package io.keyreview.jobs;

import io.keyreview.support.MySqlTestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The usage load over the corpus on MySQL or MariaDB, staged with {@code LOAD DATA LOCAL
 * INFILE} as production stages it: on MariaDB, Connector/J's batched inserts would cut
 * the corpus's fractions of a second off, and {@code usage_daily} would differ from what
 * is expected.
 */
@ExtendWith(MySqlTestDatabase.class)
class UsageLoadIntegrationTests extends UsageLoadScenarios {

	@DynamicPropertySource
	static void mysql(DynamicPropertyRegistry registry) {
		MySqlTestDatabase.register(registry);
	}

}
