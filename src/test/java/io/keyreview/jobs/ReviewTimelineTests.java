package io.keyreview.jobs;

import org.springframework.test.context.TestPropertySource;

/** The review's timeline on the embedded database (H2 in MySQL mode). */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:keyreview;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
		+ "NON_KEYWORDS=VALUE,YEAR,MONTH,DAY;DB_CLOSE_DELAY=-1")
class ReviewTimelineTests extends ReviewTimelineScenarios {

}
