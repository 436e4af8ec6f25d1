package io.keyreview.jobs;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.flow.support.SimpleFlow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * The nightly run: lands tonight's inputs with secrets redacted, loads the directory,
 * policies, people, keys and usage, reconciles them into the key register and its change
 * log, evaluates every key against the review rules, exports the register and the
 * rejects, and mails tonight's events (an owner who left, a vendor exit, an exposure, a
 * use outside the policy, a first use) to the people concerned. Identified by its run
 * date; every step commits with its checkpoint, so running the same command again after a
 * failure resumes where it stopped, and after a success does nothing. The usage, which
 * none of the other loads read or write, loads beside them on a second thread.
 */
@Configuration(proxyBeanMethods = false)
class NightlyJobConfiguration {

	@Bean
	Job nightlyJob(JobRepository jobRepository, RunSummary runSummary, GracefulStop gracefulStop, Step pullSources,
			Step mapPulledSources, Step landInputs, Step loadDirectory, Step loadPolicies, Step loadPeople,
			Step markPeopleGone, Step loadKeys, Step loadAnswers, Step readAnswerMail, Step copyNotableAnswers,
			Step loadUsage, Step rollUpUsage, Step reconcileRegister, Step recordUnattributedUsage, Step recordFirstUse,
			Step detectAnomalies, Step evaluateKeys, Step exportRegister, Step exportRejects, Step reportMismatches,
			Step buildWorklist, Step exportWorklist, Step followUpReviews, Step trackActions, Step planRemediation,
			Step remediate, Step noticeExpiries, Step reportReviews, Step writeReport, Step exportOpenWorklists,
			Step composeDigests, Step deliverMail, Step pruneOldRuns) {
		Flow directoryPeopleAndKeys = new FlowBuilder<SimpleFlow>("loadDirectoryPeopleAndKeys").start(loadDirectory)
			.next(loadPolicies)
			.next(loadPeople)
			.next(markPeopleGone)
			.next(loadKeys)
			.next(loadAnswers)
			.next(readAnswerMail)
			.next(copyNotableAnswers)
			.build();
		Flow usage = new FlowBuilder<SimpleFlow>("loadAndRollUpUsage").start(loadUsage).next(rollUpUsage).build();
		Flow loads = new FlowBuilder<SimpleFlow>("loads").split(new SimpleAsyncTaskExecutor("loads-"))
			.add(directoryPeopleAndKeys, usage)
			.build();
		return new JobBuilder(jobRepository).listener(runSummary)
			.listener(gracefulStop)
			.flow(pullSources)
			.next(mapPulledSources)
			.next(landInputs)
			.next(loads)
			.next(reconcileRegister)
			.next(recordUnattributedUsage)
			.next(recordFirstUse)
			.next(detectAnomalies)
			.next(evaluateKeys)
			.next(exportRejects)
			.next(reportMismatches)
			.next(buildWorklist)
			.next(exportWorklist)
			.next(followUpReviews)
			.next(trackActions)
			.next(planRemediation)
			.next(remediate)
			.next(exportRegister)
			.next(noticeExpiries)
			.next(exportOpenWorklists)
			.next(reportReviews)
			.next(writeReport)
			.next(composeDigests)
			.next(deliverMail)
			.next(pruneOldRuns)
			.end()
			.build();
	}

}
