package io.keyreview.usage;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A block's requests per source, key, day and hour of the day (UTC), for the anomaly
 * rule's off-hours burst: staged in {@code usage_hour_staging} with the block, then
 * rolled into {@code usage_hourly} with the day's rollups, a row per source, key and day.
 */
final class UsageHours {

	private static final String HOURS = IntStream.range(0, 24)
		.mapToObj((hour) -> "h%02d".formatted(hour))
		.collect(Collectors.joining(", "));

	private static final String SUMS = IntStream.range(0, 24)
		.mapToObj((hour) -> "SUM(h%02d)".formatted(hour))
		.collect(Collectors.joining(", "));

	private record Day(String source, String keyId, LocalDate day) {
	}

	private final Map<Day, long[]> requests = new LinkedHashMap<>();

	/** The hours of the row's source, key and day, to add its rows to. */
	long[] of(UsageRow row) {
		return this.requests.computeIfAbsent(new Day(row.source(), row.keyId(), row.usageDay()), (day) -> new long[24]);
	}

	static void add(long[] hours, UsageRow row) {
		int hour = (int) (Math.floorMod(row.timestamp().getEpochSecond(), 86_400L) / 3600);
		long sum = hours[hour] + row.requests();
		hours[hour] = (sum < 0) ? Long.MAX_VALUE : sum;
	}

	void stage(UsageStaging staging, LocalDate runDate) {
		String date = runDate.toString();
		staging.append("usage_hour_staging", "run_date, source, key_id, usage_day, " + HOURS, this.requests.entrySet(),
				new UsageStaging.Rows<>() {

					@Override
					public void appendTo(StringBuilder text, Map.Entry<Day, long[]> row) {
						text.append(date).append('\t');
						UsageStaging.escaped(text, row.getKey().source()).append('\t');
						UsageStaging.escaped(text, row.getKey().keyId()).append('\t');
						text.append(row.getKey().day());
						for (long requests : row.getValue()) {
							text.append('\t').append(requests);
						}
						text.append('\n');
					}

					@Override
					public Object[] values(Map.Entry<Day, long[]> row) {
						Object[] values = new Object[4 + 24];
						values[0] = runDate;
						values[1] = row.getKey().source();
						values[2] = row.getKey().keyId();
						values[3] = row.getKey().day();
						for (int hour = 0; hour < 24; hour++) {
							values[4 + hour] = row.getValue()[hour];
						}
						return values;
					}

				});
	}

	/**
	 * Replaces the hourly rows of the days and sources tonight covered ({@code days}:
	 * each a day and a source) with tonight's staged sums, and clears the staging.
	 */
	static void rollUp(JdbcTemplate jdbc, LocalDate runDate, List<Object[]> days) {
		jdbc.batchUpdate("DELETE FROM usage_hourly WHERE usage_day = ? AND source = ?", days);
		jdbc.update("INSERT INTO usage_hourly (key_id, usage_day, source, " + HOURS + ") SELECT key_id, usage_day, "
				+ "source, " + SUMS + " FROM usage_hour_staging WHERE run_date = ? GROUP BY key_id, usage_day, source",
				runDate);
		jdbc.update("DELETE FROM usage_hour_staging WHERE run_date = ?", runDate);
	}

}
