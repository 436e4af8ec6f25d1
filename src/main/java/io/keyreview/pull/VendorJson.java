package io.keyreview.pull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

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
	 * {@code YYYY-MM-DD HH:MM:SS} (UTC) or a plain date, as an ISO 8601 instant.
	 */
	static @Nullable String time(JsonNode node) {
		if (node.isIntegralNumber()) {
			return Instant.ofEpochSecond(node.asLong()).toString();
		}
		String text = text(node);
		if (text == null || text.startsWith("0000-00-00")) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text).toInstant().toString();
		}
		catch (DateTimeParseException notRfc3339) {
			try {
				return LocalDateTime.parse(text, SPACED).toInstant(ZoneOffset.UTC).toString();
			}
			catch (DateTimeParseException notSpaced) {
				return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
			}
		}
	}

	static @Nullable String day(JsonNode node) {
		String time = time(node);
		return (time != null) ? time.substring(0, 10) : null;
	}

	/** An amount exactly as the vendor wrote it, in the unit it wrote it. */
	static @Nullable BigDecimal amount(JsonNode node) {
		if (node.isNumber()) {
			return node.decimalValue();
		}
		String text = text(node);
		return (text != null) ? new BigDecimal(text) : null;
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
