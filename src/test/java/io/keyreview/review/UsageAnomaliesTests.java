package io.keyreview.review;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.keyreview.review.UsageAnomalies.DailyUse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each anomaly's firing and quiet side, against a key's own 28 days before. */
class UsageAnomaliesTests {

	private static final AnomalySettings DEFAULTS = new AnomalySettings(Duration.ofDays(28), Duration.ofDays(7),
			new BigDecimal("5"), new BigDecimal("2"), 500, new BigDecimal("25"), new BigDecimal("0.25"), 20, 100, 14, 3,
			20, 14);

	private static final LocalDate NIGHT = LocalDate.parse("2026-11-20");

	private final Map<LocalDate, DailyUse> use = new HashMap<>();

	@Test
	void aKeyWithNoHistoryDoesNotFireOnItsFirstCentsButDoesOnAFirstDayAboveTheFloors() {
		day(NIGHT, 120, 0, "1.50");
		assertThat(anomalies()).isEmpty();

		day(NIGHT, 5_000, 0, "40.00");
		assertThat(anomalies()).containsExactly(
				"requests on 2026-11-20: 5000 against a 28-day median of 0 (threshold 500)",
				"spend on 2026-11-20: $40.00 against a 28-day median of $0.00 (threshold $25.00)");
	}

	@Test
	void aKeyWhoseTrafficIsSteadyButLargeFiresOnlyWellAboveItsMedian() {
		for (int back = 1; back <= 28; back++) {
			day(NIGHT.minusDays(back), 10_000 + (back % 3) * 10, 10, "100.00");
		}
		day(NIGHT, 12_000, 12, "120.00");
		assertThat(anomalies()).isEmpty();

		day(NIGHT, 31_000, 31, "100.00");
		assertThat(anomalies())
			.containsExactly("requests on 2026-11-20: 31000 against a 28-day median of 10010 (threshold 20020)");
	}

	@Test
	void aWeekendLullAndTheMondayAfterItAreNoAnomaly() {
		LocalDate monday = LocalDate.parse("2026-11-23");
		for (int back = 1; back <= 28; back++) {
			LocalDate day = monday.minusDays(back);
			boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
			day(day, weekend ? 0 : 1_000, weekend ? 0 : 5, weekend ? "0" : "10.00");
		}
		day(monday, 1_100, 6, "11.00");

		assertThat(UsageAnomalies.of(this.use, List.of(monday.minusDays(1), monday), DEFAULTS)).isEmpty();
	}

	@Test
	void aSpendSpikeNamesTheDayTheFigureTheMedianAndTheThreshold() {
		for (int back = 1; back <= 28; back++) {
			day(NIGHT.minusDays(back), 40, 0, (back % 2 == 0) ? "2.00" : "2.20");
		}
		day(NIGHT, 45, 0, "310.00");

		assertThat(anomalies())
			.containsExactly("spend on 2026-11-20: $310.00 against a 28-day median of $2.10 (threshold $25.00)");
	}

	@Test
	void failedCallsJumpingOnAKeyThatUsedToSucceedFireAboveTheirFloor() {
		for (int back = 1; back <= 28; back++) {
			day(NIGHT.minusDays(back), 200, 2, "1.00");
		}
		day(NIGHT, 200, 180, "1.00");
		assertThat(anomalies())
			.containsExactly("failed calls on 2026-11-20: 180 of 200 (90%), against 1% over the 28 days before");

		day(NIGHT, 40, 19, "0.20");
		assertThat(anomalies()).as("below the floor of 20 failed calls").isEmpty();
	}

	private List<String> anomalies() {
		return UsageAnomalies.of(this.use, List.of(NIGHT), DEFAULTS);
	}

	private void day(LocalDate day, long requests, long failed, String spend) {
		this.use.put(day, new DailyUse(day, requests, failed, new BigDecimal(spend)));
	}

}
