package io.keyreview.jobs;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import io.keyreview.support.KeyreviewProperties;
import io.keyreview.support.RunDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Ends a nightly run with a short summary of what it left and where. */
@Component
class RunSummary implements JobExecutionListener {

	private static final Logger logger = LoggerFactory.getLogger(RunSummary.class);

	private final JdbcTemplate jdbc;

	private final KeyreviewProperties properties;

	RunSummary(JdbcTemplate jdbc, KeyreviewProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		if (jobExecution.getStatus() != BatchStatus.COMPLETED) {
			return;
		}
		LocalDate runDate = RunDate.of(jobExecution.getJobParameters());
		Duration took = (jobExecution.getStartTime() != null && jobExecution.getEndTime() != null)
				? Duration.between(jobExecution.getStartTime(), jobExecution.getEndTime()) : Duration.ZERO;
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
	}

	private long count(String sql, Object... args) {
		Long count = this.jdbc.queryForObject(sql, Long.class, args);
		return (count != null) ? count : 0;
	}

}
