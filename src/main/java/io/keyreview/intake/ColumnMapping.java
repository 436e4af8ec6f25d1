package io.keyreview.intake;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a foreign CSV (an HRIS export, say) as a canonical one: its headers renamed to
 * the canonical column names, and the values of some columns translated to canonical
 * values ("Contingent Worker" to {@code contractor}). Names and values match ignoring
 * case, spaces and punctuation, so {@code worker_type}, {@code workerType} and
 * {@code workertype} name the same column.
 */
public final class ColumnMapping {

	public static final ColumnMapping NONE = new ColumnMapping(List.of(), Map.of(), Map.of());

	private final Map<String, String> headers = new HashMap<>();

	private final Map<String, Map<String, String>> values = new HashMap<>();

	/**
	 * @param canonicalColumns the canonical columns of the input
	 * @param columns canonical column to the foreign header
	 * @param values canonical column to (foreign value to canonical value)
	 */
	public ColumnMapping(List<String> canonicalColumns, Map<String, String> columns,
			Map<String, Map<String, String>> values) {
		Map<String, String> canonical = new HashMap<>();
		canonicalColumns.forEach((column) -> canonical.put(key(column), column));
		columns.forEach((column, header) -> this.headers.put(key(header), known(canonical, column)));
		values.forEach((column, translations) -> {
			Map<String, String> byKey = new HashMap<>();
			translations.forEach((foreign, value) -> byKey.put(key(foreign), value));
			this.values.put(known(canonical, column), byKey);
		});
	}

	/** The canonical name of a header, or the header itself (both lower case). */
	String column(String header) {
		return this.headers.getOrDefault(key(header), header.toLowerCase(Locale.ROOT));
	}

	/** Whether some column's values are translated. */
	boolean translatesValues() {
		return !this.values.isEmpty();
	}

	String value(String column, String value) {
		Map<String, String> translations = this.values.get(column);
		return (translations != null) ? translations.getOrDefault(key(value), value) : value;
	}

	private static String known(Map<String, String> canonical, String column) {
		String name = canonical.get(key(column));
		if (name == null) {
			throw new IllegalArgumentException("'" + column + "' is not a column of this input (its columns: "
					+ String.join(", ", canonical.values().stream().sorted().toList()) + ")");
		}
		return name;
	}

	private static String key(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

}
