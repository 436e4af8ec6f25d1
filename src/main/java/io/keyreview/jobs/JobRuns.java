package io.keyreview.jobs;

import java.util.List;

import io.keyreview.mail.MailDelivery;
import io.keyreview.mail.Outbox;
import io.keyreview.run.Cycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Runs one job for its parameters as a command line run should: under the job's lock (or
 * not at all, exit 3), after recovering what crashed runs left, resuming a failed
 * attempt, and delivering mail earlier runs left in the outbox; the outcome as an exit
 * code.
 */
@Component
class JobRuns {

	private static final Logger logger = LoggerFactory.getLogger(JobRuns.class);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final RunLocks runLocks;

	private final MailDelivery mailDelivery;

	private final Outbox outbox;

	private final GracefulStop gracefulStop;

	JobRuns(JobOperator jobOperator, JobRepository jobRepository, RunLocks runLocks, MailDelivery mailDelivery,
			Outbox outbox, GracefulStop gracefulStop) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.runLocks = runLocks;
		this.mailDelivery = mailDelivery;
		this.outbox = outbox;
		this.gracefulStop = gracefulStop;
	}

	/**
	 * Delivers what earlier runs left in the outbox, says what it delivered, then whether
	 * any is left.
	 */
	private ExitCode deliverLeftoverMail(String run) {
		if (this.outbox.unsentCount() == 0) {
			this.mailDelivery.tellSecurityOfParked();
			logger.info("{} has already completed; nothing to do.", run);
			return ExitCode.DONE;
		}
		int delivered = 0;
		int parked = 0;
		MailDelivery.Batch batch;
		do {
			batch = this.mailDelivery.deliverBatch();
			delivered += batch.sent();
			parked += batch.parked();
		}
		while (batch.more());
		this.mailDelivery.tellSecurityOfParked();
		logger.info("{} has already completed; delivered {} message(s) kept from the last run{}", run, delivered,
				(parked > 0) ? ", parked " + parked + " that can never be delivered" : "");
		return mailLeft();
	}

	private ExitCode mailLeft() {
		long unsent = this.outbox.unsentCount();
		if (unsent == 0) {
			return ExitCode.DONE;
		}
		logger.error("{} message(s) could not be delivered and stay in the outbox; the next run retries them.", unsent);
		return ExitCode.MAIL_UNDELIVERED;
	}

	ExitCode launch(Job job, JobParameters parameters) {
		try {
			return launchUnlessRunning(job, parameters);
		}
		catch (RuntimeException ex) {
			if (!JobFailures.isDatabaseUnreachable(ex)) {
				throw ex;
			}
			logger.error("{} failed: {}. Run the same command again once the database answers.", job.getName(),
					JobFailures.sentence(ex));
			logger.debug("Failure", ex);
			return ExitCode.FAILED;
		}
	}

	private ExitCode launchUnlessRunning(Job job, JobParameters parameters) {
		AutoCloseable lock = this.runLocks.tryLock(job.getName());
		if (lock == null) {
			logger.error("Another {} run is in progress; this one changes nothing.", job.getName());
			return ExitCode.ALREADY_RUNNING;
		}
		try {
			recoverCrashedRuns(job);
			return launchLocked(job, parameters);
		}
		finally {
			release(lock, job);
		}
	}

	private static void release(AutoCloseable lock, Job job) {
		try {
			lock.close();
		}
		catch (Exception ex) {
			logger.warn("The run lock of {} could not be released ({}); it goes with the process", job.getName(),
					String.valueOf(ex.getMessage()).lines().findFirst().orElse(""));
		}
	}

	/**
	 * Marks failed, so they can be resumed, the executions the repository shows as
	 * running though no process holds the lock: runs killed with kill -9 or by the OOM
	 * killer.
	 */
	private void recoverCrashedRuns(Job job) {
		for (JobExecution crashed : this.jobRepository.findRunningJobExecutions(job.getName())) {
			logger.warn("{} execution {} ({}) was left {} by a run that is gone; marking it failed so it resumes",
					job.getName(), crashed.getId(), crashed.getJobParameters(), crashed.getStatus());
			this.jobOperator.recover(crashed);
		}
	}

	private ExitCode launchLocked(Job job, JobParameters parameters) {
		String run = job.getName() + " for " + Cycle.of(parameters).name().replace("events-", "");
		JobExecution execution;
		try {
			execution = this.jobOperator.start(job, parameters);
		}
		catch (JobInstanceAlreadyCompleteException ex) {
			return deliverLeftoverMail(run);
		}
		catch (JobExecutionAlreadyRunningException ex) {
			logger.error("{} is already running; this run changes nothing.", run);
			return ExitCode.ALREADY_RUNNING;
		}
		catch (Exception ex) {
			if (JobFailures.isDatabaseUnreachable(ex)) {
				logger.error("{} failed: {}. Run the same command again to resume once the database answers.", run,
						JobFailures.sentence(ex));
				logger.debug("Failure", ex);
			}
			else {
				logger.error("{} could not start: {}", run, JobFailures.sentence(ex), ex);
			}
			return ExitCode.FAILED;
		}
		finally {
			this.gracefulStop.runEnded();
		}
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			ExitCode mail = mailLeft();
			boolean mailboxUnread = execution.getExecutionContext()
				.containsKey(MailDelivery.ANSWERS_MAILBOX_UNREACHABLE);
			return (mail == ExitCode.DONE && mailboxUnread) ? ExitCode.MAIL_UNDELIVERED : mail;
		}
		String sentence = run + " " + execution.getStatus().name().toLowerCase() + ": "
				+ JobFailures.describe(execution) + ". " + JobFailures.advice(execution);
		List<Throwable> failures = execution.getAllFailureExceptions();
		boolean explained = failures.stream()
			.anyMatch((failure) -> JobFailures.isBadInput(failure) || JobFailures.isDatabaseUnreachable(failure));
		// what fails after bad input (a reader that cannot close) follows from it: the
		// sentence says all
		Throwable unexpected = explained ? null : failures.stream().findFirst().orElse(null);
		if (unexpected != null) {
			logger.error(sentence, unexpected);
		}
		else {
			logger.error(sentence);
			failures.forEach((failure) -> logger.debug("Failure", failure));
		}
		return ExitCode.FAILED;
	}

}
