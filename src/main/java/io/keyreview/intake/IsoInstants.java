package io.keyreview.intake;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Reads the forms of a time that usage files hold on every row ({@code 2026-11-20},
 * {@code 2026-11-20T10:00:00Z}, {@code 2026-11-20 10:00:00.123Z}) without the general ISO
 * 8601 parser, which costs more than the rest of a row. Anything else, or a field out of
 * its range, is left to that parser, so that what is accepted, and the reason a value is
 * rejected, stay the same.
 */
final class IsoInstants {

	private static final int[] TENS = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
			1_000_000_000 };

	private IsoInstants() {
	}

	/**
	 * The instant of {@code yyyy-MM-dd} (midnight UTC) or
	 * {@code yyyy-MM-dd[T ]HH:mm:ss[.fraction]Z} with ASCII digits and valid fields, else
	 * {@code null}.
	 */
	static @Nullable Instant utcOrNull(String value) {
		int length = value.length();
		if (length < 10 || value.charAt(4) != '-' || value.charAt(7) != '-') {
			return null;
		}
		int year = digits(value, 0, 4);
		int month = digits(value, 5, 2);
		int day = digits(value, 8, 2);
		if (year < 0 || month < 1 || month > 12 || day < 1 || day > LocalDate.of(year, month, 1).lengthOfMonth()) {
			return null;
		}
		long epochSecond = LocalDate.of(year, month, day).toEpochDay() * 86_400;
		if (length == 10) {
			return Instant.ofEpochSecond(epochSecond);
		}
		if (length < 20 || value.charAt(length - 1) != 'Z' || (value.charAt(10) != 'T' && value.charAt(10) != ' ')
				|| value.charAt(13) != ':' || value.charAt(16) != ':') {
			return null;
		}
		int hour = digits(value, 11, 2);
		int minute = digits(value, 14, 2);
		int second = digits(value, 17, 2);
		if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
			return null;
		}
		int nanos = 0;
		if (length > 20) {
			int fractionDigits = length - 21;
			if (value.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
				return null;
			}
			int fraction = digits(value, 20, fractionDigits);
			if (fraction < 0) {
				return null;
			}
			nanos = fraction * TENS[9 - fractionDigits];
		}
		return Instant.ofEpochSecond(epochSecond + hour * 3600L + minute * 60L + second, nanos);
	}

	/** The number that {@code count} ASCII digits at {@code from} make, or -1. */
	private static int digits(String value, int from, int count) {
		int number = 0;
		for (int i = from; i < from + count; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			number = number * 10 + (c - '0');
		}
		return number;
	}

}
