package io.keyreview.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.file.ResourceAwareItemReaderItemStream;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.core.io.Resource;

/**
 * Reads a canonical CSV input (RFC 4180, UTF-8 with or without a BOM, one header row)
 * record by record. The read count is the restart position, so a record spanning several
 * lines counts once. A file without a required column, or a required file without rows,
 * fails the step with a sentence naming the file.
 */
public class CsvRowReader extends AbstractItemCountingItemStreamItemReader<CsvRow>
		implements ResourceAwareItemReaderItemStream<CsvRow> {

	private final String source;

	private final Set<String> requiredColumns;

	private final boolean requireRows;

	private final ColumnMapping mapping;

	private @Nullable Resource resource;

	private @Nullable CSVReader csvReader;

	private Map<String, Integer> columns = Map.of();

	private String fileName = "";

	private long rowsInFile;

	public CsvRowReader(String source, Set<String> requiredColumns, boolean requireRows) {
		this(source, requiredColumns, requireRows, ColumnMapping.NONE);
	}

	public CsvRowReader(String source, Set<String> requiredColumns, boolean requireRows, ColumnMapping mapping) {
		this.source = source;
		this.requiredColumns = requiredColumns;
		this.requireRows = requireRows;
		this.mapping = mapping;
		setName(source + "Csv");
	}

	@Override
	public void setResource(Resource resource) {
		this.resource = resource;
	}

	@Override
	protected void doOpen() throws Exception {
		Resource file = currentResource();
		this.fileName = this.source + "/" + file.getFilename();
		this.rowsInFile = 0;
		try {
			this.csvReader = new CSVReaderBuilder(
					new BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8), 1 << 16))
				.withCSVParser(new RFC4180ParserBuilder().build())
				.build();
			this.columns = readHeader(this.csvReader.readNext());
		}
		catch (IOException | CsvException ex) {
			throw new InputFileException(this.fileName + " cannot be read: " + ex.getMessage(), ex);
		}
		List<String> missing = this.requiredColumns.stream()
			.filter((c) -> !this.columns.containsKey(c))
			.sorted()
			.toList();
		if (!missing.isEmpty()) {
			throw new InputFileException(this.fileName + " has no " + String.join(", ", missing)
					+ " column (its columns: " + String.join(", ", this.columns.keySet()) + ")");
		}
	}

	@Override
	protected @Nullable CsvRow doRead() throws Exception {
		CSVReader reader = this.csvReader;
		if (reader == null) {
			return null;
		}
		while (true) {
			long line = reader.getLinesRead() + 1;
			String[] cells;
			try {
				cells = reader.readNext();
			}
			catch (CsvException | IOException ex) {
				this.rowsInFile++;
				throw new BadRowException(this.fileName, line, null, "cannot be parsed as CSV: " + ex.getMessage(), "");
			}
			if (cells == null) {
				if (this.requireRows && this.rowsInFile == 0) {
					throw new InputFileException(this.fileName + " has a header but no rows");
				}
				return null;
			}
			if (cells.length == 1 && cells[0].isBlank()) {
				continue;
			}
			this.rowsInFile++;
			for (Map.Entry<String, Integer> column : this.columns.entrySet()) {
				if (column.getValue() < cells.length) {
					cells[column.getValue()] = this.mapping.value(column.getKey(), cells[column.getValue()]);
				}
			}
			return new CsvRow(this.fileName, line, this.columns, Arrays.asList(cells));
		}
	}

	@Override
	protected void jumpToItem(int itemIndex) throws Exception {
		for (int i = 0; i < itemIndex; i++) {
			try {
				if (doRead() == null) {
					return;
				}
			}
			catch (BadRowException ex) {
				// counted when it was first read and rejected
			}
		}
	}

	@Override
	protected void doClose() throws Exception {
		if (this.csvReader != null) {
			this.csvReader.close();
			this.csvReader = null;
		}
	}

	private Resource currentResource() {
		if (this.resource == null) {
			throw new IllegalStateException("No resource set for " + getExecutionContextKey("resource"));
		}
		return this.resource;
	}

	private Map<String, Integer> readHeader(String @Nullable [] header) {
		if (header == null) {
			throw new InputFileException(this.fileName + " is empty: it has no header row");
		}
		Map<String, Integer> columns = new LinkedHashMap<>();
		for (int i = 0; i < header.length; i++) {
			String name = this.mapping.column(header[i].replace("\uFEFF", "").strip());
			columns.putIfAbsent(name, i);
		}
		return Collections.unmodifiableMap(columns);
	}

}
