package io.keyreview.report;

import java.nio.file.Path;

import io.keyreview.run.RunDate;
import io.keyreview.support.KeyreviewProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The nightly's {@code writeReport}: {@code <out>/reports/index.html} (NightReport). */
@Configuration(proxyBeanMethods = false)
class ReportConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(ReportConfiguration.class);

	@Bean
	Step writeReport(JobRepository jobRepository, PlatformTransactionManager transactionManager, NightReport report,
			KeyreviewProperties properties) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunkContext) -> {
			Path file = report.write(RunDate.of(chunkContext), properties.out().resolve("reports"));
			contribution.incrementWriteCount(1);
			logger.info("writeReport: {}", file);
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

}
