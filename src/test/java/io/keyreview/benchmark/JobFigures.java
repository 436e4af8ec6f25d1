package io.keyreview.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One job execution as Spring Batch recorded it ({@code BATCH_JOB_EXECUTION} and
 * {@code BATCH_STEP_EXECUTION}): the job's status and seconds, and each step's counts and
 * seconds.
 */
record JobFigures(String job, long executionId, String status, double seconds, List<Step> steps) {

	private static final Pattern STEP_END = Pattern
		.compile(": ([\\w:.-]+): .* in (\\d+(?:\\.\\d+)?) s \\[[A-Z]+\\]\\s*$");

	private static final Pattern RUN_END = Pattern.compile(" completed in (\\d+(?:\\.\\d+)?) s");

	/** The last execution of the job, or an error if it never ran. */
	static JobFigures lastOf(Connection connection, String job) throws SQLException {
		long executionId;
		String status;
		double seconds;
		try (PreparedStatement statement = connection.prepareStatement("""
				SELECT e.JOB_EXECUTION_ID, e.STATUS, e.START_TIME, e.END_TIME
				FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
				WHERE i.JOB_NAME = ? ORDER BY e.JOB_EXECUTION_ID DESC LIMIT 1""")) {
			statement.setString(1, job);
			try (ResultSet rows = statement.executeQuery()) {
				if (!rows.next()) {
					throw new IllegalStateException("no execution of " + job + " in BATCH_JOB_EXECUTION");
				}
				executionId = rows.getLong(1);
				status = rows.getString(2);
				seconds = seconds(rows.getTimestamp(3), rows.getTimestamp(4));
			}
		}
		List<Step> steps = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement("""
				SELECT STEP_NAME, STATUS, START_TIME, END_TIME, READ_COUNT, WRITE_COUNT, FILTER_COUNT,
				  READ_SKIP_COUNT + PROCESS_SKIP_COUNT + WRITE_SKIP_COUNT, COMMIT_COUNT
				FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? ORDER BY STEP_EXECUTION_ID""")) {
			statement.setLong(1, executionId);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					steps.add(new Step(rows.getString(1), rows.getString(2),
							seconds(rows.getTimestamp(3), rows.getTimestamp(4)), rows.getLong(5), rows.getLong(6),
							rows.getLong(7), rows.getLong(8), rows.getLong(9)));
				}
			}
		}
		return new JobFigures(job, executionId, status, seconds, steps);
	}

	/**
	 * The same figures with the seconds of the job's log where it gives them: each step's
	 * end line ({@code loadUsage: read N = … in 42.137 s [COMPLETED]}) and the run's
	 * summary ({@code … completed in 152.3 s}) have milliseconds, where the job
	 * repository on MariaDB through Connector/J holds whole seconds.
	 */
	JobFigures withSecondsLogged(Path log) throws IOException {
		Map<String, Double> logged = new HashMap<>();
		Double whole = null;
		for (String line : Files.readAllLines(log)) {
			Matcher step = STEP_END.matcher(line);
			if (step.find()) {
				logged.put(step.group(1), Double.parseDouble(step.group(2)));
			}
			Matcher run = RUN_END.matcher(line);
			if (run.find()) {
				whole = Double.parseDouble(run.group(1));
			}
		}
		List<Step> refined = this.steps.stream()
			.map((step) -> new Step(step.name(), step.status(), logged.getOrDefault(step.name(), step.seconds()),
					step.read(), step.written(), step.filtered(), step.skipped(), step.commits()))
			.toList();
		return new JobFigures(this.job, this.executionId, this.status, (whole != null) ? whole : this.seconds, refined);
	}

	Step step(String name) {
		return this.steps.stream().filter((step) -> step.name().equals(name)).findFirst().orElse(null);
	}

	private static double seconds(Timestamp start, Timestamp end) {
		if (start == null || end == null) {
			return Double.NaN;
		}
		return Duration.between(start.toLocalDateTime(), end.toLocalDateTime()).toNanos() / 1e9;
	}

	/**
	 * One step execution.
	 *
	 * @param name the step
	 * @param status its batch status
	 * @param seconds from its start to its end
	 * @param read items read
	 * @param written items written (a tasklet counts its own rows here)
	 * @param filtered items filtered (deliverMail: messages parked)
	 * @param skipped items skipped (rejected rows)
	 * @param commits transactions committed
	 */
	record Step(String name, String status, double seconds, long read, long written, long filtered, long skipped,
			long commits) {

		/**
		 * The rows the step went through: what it read (rejects included), else what it
		 * wrote.
		 */
		long rows() {
			return Math.max(this.read + this.skipped, this.written);
		}

		double rowsPerSecond() {
			return (this.seconds > 0 && rows() > 0) ? rows() / this.seconds : Double.NaN;
		}

	}

}
