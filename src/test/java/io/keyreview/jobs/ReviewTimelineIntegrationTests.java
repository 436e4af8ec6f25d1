package io.keyreview.jobs;

import io.keyreview.support.MySqlTestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The review's timeline on MySQL or MariaDB through MySQL Connector/J. */
@ExtendWith(MySqlTestDatabase.class)
class ReviewTimelineIntegrationTests extends ReviewTimelineScenarios {

	@DynamicPropertySource
	static void mysql(DynamicPropertyRegistry registry) {
		MySqlTestDatabase.register(registry);
	}

}
