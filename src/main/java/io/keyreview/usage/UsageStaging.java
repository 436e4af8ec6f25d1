package io.keyreview.usage;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.conf.PropertySet;
import com.mysql.cj.conf.RuntimeProperty;
import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.jdbc.JdbcStatement;
import io.keyreview.support.SqlValues;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tonight's usage sums in {@code usage_staging}, and its requests per hour and per client
 * address in {@code usage_hour_staging} and {@code usage_client_staging}: tables without
 * a key to look up, which only grow while the night loads. They are appended to with
 * {@code LOAD DATA LOCAL INFILE} fed from memory where MySQL Connector/J allows local
 * files at all (its {@code allowLoadLocalInfileInPath}, which keyreview sets to the
 * landing folder) and the server does ({@code local_infile=ON}), else with inserts
 * batched a thousand rows at a time (H2, or either side unwilling), so that a block's
 * rows are never all bound at once. Both write in the chunk transaction. Reading from
 * memory is allowed for that one statement only: at any other time, the server may ask
 * for no file outside the landing folder, which holds only redacted copies.
 * <p>
 * Each row carries its cell's fingerprint, the first 128 bits of the SHA-256 of its
 * source, key, day, route, model and provider ({@code cell_a}, {@code cell_b}), so that
 * {@code rollUpUsage} groups the rows by two numbers rather than six strings.
 */
class UsageStaging {

	private static final Logger logger = LoggerFactory.getLogger(UsageStaging.class);

	private static final String COLUMNS = "run_date, cell_a, cell_b, source, key_id, usage_day, route, model, provider,"
			+ " requests, failed_requests, input_tokens, output_tokens, cost_usd, last_used_at";

	/**
	 * The server's answers to LOAD DATA LOCAL when its local_infile is OFF (MySQL 8, 5.7,
	 * MariaDB).
	 */
	private static final Set<Integer> LOCAL_INFILE_REFUSED = Set.of(3948, 1148, 4166);

	private static final int COST_DECIMALS = 12;

	private static final int ROWS_PER_BATCH = 1000;

	private final JdbcTemplate jdbc;

	private final MessageDigest sha256;

	private boolean localInfileRefused;

