package io.keyreview.offboarding;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.keyreview.run.Cycle;
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
 * The quarterly's {@code reportOffboarding}: the offboarding test of the quarter's exits
 * (up to today while the quarter runs), {@code <out>/reports/offboarding-<quarter>.csv};
 * its summary is kept in the job's context for the security owner's digest.
 */
@Configuration(proxyBeanMethods = false)
class OffboardingConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(OffboardingConfiguration.class);

	@Bean
	Step reportOffboarding(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			OffboardingReport report, KeyreviewProperties properties, Clock clock) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunkContext) -> {
			var step = chunkContext.getStepContext().getStepExecution();
			Cycle cycle = Cycle.of(step.getJobParameters());
			LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
			LocalDate until = cycle.lastDay().isBefore(today) ? cycle.lastDay() : today;
			OffboardingReport.Summary summary = report.write(cycle.firstDay(), until, cycle.name(),
					properties.out().resolve("reports"));
			step.getJobExecution().getExecutionContext().putString(OffboardingReport.SUMMARY, summary.toString());
			contribution.incrementWriteCount(summary.keys());
			logger.info("reportOffboarding: {}, in {}", summary, summary.file());
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

}
