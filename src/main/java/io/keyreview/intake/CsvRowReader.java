package io.keyreview.intake;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.opencsv.ICSVParser;
import com.opencsv.RFC4180ParserBuilder;
import io.keyreview.intake.CsvLines.Line;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.file.ResourceAwareItemReaderItemStream;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.core.io.Resource;

/**
 * Reads a canonical CSV input (RFC 4180, UTF-8 with or without a BOM, one header row)
 * record by record. The read count is the restart position, so a record spanning several
 * lines counts once. A file without a required column, or a required file without rows,
 * fails the step with a sentence naming the file.
 * <p>
 * A line is rejected on its own when it is longer than the row length limit, is not UTF-8
 * or holds a control character. A quote may carry a record over line ends, but if the
 * lines it joins do not make a row (the header's number of fields, each within its
 * column's length) only the line that opened the quote is rejected, and reading resumes
 * at the line after it.
 */
public class CsvRowReader extends AbstractItemCountingItemStreamItemReader<CsvRow>
		implements ResourceAwareItemReaderItemStream<CsvRow> {

	/** What the decoder puts where a byte is not UTF-8. */
	private static final char NOT_UTF8 = '\uFFFD';

	private static final int MAX_LINES_PER_ROW = 10_000;

	private final String source;

	private final Set<String> requiredColumns;

	private final boolean requireRows;

	private final ColumnMapping mapping;

	private final Map<String, Integer> maxLengths;

	private final InputLimits limits;

	private final Deque<Line> lineAgain = new ArrayDeque<>();

	private ICSVParser parser = new RFC4180ParserBuilder().build();

	private @Nullable Resource resource;

	private @Nullable CsvLines lines;

	private Map<String, Integer> columns = Map.of();

	private int headerFields;

	private String fileName = "";

	private long rowsInFile;

	public CsvRowReader(String source, Set<String> requiredColumns, boolean requireRows) {
		this(source, requiredColumns, requireRows, ColumnMapping.NONE);
	}

	public CsvRowReader(String source, Set<String> requiredColumns, boolean requireRows, ColumnMapping mapping) {
		this(source, requiredColumns, requireRows, mapping, Map.of(), InputLimits.DEFAULT);
	}

	/**
	 * @param maxLengths the longest value (characters) each column may hold
	 */
	public CsvRowReader(String source, Set<String> requiredColumns, boolean requireRows, ColumnMapping mapping,
			Map<String, Integer> maxLengths, InputLimits limits) {
		this.source = source;
		this.requiredColumns = requiredColumns;
		this.requireRows = requireRows;
		this.mapping = mapping;
		this.maxLengths = maxLengths;
		this.limits = limits;
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
		this.lineAgain.clear();
		try {
			this.lines = new CsvLines(new InputStreamReader(file.getInputStream(),
					StandardCharsets.UTF_8.newDecoder()
						.onMalformedInput(CodingErrorAction.REPLACE)
						.onUnmappableCharacter(CodingErrorAction.REPLACE)),
					this.limits.rowLength());
			this.columns = readHeader(this.lines.next());
		}
		catch (IOException ex) {
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
		if (this.lines == null) {
			return null;
		}
		while (true) {
			Line first = nextLine();
			if (first == null) {
				if (this.requireRows && this.rowsInFile == 0) {
					throw new InputFileException(this.fileName + " has a header but no rows");
				}
				return null;
			}
			if (!first.tooLong() && first.text().isBlank()) {
				continue;
			}
			this.rowsInFile++;
			String problem = problemOf(first);
			if (problem != null) {
				throw new BadRowException(this.fileName, first.number(), null, problem, first.text());
			}
			return read(first);
		}
	}

	private CsvRow read(Line first) throws IOException {
		if (this.parser.isPending()) {
			this.parser = new RFC4180ParserBuilder().build(); // a rejected row left it
																// inside a quote
		}
		if (first.text().indexOf('"') < 0) {
			return row(first, Arrays.asList(fields(first.text())));
		}
		ICSVParser parser = this.parser;
		List<String> cells = new ArrayList<>(Arrays.asList(parser.parseLineMulti(first.text())));
		List<Line> carried = new ArrayList<>();
		long length = first.text().length();
		String problem = null;
		while (parser.isPending() && problem == null) {
			Line next = nextLine();
			if (next == null) {
				problem = "the quote never closes before the end of the file";
				break;
			}
			carried.add(next);
			length += next.text().length() + 1;
			String lineProblem = problemOf(next);
			if (lineProblem != null) {
				problem = "line " + next.number() + " " + lineProblem;
			}
			else if (length > this.limits.rowLength() || carried.size() >= MAX_LINES_PER_ROW) {
				problem = "the row it starts is longer than " + this.limits.rowLength() + " characters";
			}
			else {
				cells.addAll(Arrays.asList(parser.parseLineMulti(next.text())));
			}
		}
		if (problem == null && !carried.isEmpty()) {
			problem = notARow(cells, first, carried.get(carried.size() - 1));
		}
		if (problem != null) {
			for (int i = carried.size() - 1; i >= 0; i--) {
				this.lineAgain.addFirst(carried.get(i));
			}
			throw new BadRowException(this.fileName, first.number(), null,
					"opens a quote that is not closed on this line, and " + problem + "; only this line is rejected",
					first.text());
		}
		return row(first, cells);
	}

	private CsvRow row(Line first, List<String> cells) {
		if (this.mapping.translatesValues()) {
			for (Map.Entry<String, Integer> column : this.columns.entrySet()) {
				if (column.getValue() < cells.size()) {
					cells.set(column.getValue(), this.mapping.value(column.getKey(), cells.get(column.getValue())));
				}
			}
		}
		return new CsvRow(this.fileName, first.number(), this.columns, cells, this.maxLengths, this.limits);
	}

	/**
	 * The fields of a line without a quote, as the RFC 4180 parser reads it: split at
	 * every comma, empty fields kept.
	 */
	private String[] fields(String line) {
		String[] fields = new String[Math.max(this.headerFields, 1)];
		int count = 0;
		int start = 0;
		while (true) {
			int comma = line.indexOf(',', start);
			if (count == fields.length) {
				fields = Arrays.copyOf(fields, count * 2);
			}
			fields[count++] = line.substring(start, (comma < 0) ? line.length() : comma);
			if (comma < 0) {
				return (count == fields.length) ? fields : Arrays.copyOf(fields, count);
			}
			start = comma + 1;
		}
	}

	private @Nullable String notARow(List<String> cells, Line first, Line last) {
		String lines = "lines " + first.number() + " to " + last.number() + " read as one row";
		if (cells.size() != this.headerFields) {
			return lines + " have " + cells.size() + " fields where the header has " + this.headerFields;
		}
		for (Map.Entry<String, Integer> column : this.columns.entrySet()) {
			Integer maxLength = this.maxLengths.get(column.getKey());
			if (maxLength != null && cells.get(column.getValue()).strip().length() > maxLength) {
				return lines + " make a " + column.getKey() + " longer than " + maxLength + " characters";
			}
		}
		return null;
	}

	private @Nullable String problemOf(Line line) {
		if (line.tooLong()) {
			return "is longer than " + this.limits.rowLength() + " characters";
		}
		if (line.text().indexOf(NOT_UTF8) >= 0) {
			return "is not UTF-8 text: save the file as UTF-8";
		}
		int control = firstControlCharacter(line.text());
		return (control >= 0) ? String.format("has a control character (U+%04X)", control) : null;
	}

	/**
	 * A control character other than tab and line ends, or -1: a loop, as this runs on
	 * every line.
	 */
	private static int firstControlCharacter(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
				return c;
			}
		}
		return -1;
	}

	private @Nullable Line nextLine() throws IOException {
		Line again = this.lineAgain.pollFirst();
		if (again != null) {
			return again;
		}
		return (this.lines != null) ? this.lines.next() : null;
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
		if (this.lines != null) {
			this.lines.close();
			this.lines = null;
		}
	}

	private Resource currentResource() {
		if (this.resource == null) {
			throw new IllegalStateException("No resource set for " + getExecutionContextKey("resource"));
		}
		return this.resource;
	}

	private Map<String, Integer> readHeader(@Nullable Line line) throws IOException {
		if (line == null) {
			throw new InputFileException(this.fileName + " is empty: it has no header row");
		}
		if (line.tooLong() || problemOf(line) != null) {
			throw new InputFileException(this.fileName + "'s header row " + problemOf(line));
		}
		ICSVParser parser = new RFC4180ParserBuilder().build();
		String[] header = parser.parseLineMulti(line.text());
		if (parser.isPending()) {
			throw new InputFileException(this.fileName + "'s header row opens a quote that it does not close");
		}
		this.headerFields = header.length;
		Map<String, Integer> columns = new LinkedHashMap<>();
		for (int i = 0; i < header.length; i++) {
			String name = this.mapping.column(header[i].replace("\uFEFF", "").strip());
			columns.putIfAbsent(name, i);
		}
		return Collections.unmodifiableMap(columns);
	}

}
