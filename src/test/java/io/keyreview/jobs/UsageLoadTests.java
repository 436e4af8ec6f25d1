package io.keyreview.jobs;

import org.springframework.test.context.TestPropertySource;

/** The usage load over the corpus on the embedded database (batched inserts). */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:keyreview;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
		+ "NON_KEYWORDS=VALUE,YEAR,MONTH,DAY;DB_CLOSE_DELAY=-1")
class UsageLoadTests extends UsageLoadScenarios {

}
