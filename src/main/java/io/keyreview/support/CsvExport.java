package io.keyreview.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataRetrievalFailureException;

/**
 * Writes an output CSV file (RFC 4180, UTF-8) whole or not at all: rows go to a temporary
 * file that replaces the target when complete, so a rerun simply writes it again. A cell
 * a spreadsheet would run as a formula ({@code = + - @} first) is written with a leading
 * apostrophe (a plain negative number stays a number).
 */
public final class CsvExport {

	private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

	private CsvExport() {
	}

	public static long write(Path file, String[] header, Consumer<Rows> rows) {
		try {
			long[] count = new long[1];
			AtomicFile.writeText(file, (out) -> {
				ICSVWriter csv = new CSVWriter(out, ',', '"', '"', "\n");
				csv.writeNext(header, false);
				Rows sink = new Rows(csv);
				rows.accept(sink);
				csv.flush();
				count[0] = sink.count;
			});
			return count[0];
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
	}

	public static String neutralised(@Nullable String cell) {
		if (cell == null || cell.isEmpty()) {
			return "";
		}
		char first = cell.charAt(0);
		boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
				|| first == '\r';
		return (formula && !NUMBER.matcher(cell).matches()) ? "'" + cell : cell;
	}

	/**
	 * A database or Java value as export text: instants in UTC ISO 8601, amounts without
	 * trailing zeros.
	 */
	public static @Nullable String text(@Nullable Object value) {
		if (value instanceof Clob clob) {
			try {
				return clob.getSubString(1, (int) clob.length());
			}
			catch (SQLException ex) {
				throw new DataRetrievalFailureException("Cannot read a text column", ex);
			}
		}
		if (value instanceof Timestamp timestamp) {
			return text(timestamp.toLocalDateTime());
		}
		if (value instanceof LocalDateTime dateTime) {
			return dateTime.toInstant(ZoneOffset.UTC).toString();
		}
		if (value instanceof java.sql.Date date) {
			return date.toLocalDate().toString();
		}
		if (value instanceof BigDecimal amount) {
			return (amount.signum() == 0) ? "0" : amount.stripTrailingZeros().toPlainString();
		}
		return (value != null) ? value.toString() : null;
	}

	/** The rows of one file; each cell is neutralised as it is written. */
	/** {@code <file>.sha256} in the format {@code sha256sum -c} reads. */
	public static void writeChecksum(Path file) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
				in.transferTo(OutputStream.nullOutputStream());
			}
			String hex = HexFormat.of().formatHex(sha256.digest());
			Path checksum = file.resolveSibling(file.getFileName() + ".sha256");
			AtomicFile.writeString(checksum, hex + "  " + file.getFileName() + "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the checksum of " + file, ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static final class Rows {

		private final ICSVWriter csv;

		private long count;

		private Rows(ICSVWriter csv) {
			this.csv = csv;
		}

		/** Adds the current row of a result set, its columns in order. */
		public void addRow(ResultSet rs) throws SQLException {
			Object[] cells = new Object[rs.getMetaData().getColumnCount()];
			for (int i = 0; i < cells.length; i++) {
				cells[i] = rs.getObject(i + 1);
			}
			add(cells);
		}

		public void add(@Nullable Object... cells) {
			String[] row = new String[cells.length];
			for (int i = 0; i < cells.length; i++) {
				row[i] = neutralised(text(cells[i]));
			}
			this.csv.writeNext(row, false);
			this.count++;
		}

	}

}
