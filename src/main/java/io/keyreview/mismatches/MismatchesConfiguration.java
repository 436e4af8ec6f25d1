package io.keyreview.mismatches;

import java.nio.file.Path;
import java.time.LocalDate;

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

/**
 * The nightly's {@code reportMismatches}: records tonight's mismatches and writes
 * {@code <out>/reports/mismatches-<date>.csv}, in one transaction, so a rerun replaces
 * both.
 */
@Configuration(proxyBeanMethods = false)
class MismatchesConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(MismatchesConfiguration.class);

	@Bean
	Step reportMismatches(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			Mismatches mismatches, KeyreviewProperties properties) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunkContext) -> {
			LocalDate runDate = RunDate.of(chunkContext);
			contribution.incrementWriteCount(mismatches.record(runDate));
			Path file = mismatches.write(runDate, properties.out().resolve("reports"));
			logger.info("reportMismatches: {} in {}", Mismatches.describe(mismatches.countsOn(runDate)), file);
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

}
