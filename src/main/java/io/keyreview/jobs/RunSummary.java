package io.keyreview.jobs;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.keyreview.mail.Outbox;
import io.keyreview.mail.ParkedMessage;
import io.keyreview.mismatches.Mismatches;
import io.keyreview.support.KeyreviewProperties;
import io.keyreview.run.RunDate;
import io.keyreview.run.Cycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Ends each run with a short summary of what it left and where. */
@Component
class RunSummary implements JobExecutionListener {

	private static final Logger logger = LoggerFactory.getLogger(RunSummary.class);

	private final JdbcTemplate jdbc;

	private final KeyreviewProperties properties;

	private final Outbox outbox;

	private final Mismatches mismatches;

	RunSummary(JdbcTemplate jdbc, KeyreviewProperties properties, Outbox outbox, Mismatches mismatches) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.outbox = outbox;
		this.mismatches = mismatches;
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		if (jobExecution.getStatus() != BatchStatus.COMPLETED) {
			return;
		}
		Duration took = (jobExecution.getStartTime() != null && jobExecution.getEndTime() != null)
				? Duration.between(jobExecution.getStartTime(), jobExecution.getEndTime()) : Duration.ZERO;
		Cycle cycle = Cycle.of(jobExecution.getJobParameters());
		if (cycle.kind() != Cycle.Kind.EVENTS) {
			summariseReview(cycle, took);
			return;
		}
		LocalDate runDate = RunDate.of(jobExecution.getJobParameters());
		Path out = this.properties.out();
		logger.info(
				"nightly {} completed in {} s: register {} key(s) ({} gone), {} change(s), {} rejected row(s), "
						+ "{} secret(s) found, {} unattributed key id(s)",
				runDate, took.toMillis() / 1000.0, count("SELECT COUNT(*) FROM key_register"),
				count("SELECT COUNT(*) FROM key_register WHERE gone_since IS NOT NULL"),
				count("SELECT COUNT(*) FROM key_change WHERE run_date = ?", runDate),
				count("SELECT COUNT(*) FROM rejected_row WHERE run_date = ?", runDate),
				count("SELECT COUNT(*) FROM secret_exposure WHERE run_date = ?", runDate),
				count("SELECT COUNT(*) FROM unattributed_usage WHERE run_date = ?", runDate));
		logger.info("register export: {}", out.resolve("register").resolve("register-" + runDate + ".csv"));
		logger.info("rejects: {}", out.resolve("rejects").resolve(runDate.toString()));
		logger.info("mismatches between sources: {}; {}", Mismatches.describe(this.mismatches.countsOn(runDate)),
				out.resolve("reports").resolve("mismatches-" + runDate + ".csv"));
		logger.info("decisions: {}; event mail: {}", decisions(), mail(cycle));
	}

	private void summariseReview(Cycle cycle, Duration took) {
		Path out = this.properties.out();
		logger.info("{} review {} completed in {} s: {} key(s) on the work list ({} needing a decision); mail: {}",
				cycle.kind().name().toLowerCase(Locale.ROOT), cycle.name(), took.toMillis() / 1000.0,
				count("SELECT COUNT(*) FROM worklist_item WHERE cycle = ?", cycle.name()),
				count("SELECT COUNT(*) FROM worklist_item WHERE cycle = ? AND decision <> 'keep'", cycle.name()),
				mail(cycle));
		logger.info("work list: {}", out.resolve("worklists").resolve("worklist-" + cycle.name() + ".csv"));
		if (cycle.kind() == Cycle.Kind.MONTHLY) {
			logger.info("finance file: {}", out.resolve("finance").resolve("finance-" + cycle.name() + ".csv"));
		}
	}

	private String decisions() {
		return this.jdbc
			.queryForList("SELECT decision, COUNT(*) AS n FROM key_register WHERE decision IS NOT NULL "
					+ "GROUP BY decision ORDER BY decision")
			.stream()
			.map((row) -> row.get("n") + " " + row.get("decision"))
			.collect(Collectors.joining(", "));
	}

	private String mail(Cycle cycle) {
		List<ParkedMessage> parked = this.outbox.parked(cycle);
		parked.forEach((message) -> logger.warn("parked mail, never to be delivered: {}", message.describe()));
		return count("SELECT COUNT(*) FROM mail_outbox WHERE cycle = ?", cycle.name()) + " digest(s), "
				+ count("SELECT COUNT(*) FROM mail_outbox WHERE cycle = ? AND sent_at IS NULL AND parked_at IS NULL",
						cycle.name())
				+ " not delivered, " + parked.size() + " parked";
	}

	private long count(String sql, Object... args) {
		Long count = this.jdbc.queryForObject(sql, Long.class, args);
		return (count != null) ? count : 0;
	}

}
