package io.keyreview.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a row of a CSV input may hold before it is rejected ({@code keyreview.limits.*}).
 *
 * @param earliestDate the earliest date or time a row may name
 * @param latestDate the latest date a row may name (the whole day)
 * @param rowLength the most characters one row may have, on one line or across several
 */
@ConfigurationProperties("keyreview.limits")
public record InputLimits(@DefaultValue("2000-01-01") LocalDate earliestDate,
		@DefaultValue("2100-12-31") LocalDate latestDate, @DefaultValue("1048576") int rowLength) {

	public static final InputLimits DEFAULT = new InputLimits(LocalDate.parse("2000-01-01"),
			LocalDate.parse("2100-12-31"), 1 << 20);

	public InputLimits {
		if (!earliestDate.isBefore(latestDate)) {
			throw new IllegalArgumentException("keyreview.limits.earliest-date " + earliestDate
					+ " must be before keyreview.limits.latest-date " + latestDate);
		}
		if (rowLength < 1024) {
			throw new IllegalArgumentException("keyreview.limits.row-length must be at least 1024, was " + rowLength);
		}
	}

	boolean allows(Instant instant) {
		return !instant.isBefore(this.earliestDate.atStartOfDay(ZoneOffset.UTC).toInstant())
				&& instant.isBefore(this.latestDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
	}

	String dateRange() {
		return this.earliestDate + " to " + this.latestDate;
	}

}
