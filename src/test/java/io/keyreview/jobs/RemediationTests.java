package io.keyreview.jobs;

import org.springframework.test.context.TestPropertySource;

/** Approved decisions carried out, on the embedded database (H2 in MySQL mode). */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:remediation;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
		+ "NON_KEYWORDS=VALUE,YEAR,MONTH,DAY;DB_CLOSE_DELAY=-1")
class RemediationTests extends RemediationApplyScenarios {

}
