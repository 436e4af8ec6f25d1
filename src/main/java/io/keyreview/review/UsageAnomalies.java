package io.keyreview.review;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.keyreview.support.Money;

/**
 * What is unusual about a key's use on a day against its own baseline (the days before
 * it, a day without use counting as none): requests or spend far above the baseline
 * (above its median plus {@code deviations} robust standard deviations, at least
 * {@code minRatio} times the median, and above a floor, so a key without history does not
 * fire on its first cents), or a failure rate that jumped (auth failures on a key that
 * used to succeed are how a revoked or leaked key being tried looks).
 */
final class UsageAnomalies {

	/** 1 / the 75th percentile of the standard normal: MAD times this estimates sigma. */
	private static final BigDecimal MAD_TO_SIGMA = new BigDecimal("1.4826");

	private UsageAnomalies() {
	}

	/** One key's use on one day, all routes, models and providers together. */
	record DailyUse(LocalDate day, long requests, long failedRequests, BigDecimal spendUsd) {

		static DailyUse none(LocalDate day) {
			return new DailyUse(day, 0, 0, BigDecimal.ZERO);
		}

	}

	/** The anomalies of each of {@code days}, each as its evidence. */
	static List<String> of(Map<LocalDate, DailyUse> use, Collection<LocalDate> days, AnomalySettings settings) {
		List<String> found = new ArrayList<>();
		for (LocalDate day : days) {
			DailyUse tonight = use.get(day);
			if (tonight == null) {
				continue;
			}
			List<DailyUse> baseline = new ArrayList<>();
			for (long back = settings.baseline().toDays(); back >= 1; back--) {
				LocalDate before = day.minusDays(back);
				baseline.add(use.getOrDefault(before, DailyUse.none(before)));
			}
			spike("requests", tonight, baseline, (d) -> BigDecimal.valueOf(d.requests()),
					BigDecimal.valueOf(settings.requestsFloor()), settings, String::valueOf)
				.ifPresent(found::add);
			spike("spend", tonight, baseline, DailyUse::spendUsd, settings.spendFloorUsd(), settings, Money::usd)
				.ifPresent(found::add);
			failureJump(tonight, baseline, settings).ifPresent(found::add);
		}
		return found;
	}

	private static Optional<String> spike(String what, DailyUse tonight, List<DailyUse> baseline,
			Function<DailyUse, BigDecimal> measure, BigDecimal floor, AnomalySettings settings,
			Function<BigDecimal, String> format) {
		List<BigDecimal> values = baseline.stream().map(measure).sorted().toList();
		BigDecimal median = median(values);
		BigDecimal mad = median(values.stream().map((value) -> value.subtract(median).abs()).sorted().toList());
		BigDecimal threshold = floor.max(median.add(settings.deviations().multiply(MAD_TO_SIGMA).multiply(mad)))
			.max(median.multiply(settings.minRatio()));
		BigDecimal value = measure.apply(tonight);
		if (value.compareTo(threshold) <= 0) {
			return Optional.empty();
		}
		return Optional.of(what + " on " + tonight.day() + ": " + format.apply(value) + " against a " + baseline.size()
				+ "-day median of " + format.apply(median) + " (threshold "
				+ format.apply(threshold.setScale(0, RoundingMode.CEILING)) + ")");
	}

	private static Optional<String> failureJump(DailyUse tonight, List<DailyUse> baseline, AnomalySettings settings) {
		if (tonight.failedRequests() < settings.failuresFloor() || tonight.requests() == 0) {
			return Optional.empty();
		}
		long requests = baseline.stream().mapToLong(DailyUse::requests).sum();
		long failed = baseline.stream().mapToLong(DailyUse::failedRequests).sum();
		BigDecimal rate = share(tonight.failedRequests(), tonight.requests());
		BigDecimal before = (requests > 0) ? share(failed, requests) : BigDecimal.ZERO;
		if (rate.subtract(before).compareTo(settings.failureJump()) < 0) {
			return Optional.empty();
		}
		return Optional.of("failed calls on " + tonight.day() + ": " + tonight.failedRequests() + " of "
				+ tonight.requests() + " (" + percent(rate) + "), against " + percent(before) + " over the "
				+ baseline.size() + " days before");
	}

	private static BigDecimal median(List<BigDecimal> sorted) {
		int size = sorted.size();
		if (size == 0) {
			return BigDecimal.ZERO;
		}
		return (size % 2 == 1) ? sorted.get(size / 2)
				: sorted.get(size / 2 - 1)
					.add(sorted.get(size / 2))
					.divide(BigDecimal.valueOf(2), MathContext.DECIMAL64);
	}

	private static BigDecimal share(long part, long whole) {
		return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), MathContext.DECIMAL64);
	}

	private static String percent(BigDecimal share) {
		return share.multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP) + "%";
	}

}
