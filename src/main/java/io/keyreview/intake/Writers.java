package io.keyreview.intake;

import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.batch.infrastructure.item.support.CompositeItemWriter;

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

	/** Writes each chunk through every writer in order, in the chunk transaction. */
	@SafeVarargs
	public static <T> CompositeItemWriter<T> inOrder(ItemWriter<? super T>... writers) {
		List<ItemWriter<? super T>> delegates = List.of(writers);
		return new CompositeItemWriter<>(delegates);
	}

}
