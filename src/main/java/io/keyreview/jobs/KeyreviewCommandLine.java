package io.keyreview.jobs;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.keyreview.evidence.EvidenceFile;
import io.keyreview.offboarding.OffboardingReport;
import io.keyreview.support.KeyreviewProperties;
import io.keyreview.run.RunDate;
import io.keyreview.run.Cycle;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * The command line: {@code nightly [--date=YYYY-MM-DD]},
 * {@code monthly [--period=YYYY-MM]} and {@code quarterly [--period=YYYY-Qn]} run their
 * job through {@link JobRuns}; {@code status [--runs=N]} prints the last runs,
 * {@code evidence --key=KEY_ID} writes one key's evidence file and
 * {@code offboarding --since=DATE [--until=DATE]} an offboarding test report. The exit
 * code is left for {@code main}.
 */
@Component
class KeyreviewCommandLine implements ApplicationRunner, ExitCodeGenerator {

	private static final Logger logger = LoggerFactory.getLogger(KeyreviewCommandLine.class);

	private static final String USAGE = "usage: keyreview nightly [--date=YYYY-MM-DD] | monthly [--period=YYYY-MM]"
			+ " | quarterly [--period=YYYY-Qn] | status [--runs=N] | evidence --key=KEY_ID"
			+ " | offboarding --since=YYYY-MM-DD [--until=YYYY-MM-DD]";

	private final JobRuns jobRuns;

	private final Map<String, Job> jobs;

	private final Clock clock;

	private final RunStatus runStatus;

	private final EvidenceFile evidenceFile;

	private final OffboardingReport offboardingReport;

	private final KeyreviewProperties properties;

	private ExitCode exitCode = ExitCode.DONE;

	KeyreviewCommandLine(JobRuns jobRuns, Job nightlyJob, Job monthlyJob, Job quarterlyJob, Clock clock,
			RunStatus runStatus, EvidenceFile evidenceFile, OffboardingReport offboardingReport,
			KeyreviewProperties properties) {
		this.jobRuns = jobRuns;
		this.jobs = Map.of("nightly", nightlyJob, "monthly", monthlyJob, "quarterly", quarterlyJob);
		this.clock = clock;
		this.runStatus = runStatus;
		this.evidenceFile = evidenceFile;
		this.offboardingReport = offboardingReport;
		this.properties = properties;
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
		if (command.equals(List.of("status"))) {
			return status(args);
		}
		if (command.equals(List.of("evidence"))) {
			return evidence(args);
		}
		if (command.equals(List.of("offboarding"))) {
			return offboarding(args);
		}
		if (command.size() != 1 || !this.jobs.containsKey(command.get(0))) {
			logger
				.error(command.isEmpty() ? "No command given. " + USAGE : "Unknown command " + command + ". " + USAGE);
			return ExitCode.BAD_USAGE;
		}
		String name = command.get(0);
		String option = "nightly".equals(name) ? "date" : Cycle.PERIOD;
		Set<String> unknown = new TreeSet<>(args.getOptionNames());
		unknown.remove(option);
		unknown.removeIf((given) -> given.contains("."));
		if (!unknown.isEmpty()) {
			logger.error("Unknown option(s) {} for {}. {}", unknown, name, USAGE);
			return ExitCode.BAD_USAGE;
		}
		List<String> values = args.getOptionValues(option);
		String value = (values == null || values.isEmpty()) ? null : values.get(0);
		JobParameters parameters;
		try {
			parameters = parameters(name, value);
		}
		catch (DateTimeParseException ex) {
			logger.error("--date must be an ISO date such as 2026-11-21, not '{}'", ex.getParsedString());
			return ExitCode.BAD_USAGE;
		}
		catch (IllegalArgumentException ex) {
			logger.error("--period {}", ex.getMessage());
			return ExitCode.BAD_USAGE;
		}
		return this.jobRuns.launch(this.jobs.get(name), parameters);
	}

	private ExitCode status(ApplicationArguments args) {
		List<String> runs = args.getOptionValues("runs");
		try {
			int count = (runs == null || runs.isEmpty()) ? 3 : Integer.parseInt(runs.get(0));
			this.runStatus.print(List.of("nightlyJob", "monthlyJob", "quarterlyJob"), Math.max(1, count), System.out);
			return ExitCode.DONE;
		}
		catch (NumberFormatException ex) {
			logger.error("--runs must be a number. {}", USAGE);
			return ExitCode.BAD_USAGE;
		}
	}

	private ExitCode evidence(ApplicationArguments args) {
		List<String> keys = args.getOptionValues("key");
		if (keys == null || keys.size() != 1 || keys.get(0).isBlank()) {
			logger.error("evidence needs one --key=KEY_ID. {}", USAGE);
			return ExitCode.BAD_USAGE;
		}
		return this.evidenceFile.write(keys.get(0)).map((file) -> {
			logger.info("evidence of {}: {}", keys.get(0), file);
			return ExitCode.DONE;
		}).orElseGet(() -> {
			logger.error("The register holds no key '{}'.", keys.get(0));
			return ExitCode.BAD_USAGE;
		});
	}

	/**
	 * The offboarding test of the exits from {@code --since} to {@code --until} (today by
	 * default), as the register the last nightly left knows them.
	 */
	private ExitCode offboarding(ApplicationArguments args) {
		List<String> since = args.getOptionValues("since");
		List<String> until = args.getOptionValues("until");
		if (since == null || since.size() != 1) {
			logger.error("offboarding needs one --since=YYYY-MM-DD. {}", USAGE);
			return ExitCode.BAD_USAGE;
		}
		try {
			LocalDate from = LocalDate.parse(since.get(0));
			LocalDate to = (until != null && !until.isEmpty()) ? LocalDate.parse(until.get(0))
					: LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
			if (to.isBefore(from)) {
				logger.error("--until {} is before --since {}", to, from);
				return ExitCode.BAD_USAGE;
			}
			OffboardingReport.Summary summary = this.offboardingReport.write(from, to, from + "_" + to,
					this.properties.out().resolve("reports"));
			logger.info("offboarding {} to {}: {}, in {}", from, to, summary, summary.file());
			return ExitCode.DONE;
		}
		catch (DateTimeParseException ex) {
			logger.error("--since and --until must be ISO dates such as 2026-10-01, not '{}'", ex.getParsedString());
			return ExitCode.BAD_USAGE;
		}
	}

	private JobParameters parameters(String command, @Nullable String value) {
		LocalDate today = LocalDate.now(this.clock);
		return switch (command) {
			case "nightly" -> new JobParametersBuilder()
				.addLocalDate(RunDate.PARAMETER, (value != null) ? LocalDate.parse(value) : today)
				.toJobParameters();
			case "monthly" ->
				period((value != null) ? value : YearMonth.from(today).minusMonths(1).toString(), Cycle.Kind.MONTHLY);
			default -> period((value != null) ? value : lastQuarter(today), Cycle.Kind.QUARTERLY);
		};
	}

	private static JobParameters period(String period, Cycle.Kind kind) {
		Cycle cycle = Cycle.period(period);
		if (cycle.kind() != kind) {
			throw new IllegalArgumentException("'" + period + "' is not a "
					+ ((kind == Cycle.Kind.MONTHLY) ? "month such as 2026-11" : "quarter such as 2026-Q4"));
		}
		return new JobParametersBuilder().addString(Cycle.PERIOD, cycle.name()).toJobParameters();
	}

	private static String lastQuarter(LocalDate today) {
		YearMonth previous = YearMonth.from(today).minusMonths(3);
		return previous.getYear() + "-Q" + ((previous.getMonthValue() - 1) / 3 + 1);
	}

}
