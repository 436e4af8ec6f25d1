package io.keyreview.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Reads that stream rows instead of holding a whole result in memory. MySQL Connector/J
 * buffers every row of a result unless the fetch size is {@link Integer#MIN_VALUE}; then
 * it streams them, and the connection can run nothing else until the result is read or
 * closed. H2 takes a positive fetch size.
 */
@Component
public class StreamingReads {

	private static final int H2_FETCH_SIZE = 1000;

	private final DataSource dataSource;

	private volatile @org.jspecify.annotations.Nullable Boolean mysql;

	StreamingReads(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * A restartable cursor over {@code sql}, on a connection of its own (the chunk writes
	 * run on the step's transaction connection): a restart runs the query again and skips
	 * the rows already committed, so the query must return the same rows in the same
	 * order on every attempt.
	 */
	public <T> JdbcCursorItemReader<T> cursor(String name, String sql, PreparedStatementSetter parameters,
			RowMapper<T> rowMapper) {
		JdbcCursorItemReader<T> reader = new JdbcCursorItemReader<>(this.dataSource, sql, rowMapper);
		reader.setName(name);
		reader.setPreparedStatementSetter(parameters);
		reader.setFetchSize(fetchSize());
		// a streaming result set cannot tell its row number
		reader.setVerifyCursorPosition(false);
		return reader;
	}

	/** A template whose queries stream their rows to a row callback. */
	public JdbcTemplate template() {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		jdbc.setFetchSize(fetchSize());
		return jdbc;
	}

	private int fetchSize() {
		return isMySql() ? Integer.MIN_VALUE : H2_FETCH_SIZE;
	}

	private boolean isMySql() {
		Boolean known = this.mysql;
		if (known == null) {
			try (Connection connection = this.dataSource.getConnection()) {
				String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
				known = product.contains("mysql") || product.contains("mariadb");
			}
			catch (SQLException ex) {
				throw new DataAccessResourceFailureException("Cannot tell which database this is", ex);
			}
			this.mysql = known;
		}
		return known;
	}

}
