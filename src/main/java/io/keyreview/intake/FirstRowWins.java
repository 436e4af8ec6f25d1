package io.keyreview.intake;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Rejects a row whose natural key an earlier row of tonight's input already had. Seeded
 * with the keys an interrupted attempt of the same run already loaded, so a restart
 * judges rows as the first attempt did.
 */
public final class FirstRowWins {

	private final Map<String, String> firstRows = new HashMap<>();

	public FirstRowWins(Collection<String> alreadyLoaded) {
		alreadyLoaded.forEach((key) -> this.firstRows.put(key, "an earlier chunk"));
	}

	public void check(CsvRow row, String column, String key) {
		String first = this.firstRows.putIfAbsent(key, row.file() + " line " + row.line());
		if (first != null) {
			throw row.bad(repeated(column, key, first));
		}
	}

	/** Rejects a whole file (a YAML document) whose key an earlier file had. */
	public void check(String file, String column, String key) {
		String first = this.firstRows.putIfAbsent(key, file);
		if (first != null) {
			throw new BadRowException(file, 1, key, repeated(column, key, first), "");
		}
	}

	private static String repeated(String column, String key, String first) {
		return column + " '" + key + "' is listed again (first in " + first + ", which is kept)";
	}

}
