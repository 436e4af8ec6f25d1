package io.keyreview.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How values cross the JDBC boundary the same way on H2 and MySQL: instants as UTC
 * {@code DATETIME(6)}, lists as {@code ;}-separated text.
 */
public final class SqlValues {

	private SqlValues() {
	}

	public static @Nullable Object toColumn(@Nullable Object value) {
		if (value instanceof Instant instant) {
			return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
		}
		if (value instanceof Collection<?> items) {
			return items.isEmpty() ? null : String.join(";", items.stream().map(String::valueOf).toList());
		}
		return value;
	}

	public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		LocalDateTime value = rs.getObject(column, LocalDateTime.class);
		return (value != null) ? value.toInstant(ZoneOffset.UTC) : null;
	}

	public static List<String> list(ResultSet rs, String column) throws SQLException {
		return list(rs.getString(column));
	}

	public static List<String> list(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		return Arrays.stream(value.split(";")).map(String::strip).filter((item) -> !item.isEmpty()).toList();
	}

}
