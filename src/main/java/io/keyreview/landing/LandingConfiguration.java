package io.keyreview.landing;

import io.keyreview.support.BoundedExecutors;
import io.keyreview.landing.InputLanding.Loading;
import io.keyreview.intake.InputSource;
import io.keyreview.support.KeyreviewProperties;
import io.keyreview.intake.LandingArea;
import io.keyreview.run.RunDate;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Lands tonight's file-drop inputs, secrets redacted, under
 * {@code <landing>/<runDate>/<source>/}; on every attempt of the date, so that a rerun
 * picks up a corrected input. The redaction runs on a pool of
 * {@code keyreview.redaction.threads} threads.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RedactionSettings.class)
class LandingConfiguration {

	/** The threads that redact blocks of the inputs; they end when landing is done. */
	@Bean
	ThreadPoolTaskExecutor landingRedactors(RedactionSettings settings) {
		return BoundedExecutors.of(settings.threadCount(), "landing-");
	}

	@Bean
	Step landInputs(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			KeyreviewProperties properties, LandingArea landingArea,
			@Qualifier("landingRedactors") ThreadPoolTaskExecutor landingRedactors, RedactionSettings settings) {
		RedactingCopy copy = new RedactingCopy(landingRedactors, 2 * settings.threadCount());
		InputLanding landing = new InputLanding(properties.inputs(), landingArea, copy);
		return new StepBuilder(jobRepository).tasklet((contribution, chunkContext) -> {
			JobInstance run = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance();
			landing.land(RunDate.of(chunkContext), (source) -> loading(jobRepository, run, source));
			return RepeatStatus.FINISHED;
		}, transactionManager).allowStartIfComplete(true).build();
	}

	private static Loading loading(JobRepository jobRepository, JobInstance run, InputSource source) {
		StepExecution last = jobRepository.getLastStepExecution(run, source.loadStep());
		if (last == null) {
			return Loading.NOT_STARTED;
		}
		return (last.getStatus() == BatchStatus.COMPLETED) ? Loading.COMPLETED : Loading.STARTED;
	}

}
