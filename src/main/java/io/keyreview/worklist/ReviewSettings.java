package io.keyreview.worklist;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How work lists are addressed ({@code keyreview.review.*}).
 *
 * @param dueIn how long after a cycle ends its decisions are due
 * @param security where keys with no security owner are escalated, and unattributable
 * usage is reported
 * @param finance where unattributable spend is reported
 * @param defaultAfter how long after its due date an item closes: no answer is recorded
 * after that
 */
@ConfigurationProperties("keyreview.review")
public record ReviewSettings(@DefaultValue("14d") Duration dueIn, @DefaultValue("security@example.com") String security,
		@DefaultValue("finance@example.com") String finance, @DefaultValue("7d") Duration defaultAfter) {

}
