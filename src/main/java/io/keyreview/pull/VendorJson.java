package io.keyreview.pull;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import io.keyreview.secrets.SecretRedactor;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads vendor JSON values the same way for every vendor: every time format they use into
 * an ISO 8601 instant, every amount exactly, "None" and empty strings as no value.
 */
final class VendorJson {

	private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");

	private VendorJson() {
	}

	static @Nullable String text(JsonNode node) {
		if (node.isNull() || node.isMissingNode() || node.isContainer()) {
			return null;
		}
		String text = node.asString().strip();
		return (text.isEmpty() || text.equals("None") || text.equals("null")) ? null : text;
	}

	/**
	 * Unix seconds, RFC 3339 (with or without fractions, {@code Z} or an offset),
	 * {@code YYYY-MM-DD HH:MM:SS} (UTC) or a plain date, as an ISO 8601 instant. Any
	 * other value (a number of seconds beyond any date, say) is passed on as written, for
	 * the load step to reject its row with the reason.
	 */
	static @Nullable String time(JsonNode node) {
		String text = text(node);
		if (text == null || text.startsWith("0000-00-00")) {
			return null;
		}
		try {
			if (node.isIntegralNumber()) {
				return node.canConvertToLong() ? Instant.ofEpochSecond(node.asLong()).toString() : text;
			}
			return OffsetDateTime.parse(text).toInstant().toString();
		}
		catch (DateTimeException notRfc3339) {
			try {
				return LocalDateTime.parse(text, SPACED).toInstant(ZoneOffset.UTC).toString();
			}
			catch (DateTimeException notSpaced) {
				try {
					return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
				}
				catch (DateTimeException notADate) {
					return text;
				}
			}
		}
	}

	static @Nullable String day(JsonNode node) {
		String time = time(node);
		return (time != null && time.length() > 10 && time.charAt(10) == 'T') ? time.substring(0, 10) : time;
	}

	/** The day of a cost bucket; a bucket with no readable day fails the pull. */
	static LocalDate costDay(JsonNode node) {
		String day = day(node);
		try {
			return LocalDate.parse(String.valueOf(day));
		}
		catch (DateTimeException ex) {
			throw new PullException("a cost bucket's day '" + SecretRedactor.redact(abbreviated(String.valueOf(day)))
					+ "' is not a date");
		}
	}

	/** Whether a time from {@link #time} is before another; an unreadable one is not. */
	static boolean before(@Nullable String time, Instant other) {
		try {
			return time != null && Instant.parse(time).isBefore(other);
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

	/** An amount exactly as the vendor wrote it, in the unit it wrote it. */
	static @Nullable BigDecimal amount(JsonNode node) {
		if (node.isNumber()) {
			return node.decimalValue();
		}
		String text = text(node);
		try {
			return (text != null) ? new BigDecimal(text) : null;
		}
		catch (NumberFormatException ex) {
			throw new PullException("an amount '" + SecretRedactor.redact(abbreviated(text)) + "' is not a number");
		}
	}

	private static String abbreviated(String text) {
		return (text.length() > 40) ? text.substring(0, 40) + "…" : text;
	}

	static String joined(JsonNode array) {
		List<String> values = new ArrayList<>();
		for (JsonNode item : array) {
			String value = text(item);
			if (value != null) {
				values.add(value);
			}
		}
		return String.join(";", values);
	}

	static String orEmpty(@Nullable Object value) {
		return (value != null) ? value.toString() : "";
	}

	/**
	 * The items of a page: the array itself, or the array under one of the given fields.
	 */
	static List<JsonNode> items(JsonNode page, String... fields) {
		JsonNode array = page;
		for (String field : fields) {
			if (page.path(field).isArray()) {
				array = page.path(field);
				break;
			}
		}
		List<JsonNode> items = new ArrayList<>();
		if (array.isArray()) {
			array.forEach(items::add);
		}
		return items;
	}

}
