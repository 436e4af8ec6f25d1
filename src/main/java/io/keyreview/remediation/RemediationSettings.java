package io.keyreview.remediation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether and how far the nightly carries out approved decisions
 * ({@code keyreview.remediation.*}).
 *
 * @param apply send the planned requests; without it the nightly only writes the plan
 * @param applyDefaults apply decisions that came from the no-answer default too
 * @param maxPerNight above this many requests in one night nothing is sent, and the
 * security owner is mailed the plan
 */
@ConfigurationProperties("keyreview.remediation")
public record RemediationSettings(@DefaultValue("false") boolean apply, @DefaultValue("false") boolean applyDefaults,
		@DefaultValue("20") int maxPerNight) {

}
