package io.keyreview.retention;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import io.keyreview.support.KeyreviewProperties;
import io.keyreview.run.RunDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly's last step: prunes what is older than {@code keyreview.retention} (default
 * 90 days).
 */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(RetentionConfiguration.class);

	@Bean
	Step pruneOldRuns(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcTemplate jdbc,
			KeyreviewProperties properties, Clock clock) {
		Retention retention = new Retention(jdbc, jobRepository, properties.retention());
		return new StepBuilder(jobRepository).tasklet((contribution, chunkContext) -> {
			LocalDate runDate = RunDate.of(chunkContext);
			String pruned = retention.prune(runDate, LocalDateTime.now(clock),
					List.of(properties.landingRoot(), properties.out().resolve("rejects")));
			logger.info("pruneOldRuns: {}", pruned);
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

}
