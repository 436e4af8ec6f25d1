package io.keyreview.run;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * A review cycle: the events of one night ({@code events-2026-11-21}), a month
 * ({@code 2026-11}) or a quarter ({@code 2026-Q4}), with the days it covers.
 */
public record Cycle(String name, Kind kind, LocalDate firstDay, LocalDate lastDay) {

	/** The identifying job parameter of the monthly and quarterly jobs. */
	public static final String PERIOD = "period";

	private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

	public static Cycle events(LocalDate night) {
		return new Cycle("events-" + night, Kind.EVENTS, night, night);
	}

	public static Cycle monthly(YearMonth month) {
		return new Cycle(month.toString(), Kind.MONTHLY, month.atDay(1), month.atEndOfMonth());
	}

	public static Cycle quarterly(int year, int quarter) {
		YearMonth first = YearMonth.of(year, quarter * 3 - 2);
		return new Cycle(year + "-Q" + quarter, Kind.QUARTERLY, first.atDay(1), first.plusMonths(2).atEndOfMonth());
	}

	/**
	 * A cycle by its name: {@code events-2026-11-21}, {@code 2026-11} or {@code 2026-Q4}.
	 */
	public static Cycle named(String name) {
		return name.startsWith("events-") ? events(LocalDate.parse(name.substring("events-".length()))) : period(name);
	}

	/** A period as the command line takes it: {@code 2026-11} or {@code 2026-Q4}. */
	public static Cycle period(String period) {
		Matcher quarter = QUARTER.matcher(period);
		if (quarter.matches()) {
			return quarterly(Integer.parseInt(quarter.group(1)), Integer.parseInt(quarter.group(2)));
		}
		try {
			return monthly(YearMonth.parse(period));
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(
					"'" + period + "' is neither a month such as 2026-11 nor a quarter such as 2026-Q4");
		}
	}

	public static Cycle of(JobParameters parameters) {
		String period = parameters.getString(PERIOD);
		return (period != null) ? period(period) : events(RunDate.of(parameters));
	}

	public enum Kind {

		EVENTS("events", "first_used_tonight"),

		MONTHLY("owner", "last_used_at", "requests", "failed_requests", "spend_usd", "monthly_budget_usd",
				"new_routes"),

		QUARTERLY("owner", "owner_type", "scopes", "last_rotated_at", "rotation_cadence", "expires_at",
				"offboarding_triggers", "exception");

		private final List<String> detailColumns;

		Kind(String... detailColumns) {
			this.detailColumns = List.of(detailColumns);
		}

		public List<String> detailColumns() {
			return this.detailColumns;
		}

	}

}
