package io.keyreview.jobs;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.keyreview.support.RunDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * The command line: {@code nightly [--date=YYYY-MM-DD]}. Starts the job for its date, or
 * resumes it where an earlier attempt failed, and leaves the exit code for {@code main}.
 */
@Component
class KeyreviewCommandLine implements ApplicationRunner, ExitCodeGenerator {

	private static final Logger logger = LoggerFactory.getLogger(KeyreviewCommandLine.class);

	private static final String USAGE = "usage: keyreview nightly [--date=YYYY-MM-DD]";

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job nightlyJob;

	private final Clock clock;

	private ExitCode exitCode = ExitCode.DONE;

	KeyreviewCommandLine(JobOperator jobOperator, JobRepository jobRepository, Job nightlyJob, Clock clock) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.nightlyJob = nightlyJob;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.exitCode = execute(args);
	}

	@Override
	public int getExitCode() {
		return this.exitCode.code();
	}

	ExitCode execute(ApplicationArguments args) {
		List<String> command = args.getNonOptionArgs();
		if (command.size() != 1 || !"nightly".equals(command.get(0))) {
			logger
				.error(command.isEmpty() ? "No command given. " + USAGE : "Unknown command " + command + ". " + USAGE);
			return ExitCode.BAD_USAGE;
		}
		Set<String> unknown = new TreeSet<>(args.getOptionNames());
		unknown.remove("date");
		unknown.removeIf((option) -> option.contains("."));
		if (!unknown.isEmpty()) {
			logger.error("Unknown option(s) {}. {}", unknown, USAGE);
			return ExitCode.BAD_USAGE;
		}
		LocalDate runDate;
		try {
			List<String> dates = args.getOptionValues("date");
			runDate = (dates == null || dates.isEmpty()) ? LocalDate.now(this.clock) : LocalDate.parse(dates.get(0));
		}
		catch (DateTimeParseException ex) {
			logger.error("--date must be an ISO date such as 2026-11-21, not '{}'", ex.getParsedString());
			return ExitCode.BAD_USAGE;
		}
		return launch(this.nightlyJob,
				new JobParametersBuilder().addLocalDate(RunDate.PARAMETER, runDate).toJobParameters());
	}

	private ExitCode launch(Job job, JobParameters parameters) {
		String run = job.getName() + " for " + parameters.getLocalDate(RunDate.PARAMETER);
		if (!this.jobRepository.findRunningJobExecutions(job.getName()).isEmpty()) {
			logger.error("Another {} run is in progress; this one changes nothing.", job.getName());
			return ExitCode.ALREADY_RUNNING;
		}
		JobExecution execution;
		try {
			execution = this.jobOperator.start(job, parameters);
		}
		catch (JobInstanceAlreadyCompleteException ex) {
			logger.info("{} has already completed; nothing to do.", run);
			return ExitCode.DONE;
		}
		catch (JobExecutionAlreadyRunningException ex) {
			logger.error("{} is already running; this run changes nothing.", run);
			return ExitCode.ALREADY_RUNNING;
		}
		catch (Exception ex) {
			logger.error("{} could not start: {}", run, JobFailures.sentence(ex));
			logger.debug("Start failure", ex);
			return ExitCode.FAILED;
		}
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			return ExitCode.DONE;
		}
		logger.error("{} {}: {}. Run the same command again to resume.", run,
				execution.getStatus().name().toLowerCase(), JobFailures.describe(execution));
		execution.getAllFailureExceptions().forEach((failure) -> logger.debug("Failure", failure));
		return ExitCode.FAILED;
	}

}
