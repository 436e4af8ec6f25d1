package io.keyreview.review;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The thresholds of the {@code anomaly} rule ({@code keyreview.rules.anomaly.*}).
 *
 * @param baseline the days before a day that make a key's baseline
 * @param recent how far before the run date a day tonight's usage files cover is judged
 * (a backfill of older days is not)
 * @param deviations how many robust standard deviations (1.4826 times the median absolute
 * deviation) above the baseline's median a day's requests or spend must be
 * @param minRatio how many times the baseline's median it must be, too (a key whose
 * traffic is steady has a deviation near zero)
 * @param requestsFloor requests a day must have at least to be a spike
 * @param spendFloorUsd spend a day must have at least to be a spike
 * @param failureJump by how much (a share of requests) a day's failure rate must exceed
 * the baseline's
 * @param failuresFloor failed calls a day must have at least to be a jump
 * @param offHoursFloor requests a day must have at least in the hours its baseline was
 * silent in to be an off-hours burst
 * @param offHoursActiveHours how many hours of a day of use a key's baseline must be
 * active in on average: rows that sum a day (one row a day, at any hour) show no rhythm
 * of the day to break
 * @param offHoursBaselineDays the baseline's days with use a key needs at least for its
 * silent hours to count (a key used now and then has no rhythm to break)
 * @param newAddressFloor requests a day must have at least from a client address its
 * baseline never saw to be a new address
 * @param newAddressBaselineDays the baseline's days with a known client address a key
 * needs at least for a new one to count
 */
@ConfigurationProperties("keyreview.rules.anomaly")
public record AnomalySettings(@DefaultValue("28d") Duration baseline, @DefaultValue("7d") Duration recent,
		@DefaultValue("5") BigDecimal deviations, @DefaultValue("2") BigDecimal minRatio,
		@DefaultValue("500") long requestsFloor, @DefaultValue("25") BigDecimal spendFloorUsd,
		@DefaultValue("0.25") BigDecimal failureJump, @DefaultValue("20") long failuresFloor,
		@DefaultValue("100") long offHoursFloor, @DefaultValue("14") int offHoursBaselineDays,
		@DefaultValue("3") int offHoursActiveHours, @DefaultValue("20") long newAddressFloor,
		@DefaultValue("14") int newAddressBaselineDays) {

}
