package io.keyreview.usage;

import java.time.LocalDate;
import java.util.Set;

import io.keyreview.intake.CsvRow;
import io.keyreview.intake.ExposureWriter;
import io.keyreview.intake.InputSource;
import io.keyreview.intake.LoadSteps;
import io.keyreview.run.RunDate;
import io.keyreview.intake.Writers;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.file.MultiResourceItemReader;
import org.springframework.batch.infrastructure.item.support.CompositeItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Loads tonight's usage files ({@code usage/*.csv}) as daily sums into
 * {@code usage_staging}, then rolls them into {@code usage_daily}: tonight's numbers
 * replace what earlier nights said about the same source and day.
 */
@Configuration(proxyBeanMethods = false)
class UsageConfiguration {

	@Bean
	@StepScope
	MultiResourceItemReader<CsvRow> usageReader(LoadSteps loadSteps,
			@Value("#{jobParameters['runDate']}") LocalDate runDate) {
		return loadSteps.csvReader(InputSource.USAGE, runDate, Set.of("key_id", "timestamp"), UsageRow.MAX_LENGTHS);
	}

	@Bean
	UsageRowProcessor usageRowProcessor() {
		return new UsageRowProcessor();
	}

	@Bean
	@StepScope
	CompositeItemWriter<UsageRow> usageWriter(JdbcTemplate jdbc,
			@Value("#{jobParameters['runDate']}") LocalDate runDate) {
		return Writers.inOrder(new UsageRollupWriter(jdbc, runDate),
				new ExposureWriter<>(jdbc, InputSource.USAGE, runDate));
	}

	@Bean
	Step loadUsage(LoadSteps loadSteps, MultiResourceItemReader<CsvRow> usageReader,
			UsageRowProcessor usageRowProcessor, CompositeItemWriter<UsageRow> usageWriter) {
		return loadSteps.load(InputSource.USAGE, usageReader, usageRowProcessor, usageWriter,
				"DELETE FROM usage_staging WHERE run_date = ?");
	}

	@Bean
	Step rollUpUsage(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunkContext) -> {
			LocalDate runDate = RunDate.of(chunkContext);
			jdbc.update("""
					DELETE FROM usage_daily
					WHERE EXISTS (SELECT 1 FROM usage_staging s WHERE s.run_date = ? AND s.source = usage_daily.source
					  AND s.usage_day = usage_daily.usage_day)""", runDate);
			int rows = jdbc.update(
					"""
							INSERT INTO usage_daily (source, key_id, usage_day, route, model, provider, requests, failed_requests,
							  input_tokens, output_tokens, cost_usd, last_used_at)
							SELECT source, key_id, usage_day, route, model, provider, requests, failed_requests,
							  input_tokens, output_tokens, cost_usd, last_used_at
							FROM usage_staging WHERE run_date = ?""",
					runDate);
			jdbc.update("DELETE FROM usage_staging WHERE run_date = ?", runDate);
			contribution.incrementWriteCount(rows);
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

}
