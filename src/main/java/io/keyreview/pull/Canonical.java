package io.keyreview.pull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import io.keyreview.support.AtomicFile;
import io.keyreview.intake.CanonicalColumns;
import io.keyreview.intake.InputSource;

/**
 * What a source's pages say in the canonical forms ({@code keys.csv}, {@code usage.csv},
 * {@code people.csv}), written as the canonical CSV files the load steps read, and the
 * costs the provider itself reported.
 */
final class Canonical {

	private final Map<InputSource, List<Map<String, String>>> rows = new LinkedHashMap<>();

	private final List<ProviderCost> costs = new ArrayList<>();

	void addCost(ProviderCost cost) {
		this.costs.add(cost);
	}

	List<ProviderCost> costs() {
		return this.costs;
	}

	Map<String, String> add(InputSource kind) {
		Map<String, String> row = new LinkedHashMap<>();
		this.rows.computeIfAbsent(kind, (key) -> new ArrayList<>()).add(row);
		return row;
	}

	List<Map<String, String>> rows(InputSource kind) {
		return this.rows.getOrDefault(kind, List.of());
	}

	/**
	 * Writes {@code <name>.csv} into the folder of every kind that has rows, each whole
	 * or not at all.
	 */
	void write(Function<InputSource, Path> folderOf, String name) {
		this.rows.forEach((kind, kindRows) -> {
			List<String> columns = switch (kind) {
				case KEYS -> CanonicalColumns.KEYS;
				case USAGE -> CanonicalColumns.USAGE;
				case PEOPLE -> CanonicalColumns.PEOPLE;
				default -> throw new IllegalArgumentException("No canonical file for " + kind);
			};
			Path file = folderOf.apply(kind).resolve(name + ".csv");
			try {
				AtomicFile.writeText(file, (out) -> {
					ICSVWriter csv = new CSVWriter(out, ',', '"', '"', "\n");
					csv.writeNext(columns.toArray(String[]::new), false);
					for (Map<String, String> row : kindRows) {
						csv.writeNext(
								columns.stream().map((column) -> row.getOrDefault(column, "")).toArray(String[]::new),
								false);
					}
					csv.flush();
				});
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot write " + file, ex);
			}
		});
	}

}
