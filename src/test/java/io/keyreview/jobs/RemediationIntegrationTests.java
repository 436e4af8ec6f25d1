package io.keyreview.jobs;

import io.keyreview.support.MySqlTestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Approved decisions carried out, on MySQL or MariaDB through MySQL Connector/J. */
@ExtendWith(MySqlTestDatabase.class)
class RemediationIntegrationTests extends RemediationApplyScenarios {

	@DynamicPropertySource
	static void mysql(DynamicPropertyRegistry registry) {
		MySqlTestDatabase.register(registry);
	}

}
