package io.keyreview.intake;

import io.keyreview.secrets.Exposure;
import io.keyreview.secrets.SecretRedactor;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * One record of a canonical CSV input, with typed getters that reject the row with a
 * readable reason. Column names are matched without regard to case.
 *
 * @param file the input file name
 * @param line the line the record starts on (the header is line 1)
 * @param columns column name (lower case) to index
 * @param cells the values as read
 * @param maxLengths the longest value (characters) each column may hold
 * @param limits the range of dates a row may name
 */
public record CsvRow(String file, long line, Map<String, Integer> columns, List<String> cells,
		Map<String, Integer> maxLengths, InputLimits limits) {

	/**
	 * Amounts are stored exactly with up to this many decimals ({@code DECIMAL(24, 12)}).
	 */
	public static final int MAX_DECIMALS = 12;

	/** Amounts are stored with up to this many digits before the decimal point. */
	public static final int MAX_INTEGER_DIGITS = 12;

	/** The largest count one row may carry, so that sums of many rows stay exact. */
	public static final long MAX_COUNT = 1_000_000_000_000L;

	/** The longest column name a secret's sighting records. */
	private static final int MAX_COLUMN_NAME = 100;

	/** How some HR systems (BambooHR) write an empty date. */
	private static final String NO_DATE = "0000-00-00";

	public void requireAllColumns() {
		if (this.cells.size() != this.columns.size()) {
			throw bad("has " + this.cells.size() + " fields where the header has " + this.columns.size());
		}
	}

	/** The value of a column, or {@code null}; rejected when longer than its column. */
	public @Nullable String text(String column) {
		String value = rawText(column);
		Integer maxLength = this.maxLengths.get(column);
		if (value != null && maxLength != null && value.length() > maxLength) {
			throw bad(column + " is longer than " + maxLength + " characters");
		}
		return value;
	}

	private @Nullable String rawText(String column) {
		Integer index = this.columns.get(column);
		if (index == null || index >= this.cells.size()) {
			return null;
		}
		String value = this.cells.get(index).strip();
		return value.isEmpty() ? null : value;
	}

	public String required(String column) {
		String value = text(column);
		if (value == null) {
			throw bad("has no " + column);
		}
		return value;
	}

	public String required(String column, int maxLength) {
		String value = required(column);
		if (value.length() > maxLength) {
			throw bad(column + " is longer than " + maxLength + " characters");
		}
		return value;
	}

	public @Nullable String lowerCase(String column) {
		String value = text(column);
		return (value != null) ? value.toLowerCase(Locale.ROOT) : null;
	}

	public @Nullable String oneOf(String column, Set<String> allowed) {
		String value = lowerCase(column);
		if (value != null && !allowed.contains(value)) {
			throw bad(column + " '" + value + "' is not one of " + allowed.stream().sorted().toList());
		}
		return value;
	}

	public List<String> list(String column) {
		String value = text(column);
		if (value == null) {
			return List.of();
		}
		return Arrays.stream(value.split(";")).map(String::strip).filter((item) -> !item.isEmpty()).toList();
	}

	public @Nullable Instant instant(String column) {
		String value = text(column);
		if (value == null || value.startsWith(NO_DATE)) {
			return null;
		}
		Instant plain = IsoInstants.utcOrNull(value);
		if (plain != null) {
			return inRange(column, value, plain);
		}
		try {
			if (value.length() == 10) {
				return inRange(column, value, LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
			}
			String iso = value.replace(' ', 'T');
			boolean hasZone = iso.endsWith("Z") || iso.lastIndexOf('+') > 10 || iso.lastIndexOf('-') > 10;
			return inRange(column, value, hasZone ? OffsetDateTime.parse(iso).toInstant()
					: LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC));
		}
		catch (DateTimeParseException ex) {
			throw bad(column + " '" + value + "' is not an ISO 8601 date or time");
		}
	}

	private Instant inRange(String column, String value, Instant instant) {
		if (!this.limits.allows(instant)) {
			throw bad(column + " '" + value + "' is outside " + this.limits.dateRange());
		}
		return instant;
	}

	public @Nullable LocalDate date(String column) {
		Instant instant = instant(column);
		return (instant != null) ? LocalDate.ofInstant(instant, ZoneOffset.UTC) : null;
	}

	public @Nullable BigDecimal amount(String column) {
		String value = text(column);
		if (value == null) {
			return null;
		}
		try {
			if (value.length() > 100) {
				throw new NumberFormatException();
			}
			BigDecimal amount = new BigDecimal(value);
			if (amount.signum() < 0) {
				throw bad(column + " '" + value + "' is negative");
			}
			if (amount.scale() > MAX_DECIMALS && amount.stripTrailingZeros().scale() > MAX_DECIMALS) {
				throw bad(column + " '" + value + "' has more than " + MAX_DECIMALS + " decimals");
			}
			if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
				throw bad(column + " '" + value + "' has more than " + MAX_INTEGER_DIGITS
						+ " digits before the decimal point");
			}
			return amount;
		}
		catch (NumberFormatException ex) {
			throw bad(column + " '" + value + "' is not a decimal number");
		}
	}

	public long count(String column, long whenEmpty) {
		String value = text(column);
		if (value == null) {
			return whenEmpty;
		}
		long count;
		try {
			count = Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			if (value.chars().allMatch(Character::isDigit)) {
				throw bad(column + " '" + value + "' is more than " + MAX_COUNT);
			}
			throw bad(column + " '" + value + "' is not a whole number");
		}
		if (count < 0) {
			throw bad(column + " '" + value + "' is negative");
		}
		if (count > MAX_COUNT) {
			throw bad(column + " '" + value + "' is more than " + MAX_COUNT);
		}
		return count;
	}

	/** The secrets that landing replaced with fingerprints in this row. */
	public List<Exposure> exposures() {
		if (this.cells.stream().allMatch((cell) -> SecretRedactor.fingerprintsIn(cell).isEmpty())) {
			return List.of();
		}
		List<Exposure> exposures = new ArrayList<>();
		this.columns.forEach((column, index) -> {
			if (index < this.cells.size()) {
				for (String fingerprint : SecretRedactor.fingerprintsIn(this.cells.get(index))) {
					exposures.add(new Exposure(this.file, this.line,
							column.substring(0, Math.min(column.length(), MAX_COLUMN_NAME)), fingerprint));
				}
			}
		});
		return exposures;
	}

	/**
	 * The file name without folder and extension: {@code litellm} for
	 * {@code usage/litellm.csv}.
	 */
	public String fileStem() {
		String name = this.file.substring(this.file.lastIndexOf('/') + 1);
		int dot = name.lastIndexOf('.');
		return (dot > 0) ? name.substring(0, dot) : name;
	}

	/** The file name as a source name, rejected when longer than the source column. */
	public String fileStem(int maxLength) {
		String stem = fileStem();
		if (stem.length() > maxLength) {
			throw bad("source '" + stem + "' (the file name) is longer than " + maxLength + " characters");
		}
		return stem;
	}

	public BadRowException bad(String reason) {
		String keyId = rawText("key_id");
		return new BadRowException(this.file, this.line, (keyId != null && keyId.length() <= 128) ? keyId : null,
				reason, rowText());
	}

	public String rowText() {
		return this.cells.stream().map(CsvRow::quoted).collect(Collectors.joining(","));
	}

	private static String quoted(String cell) {
		boolean needsQuotes = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
		return needsQuotes ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
	}

}
