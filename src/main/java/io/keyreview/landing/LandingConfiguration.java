package io.keyreview.landing;

import io.keyreview.support.KeyreviewProperties;
import io.keyreview.support.LandingArea;
import io.keyreview.support.RunDate;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Lands tonight's file-drop inputs, secrets redacted, under
 * {@code <landing>/<runDate>/<source>/}.
 */
@Configuration(proxyBeanMethods = false)
class LandingConfiguration {

	@Bean
	Step landInputs(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			KeyreviewProperties properties, LandingArea landingArea) {
		InputLanding landing = new InputLanding(properties.inputs(), landingArea);
		return new StepBuilder(jobRepository).tasklet((contribution, chunkContext) -> {
			landing.land(RunDate.of(chunkContext));
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

}
