package io.keyreview.report;

import java.nio.file.Path;
import java.time.LocalDate;

import io.keyreview.run.Cycle;
import io.keyreview.run.RunDate;
import io.keyreview.support.KeyreviewProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code writeReport}, the last step but mail of the nightly, the monthly and the
 * quarterly: {@code <out>/reports/index.html} (NightReport), of the night's register and
 * the cycles' completion as they stand.
 */
@Configuration(proxyBeanMethods = false)
class ReportConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(ReportConfiguration.class);

	@Bean
	Step writeReport(JobRepository jobRepository, PlatformTransactionManager transactionManager, NightReport report,
			KeyreviewProperties properties) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunkContext) -> {
			JobParameters parameters = chunkContext.getStepContext().getStepExecution().getJobParameters();
			LocalDate night = (parameters.getLocalDate(RunDate.PARAMETER) != null) ? RunDate.of(parameters)
					: report.lastNight(Cycle.of(parameters).lastDay());
			Path file = report.write(night, properties.out().resolve("reports"));
			contribution.incrementWriteCount(1);
			logger.info("writeReport: {}", file);
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

}
