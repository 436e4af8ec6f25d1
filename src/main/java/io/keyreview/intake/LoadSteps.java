package io.keyreview.intake;

import io.keyreview.run.RunDate;
import io.keyreview.run.StepProgress;
import io.keyreview.support.KeyreviewProperties;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.file.MultiResourceItemReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the steps that load a landed source: chunked, in the chunk transaction, bad rows
 * skipped into the rejects up to the skip limit, progress and a
 * {@code read = loaded + rejected} summary logged.
 */
@Component
public class LoadSteps {

	private final JobRepository jobRepository;

	private final PlatformTransactionManager transactionManager;

	private final JdbcTemplate jdbc;

	private final KeyreviewProperties properties;

	private final LandingArea landingArea;

	private final InputLimits limits;

	private final Clock clock;

	LoadSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcTemplate jdbc,
			KeyreviewProperties properties, LandingArea landingArea, InputLimits limits, Clock clock) {
		this.jobRepository = jobRepository;
		this.transactionManager = transactionManager;
		this.jdbc = jdbc;
		this.properties = properties;
		this.landingArea = landingArea;
		this.limits = limits;
		this.clock = clock;
	}

	/**
	 * A load step; {@code deleteLoaded} deletes what it loaded for a run date (each with
	 * its one parameter), for when a corrected input makes it start over.
	 */
	public <I, T> Step load(InputSource source, ItemReader<? extends I> reader,
			ItemProcessor<? super I, ? extends T> processor, ItemWriter<? super T> writer, String... deleteLoaded) {
		return new StepBuilder(this.jobRepository).<I, T>chunk(this.properties.chunkSize())
			.transactionManager(this.transactionManager)
			.reader(reader)
			.processor(processor)
			.writer(writer)
			.faultTolerant()
			.skip(BadRowException.class)
			.skipLimit(this.properties.skipLimit())
			.listener(new LandedCopyCheck(this.jdbc, this.landingArea, source, deleteLoaded))
			.listener(new RejectRecorder(this.jdbc, source))
			.listener(progress(
					(execution) -> this.landingArea.lineCount(RunDate.of(execution.getJobParameters()), source), true))
			.build();
	}

	/**
	 * A load step whose items are blocks of rows, one block per chunk transaction, for an
	 * input of millions of rows: the writer records the block's bad rows itself through
	 * {@code rejects} (registered here, for the run date) and keeps the step's counts in
	 * rows. Restarts, a corrected input and progress work as in {@link #load}.
	 */
	public <I> Step loadBlocks(InputSource source, ItemReader<? extends I> reader, ItemWriter<? super I> writer,
			RejectRecorder rejects, String... deleteLoaded) {
		return new StepBuilder(this.jobRepository).<I, I>chunk(1)
			.transactionManager(this.transactionManager)
			.reader(reader)
			.writer(writer)
			.listener(new LandedCopyCheck(this.jdbc, this.landingArea, source, deleteLoaded))
			.listener((StepExecutionListener) rejects)
			.listener(progress(
					(execution) -> this.landingArea.lineCount(RunDate.of(execution.getJobParameters()), source), true))
			.build();
	}

	/**
	 * A chunk step over items that are already valid (register keys, say): one chunk per
	 * transaction, progress logged, any failure fails the step.
	 */
	public <I, T> Step chunked(ItemReader<? extends I> reader, ItemProcessor<? super I, ? extends T> processor,
			ItemWriter<? super T> writer) {
		return new StepBuilder(this.jobRepository).<I, T>chunk(this.properties.chunkSize())
			.transactionManager(this.transactionManager)
			.reader(reader)
			.processor(processor)
			.writer(writer)
			.listener(progress((execution) -> 0, false))
			.build();
	}

	/**
	 * A chunk step whose writer works on the whole chunk at once (gathering what it needs
	 * for all its items with one query per kind): one chunk per transaction, progress
	 * logged, any failure fails the step.
	 */
	public <I> Step chunked(ItemReader<? extends I> reader, ItemWriter<? super I> writer) {
		return new StepBuilder(this.jobRepository).<I, I>chunk(this.properties.chunkSize())
			.transactionManager(this.transactionManager)
			.reader(reader)
			.writer(writer)
			.listener(progress((execution) -> 0, false))
			.build();
	}

	/**
	 * A reader over every landed CSV file of a source, in name order, restartable within
	 * a file; each value is checked against the length of its column ({@code maxLengths},
	 * in characters) when it is read.
	 */
	public MultiResourceItemReader<CsvRow> csvReader(InputSource source, LocalDate runDate, Set<String> requiredColumns,
			Map<String, Integer> maxLengths) {
		return csvReader(source, runDate, requiredColumns, maxLengths, ColumnMapping.NONE);
	}

	/** The same, reading foreign headers and values through a column mapping. */
	public MultiResourceItemReader<CsvRow> csvReader(InputSource source, LocalDate runDate, Set<String> requiredColumns,
			Map<String, Integer> maxLengths, ColumnMapping mapping) {
		MultiResourceItemReader<CsvRow> reader = new MultiResourceItemReader<>(new CsvRowReader(source.sourceName(),
				requiredColumns, source.isRequired(), mapping, maxLengths, this.limits));
		reader.setName(source.sourceName() + "Files");
		reader.setResources(this.landingArea.resources(runDate, source));
		reader.setStrict(false);
		return reader;
	}

	private StepProgress progress(ToLongFunction<StepExecution> expectedItems, boolean load) {
		return new StepProgress(this.clock, this.properties.progressInterval(), expectedItems, load);
	}

}
