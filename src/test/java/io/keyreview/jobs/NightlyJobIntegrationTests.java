package io.keyreview.jobs;

import io.keyreview.support.MySqlTestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The nightly job on MySQL or MariaDB through MySQL Connector/J, the production code
 * path.
 */
@ExtendWith(MySqlTestDatabase.class)
class NightlyJobIntegrationTests extends NightlyJobScenarios {

	@DynamicPropertySource
	static void mysql(DynamicPropertyRegistry registry) {
		MySqlTestDatabase.register(registry);
	}

}
