package io.keyreview.intake;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

/**
 * Rejects a row whose natural key an earlier row of tonight's input already had, naming
 * the values in which the two listings differ. Seeded with the keys an interrupted
 * attempt of the same run already loaded, so a restart judges rows as the first attempt
 * did.
 */
public final class FirstRowWins {

	private final Map<String, Listing> firstRows = new HashMap<>();

	public FirstRowWins(Collection<String> alreadyLoaded) {
		alreadyLoaded.forEach((key) -> this.firstRows.put(key, new Listing("", "an earlier chunk", Map.of())));
	}

	public FirstRowWins(Map<String, Listing> alreadyLoaded) {
		this.firstRows.putAll(alreadyLoaded);
	}

	/**
	 * Where a key was first listed tonight, and the values a later listing is compared
	 * with.
	 */
	public record Listing(String file, String where, Map<String, @Nullable String> values) {

		/**
		 * "status disabled (kept: active), owner a@example.com (kept: team_a)", or "".
		 */
		String differences(Map<String, @Nullable String> other) {
			StringJoiner differences = new StringJoiner(", ");
			this.values.forEach((name, kept) -> {
				String value = other.get(name);
				if (!Objects.equals(kept, value)) {
					differences.add(name + " " + shown(value) + " (kept: " + shown(kept) + ")");
				}
			});
			return differences.toString();
		}

		private static String shown(@Nullable String value) {
			return (value != null) ? value : "none";
		}

	}

	public void check(CsvRow row, String column, String key) {
		check(row, column, key, Map.of());
	}

	/**
	 * Rejects a repeated row, naming how its {@code values} differ from the kept row's.
	 */
	public void check(CsvRow row, String column, String key, Map<String, @Nullable String> values) {
		Listing first = firstListing(row, key, values);
		if (first != null) {
			String differences = first.differences(values);
			throw row.bad(repeated(column, key, first.where())
					+ (differences.isEmpty() ? "" : ", and differs from it: " + differences));
		}
	}

	/**
	 * The listing an earlier row of {@code key} made, or {@code null} when this row is
	 * the first, which is then remembered with its {@code values}.
	 */
	public @Nullable Listing firstListing(CsvRow row, String key, Map<String, @Nullable String> values) {
		return this.firstRows.putIfAbsent(key, new Listing(row.file(), row.file() + " line " + row.line(), values));
	}

	/** Rejects a whole file (a YAML document) whose key an earlier file had. */
	public void check(String file, String column, String key) {
		Listing first = this.firstRows.putIfAbsent(key, new Listing(file, file, Map.of()));
		if (first != null) {
			throw new BadRowException(file, 1, key, repeated(column, key, first.where()), "");
		}
	}

	private static String repeated(String column, String key, String first) {
		return column + " '" + key + "' is listed again (first in " + first + ", which is kept)";
	}

}
