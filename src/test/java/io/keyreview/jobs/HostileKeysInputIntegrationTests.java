package io.keyreview.jobs;

import io.keyreview.support.MySqlTestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Hostile key inventories on MySQL or MariaDB, whose columns are what is attacked. */
@ExtendWith(MySqlTestDatabase.class)
class HostileKeysInputIntegrationTests extends HostileKeysInputScenarios {

	@DynamicPropertySource
	static void mysql(DynamicPropertyRegistry registry) {
		MySqlTestDatabase.register(registry);
	}

}