	UsageStaging(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		try {
			this.sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/**
	 * How a staging table's row is written for {@code LOAD DATA} and bound for an insert.
	 */
	interface Rows<T> {

		/**
		 * Appends the row's fields, each ended by a tab but the last, which ends the row
		 * with a line feed; text through {@link UsageStaging#escaped}.
		 */
		void appendTo(StringBuilder text, T row);

		Object[] values(T row);

	}

	void append(LocalDate runDate, Map<UsageCell, UsageSums> cells) {
		String date = runDate.toString();
		append("usage_staging", COLUMNS, cells.entrySet(), new Rows<>() {

			@Override
			public void appendTo(StringBuilder text, Map.Entry<UsageCell, UsageSums> row) {
				appendRow(text, date, row.getKey(), row.getValue());
			}

			@Override
			public Object[] values(Map.Entry<UsageCell, UsageSums> row) {
				return insertValues(runDate, row.getKey(), row.getValue());
			}

		});
	}

	/** Appends the rows to one of the staging tables, in the chunk transaction. */
	<T> void append(String table, String columns, Collection<T> rows, Rows<T> format) {
		if (rows.isEmpty()) {
			return;
		}
		Boolean loaded = this.jdbc
			.execute((ConnectionCallback<Boolean>) (connection) -> loadData(connection, table, columns, rows, format));
		if (!Boolean.TRUE.equals(loaded)) {
			insert(table, columns, rows, format);
		}
	}

	/**
	 * A cell whose sum over tonight's staged rows {@code usage_daily} could not hold, or
	 * {@code null}.
	 */
	@Nullable UsageCell cellBeyondADay(LocalDate runDate) {
		List<UsageCell> cells = this.jdbc.query("""
				SELECT s.source, s.key_id, s.usage_day, s.route, s.model, s.provider
				FROM (SELECT MIN(row_no) AS first_row FROM usage_staging WHERE run_date = ? GROUP BY cell_a, cell_b
				  HAVING SUM(cost_usd) >= 1000000000000 OR SUM(requests) > 9223372036854775806
				    OR SUM(failed_requests) > 9223372036854775806 OR SUM(input_tokens) > 9223372036854775806
				    OR SUM(output_tokens) > 9223372036854775806) g
				JOIN usage_staging s ON s.row_no = g.first_row""",
				(rs, row) -> new UsageCell(rs.getString("source"), rs.getString("key_id"),
						rs.getObject("usage_day", LocalDate.class), rs.getString("route"), rs.getString("model"),
						rs.getString("provider")),
				runDate);
		return cells.isEmpty() ? null : cells.get(0);
	}

	private <T> boolean loadData(Connection connection, String table, String columns, Collection<T> rows,
			Rows<T> format) throws SQLException {
		if (this.localInfileRefused || !connection.isWrapperFor(JdbcConnection.class)) {
			return false;
		}
		PropertySet settings = connection.unwrap(JdbcConnection.class).getPropertySet();
		RuntimeProperty<Boolean> fromMemory = settings.getBooleanProperty(PropertyKey.allowLoadLocalInfile);
		if (!fromMemory.getValue()
				&& !settings.getStringProperty(PropertyKey.allowLoadLocalInfileInPath).isExplicitlySet()) {
			logger.warn("loadUsage: the JDBC URL allows no LOAD DATA LOCAL INFILE, so usage is staged with batched"
					+ " inserts, several times slower: leave allowLoadLocalInfileInPath set (README: Production)");
			this.localInfileRefused = true;
			return false;
		}
		boolean fromMemoryBefore = fromMemory.getValue();
		fromMemory.setValue(true);
		try (Statement statement = connection.createStatement()) {
			statement.unwrap(JdbcStatement.class)
				.setLocalInfileInputStream(new TabSeparatedRows<>(rows.iterator(), format));
			int loaded = statement.executeUpdate("LOAD DATA LOCAL INFILE '" + table + "' INTO TABLE " + table
					+ " CHARACTER SET utf8mb4 (" + columns + ")");
			SQLWarning warning = statement.getWarnings();
			if (loaded != rows.size() || warning != null) {
				throw new IllegalStateException("LOAD DATA staged " + loaded + " of " + rows.size() + " rows in "
						+ table + ((warning != null) ? ": " + warning.getMessage() : ""));
			}
			return true;
		}
		catch (SQLException ex) {
			if (!LOCAL_INFILE_REFUSED.contains(ex.getErrorCode())) {
				throw ex;
			}
			logger.warn(
					"loadUsage: the database refuses LOAD DATA LOCAL INFILE ({}), so usage is staged with"
							+ " batched inserts, several times slower: set local_infile=ON on the server",
					ex.getMessage());
			this.localInfileRefused = true;
			return false;
		}
		finally {
			fromMemory.setValue(fromMemoryBefore);
		}
	}

	/**
	 * One row as {@code LOAD DATA} reads it by default: fields ended by a tab, the row by
	 * a line feed, a backslash escaping a tab, line break or backslash in a value.
	 */
	private void appendRow(StringBuilder text, String date, UsageCell cell, UsageSums sums) {
		long[] fingerprint = fingerprint(cell);
		text.append(date).append('\t').append(fingerprint[0]).append('\t').append(fingerprint[1]).append('\t');
		escaped(text, cell.source()).append('\t');
		escaped(text, cell.keyId()).append('\t');
		text.append(cell.day()).append('\t');
		escaped(text, cell.route()).append('\t');
		escaped(text, cell.model()).append('\t');
		escaped(text, cell.provider()).append('\t');
		text.append(sums.requests).append('\t').append(sums.failedRequests).append('\t');
		text.append(sums.inputTokens).append('\t').append(sums.outputTokens).append('\t');
		text.append(sums.costUsd.setScale(COST_DECIMALS).toPlainString()).append('\t');
		datetime(text, sums.lastUsedAt).append('\n');
	}

	static StringBuilder escaped(StringBuilder text, String value) {
		if (value.indexOf('\\') < 0 && value.indexOf('\t') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
			return text.append(value);
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> text.append("\\\\");
				case '\t' -> text.append("\\t");
				case '\n' -> text.append("\\n");
				case '\r' -> text.append("\\r");
				default -> text.append(c);
			}
		}
		return text;
	}

	/**
	 * The time as {@code DATETIME(6)} holds it, {@code 2026-11-20 10:00:00.123457}:
	 * rounded to the microsecond, as MySQL and H2 round (MariaDB would cut the rest off).
	 */
	private static StringBuilder datetime(StringBuilder text, Instant instant) {
		long micros = Math.floorDiv(instant.getNano() + 500, 1000);
		LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond() + micros / 1_000_000,
				(int) (micros % 1_000_000) * 1000, ZoneOffset.UTC);
		text.append(time.toLocalDate()).append(' ');
		digits(text, time.getHour(), 2).append(':');
		digits(text, time.getMinute(), 2).append(':');
		digits(text, time.getSecond(), 2).append('.');
		return digits(text, time.getNano() / 1000, 6);
	}

