package io.keyreview.jobs;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The review cycles, each identified by its period: the monthly operational review
 * (production keys, with the finance reconciliation file) and the quarterly security
 * review (production and vendor keys). Both build their work list from the register the
 * last nightly left, export it, and mail every owner a digest of their keys.
 */
@Configuration(proxyBeanMethods = false)
class ReviewJobsConfiguration {

	@Bean
	Job monthlyJob(JobRepository jobRepository, RunSummary runSummary, GracefulStop gracefulStop, Step buildWorklist,
			Step exportWorklist, Step exportFinance, Step writeReport, Step composeDigests, Step deliverMail) {
		return new JobBuilder("monthlyJob", jobRepository).listener(runSummary)
			.listener(gracefulStop)
			.start(buildWorklist)
			.next(exportWorklist)
			.next(exportFinance)
			.next(writeReport)
			.next(composeDigests)
			.next(deliverMail)
			.build();
	}

	@Bean
	Job quarterlyJob(JobRepository jobRepository, RunSummary runSummary, GracefulStop gracefulStop, Step buildWorklist,
			Step exportWorklist, Step reportOffboarding, Step writeReport, Step composeDigests, Step deliverMail) {
		return new JobBuilder("quarterlyJob", jobRepository).listener(runSummary)
			.listener(gracefulStop)
			.start(buildWorklist)
			.next(exportWorklist)
			.next(reportOffboarding)
			.next(writeReport)
			.next(composeDigests)
			.next(deliverMail)
			.build();
	}

}
