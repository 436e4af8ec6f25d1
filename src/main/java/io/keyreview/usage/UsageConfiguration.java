package io.keyreview.usage;

import java.time.LocalDate;
import java.util.Set;

import io.keyreview.intake.InputSource;
import io.keyreview.intake.LoadSteps;
import io.keyreview.intake.RejectRecorder;
import io.keyreview.run.RunDate;
import io.keyreview.support.KeyreviewProperties;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Loads tonight's usage files ({@code usage/*.csv}) a block of rows per chunk, as each
 * block's sums per cell, into {@code usage_staging}, then rolls them into
 * {@code usage_daily}: tonight's numbers replace what earlier nights said about the same
 * source and day.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UsageProperties.class)
class UsageConfiguration {

	@Bean
	@StepScope
	UsageBlockReader usageReader(LoadSteps loadSteps, UsageProperties properties,
			@Value("#{jobParameters['runDate']}") LocalDate runDate) {
		return new UsageBlockReader(
				loadSteps.csvReader(InputSource.USAGE, runDate, Set.of("key_id", "timestamp"), UsageRow.MAX_LENGTHS),
				properties.chunkSize(), properties.chunkCells());
	}

	@Bean
	RejectRecorder usageRejects(JdbcTemplate jdbc) {
		return new RejectRecorder(jdbc, InputSource.USAGE);
	}

	@Bean
	@StepScope
	UsageBlockWriter usageWriter(JdbcTemplate jdbc, RejectRecorder usageRejects, KeyreviewProperties properties,
			@Value("#{jobParameters['runDate']}") LocalDate runDate) {
		return new UsageBlockWriter(new UsageStaging(jdbc), usageRejects, jdbc, runDate, properties.skipLimit());
	}

	@Bean
	Step loadUsage(LoadSteps loadSteps, UsageBlockReader usageReader, UsageBlockWriter usageWriter,
			RejectRecorder usageRejects) {
		return loadSteps.loadBlocks(InputSource.USAGE, usageReader, usageWriter, usageRejects,
				"DELETE FROM usage_staging WHERE run_date = ?", "DELETE FROM usage_hour_staging WHERE run_date = ?",
				"DELETE FROM usage_client_staging WHERE run_date = ?");
	}

	@Bean
	Step rollUpUsage(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
		UsageRollup rollup = new UsageRollup(jdbc);
		return new StepBuilder(jobRepository).tasklet((contribution, chunkContext) -> {
			contribution.incrementWriteCount(rollup.rollUp(RunDate.of(chunkContext)));
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

}
