package io.keyreview.review;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The thresholds of the review rules ({@code keyreview.rules.*}).
 *
 * @param staleAfter an active key unused this long is stale
 * @param neverUsedGrace a key never used counts as stale once it is this old
 * @param deleteDisabledAfter a key disabled this long is proposed for deletion
 * @param unusedGrantWindow a granted route or model unused this long is too broad
 * @param rotationCadence the rotation cadence where a policy names none
 * @param privilegedScopes scopes a key holds only where its policy allows them
 * @param offboardingSla how soon after an exit the person's keys must be disabled
 */
@ConfigurationProperties("keyreview.rules")
public record RuleSettings(@DefaultValue("90d") Duration staleAfter, @DefaultValue("30d") Duration neverUsedGrace,
		@DefaultValue("30d") Duration deleteDisabledAfter, @DefaultValue("90d") Duration unusedGrantWindow,
		@DefaultValue("90d") Duration rotationCadence, @DefaultValue( {
				"admin_api", "key_management", "route_management", "admin" }) List<String> privilegedScopes,
		@DefaultValue("1d") Duration offboardingSla){

	static LocalDate before(LocalDate day, Duration period) {
		return day.minusDays(period.toDays());
	}

}
