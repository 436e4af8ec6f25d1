package io.keyreview.intake;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.batch.infrastructure.item.support.CompositeItemWriter;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Writers shared by the load steps. */
public final class Writers {

	private Writers() {
	}

	/**
	 * A batched statement with named parameters taken from each record and
	 * {@code :runDate}.
	 */
	public static <T> JdbcBatchItemWriter<T> sql(DataSource dataSource, LocalDate runDate, String sql) {
		return new JdbcBatchItemWriterBuilder<T>().dataSource(dataSource)
			.sql(sql)
			.itemSqlParameterSourceProvider((item) -> new RecordParameterSource(item, runDate))
			.assertUpdates(false)
			.build();
	}

	/**
	 * One statement for a whole chunk, in the chunk transaction, with the {@code key} of
	 * each of its records as {@code :keys} and {@code :runDate}: rather than a statement
	 * per record, which MySQL parses and runs one by one.
	 */
	public static <T> ItemWriter<T> forKeys(DataSource dataSource, LocalDate runDate, Function<? super T, ?> key,
			String sql) {
		NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(dataSource);
		return (chunk) -> {
			if (!chunk.isEmpty()) {
				named.update(sql, Map.of("keys", chunk.getItems().stream().map(key).toList(), "runDate", runDate));
			}
		};
	}

	/** Writes each chunk through every writer in order, in the chunk transaction. */
	@SafeVarargs
	public static <T> CompositeItemWriter<T> inOrder(ItemWriter<? super T>... writers) {
		List<ItemWriter<? super T>> delegates = List.of(writers);
		return new CompositeItemWriter<>(delegates);
	}

}