	private static StringBuilder digits(StringBuilder text, int value, int width) {
		String digits = Integer.toString(value);
		for (int i = digits.length(); i < width; i++) {
			text.append('0');
		}
		return text.append(digits);
	}

	/** The first 128 bits of the SHA-256 of the cell's values, as two numbers. */
	private long[] fingerprint(UsageCell cell) {
		for (String value : List.of(cell.source(), cell.keyId(), cell.day().toString(), cell.route(), cell.model(),
				cell.provider())) {
			this.sha256.update(value.getBytes(StandardCharsets.UTF_8));
			this.sha256.update((byte) 0);
		}
		ByteBuffer digest = ByteBuffer.wrap(this.sha256.digest());
		return new long[] { digest.getLong(), digest.getLong() };
	}

	private Object[] insertValues(LocalDate runDate, UsageCell cell, UsageSums sums) {
		long[] fingerprint = fingerprint(cell);
		return new Object[] { runDate, fingerprint[0], fingerprint[1], cell.source(), cell.keyId(), cell.day(),
				cell.route(), cell.model(), cell.provider(), sums.requests, sums.failedRequests, sums.inputTokens,
				sums.outputTokens, sums.costUsd, SqlValues.toColumn(sums.lastUsedAt) };
	}

	private <T> void insert(String table, String columns, Collection<T> rows, Rows<T> format) {
		String insert = "INSERT INTO " + table + " (" + columns + ") VALUES (?"
				+ ", ?".repeat(columns.split(",").length - 1) + ")";
		List<Object[]> batch = new ArrayList<>(ROWS_PER_BATCH);
		for (T row : rows) {
			batch.add(format.values(row));
			if (batch.size() == ROWS_PER_BATCH) {
				this.jdbc.batchUpdate(insert, batch);
				batch.clear();
			}
		}
		if (!batch.isEmpty()) {
			this.jdbc.batchUpdate(insert, batch);
		}
	}

	/**
	 * The rows of a block for {@code LOAD DATA}, written a thousand at a time as the
	 * driver reads them, so that a block's text is never held whole.
	 */
	private static final class TabSeparatedRows<T> extends InputStream {

		private final Iterator<T> rows;

		private final Rows<T> format;

		private byte[] buffer = new byte[0];

		private int position;

		TabSeparatedRows(Iterator<T> rows, Rows<T> format) {
			this.rows = rows;
			this.format = format;
		}

		@Override
		public int read() {
			return fill() ? (this.buffer[this.position++] & 0xff) : -1;
		}

		@Override
		public int read(byte[] target, int offset, int length) {
			if (length == 0) {
				return 0;
			}
			if (!fill()) {
				return -1;
			}
			int count = Math.min(length, this.buffer.length - this.position);
			System.arraycopy(this.buffer, this.position, target, offset, count);
			this.position += count;
			return count;
		}

		/**
		 * Whether bytes are left to read, writing the next rows when none is buffered.
		 */
		private boolean fill() {
			if (this.position < this.buffer.length) {
				return true;
			}
			if (!this.rows.hasNext()) {
				return false;
			}
			StringBuilder text = new StringBuilder(ROWS_PER_BATCH * 200);
			for (int i = 0; i < ROWS_PER_BATCH && this.rows.hasNext(); i++) {
				this.format.appendTo(text, this.rows.next());
			}
			this.buffer = text.toString().getBytes(StandardCharsets.UTF_8);
			this.position = 0;
			return true;
		}

	}

}
