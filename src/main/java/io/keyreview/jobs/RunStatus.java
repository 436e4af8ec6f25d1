package io.keyreview.jobs;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import io.keyreview.mail.CycleMail;
import io.keyreview.mail.Outbox;
import io.keyreview.run.Cycle;
import io.keyreview.mismatches.Mismatches;
import io.keyreview.worklist.ReviewCompletion;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code status}: the last runs of each job, read from the job repository, with their
 * steps' counts and durations, then how far the last review cycles got, then what the
 * mail outbox holds (mail delivered by a later run included, and every parked message),
 * for a terminal.
 */
@Component
class RunStatus {

	private static final String STEP_LINE = "      %-26s %-10s %9s %9s %8s %8s %9s%n";

	private final JdbcTemplate jdbc;

	private final Outbox outbox;

	private final ReviewCompletion completion;

	private final Mismatches mismatches;

	RunStatus(JdbcTemplate jdbc, Outbox outbox, ReviewCompletion completion, Mismatches mismatches) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.completion = completion;
		this.mismatches = mismatches;
	}

	void print(List<String> jobNames, int runs, PrintStream out) {
		for (String job : jobNames) {
			out.println(job);
			List<Map<String, Object>> executions = this.jdbc.queryForList("""
					SELECT e.JOB_EXECUTION_ID, e.STATUS, e.EXIT_CODE, e.START_TIME, e.END_TIME
					FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
					WHERE i.JOB_NAME = ? ORDER BY e.JOB_EXECUTION_ID DESC LIMIT ?""", job, runs);
			if (executions.isEmpty()) {
				out.println("  no runs yet");
			}
			for (Map<String, Object> execution : executions) {
				long id = ((Number) execution.get("JOB_EXECUTION_ID")).longValue();
				String status = (String) execution.get("STATUS");
				out.printf("  run %d  %s  %s  exit %s  started %s  took %s%n", id, parameters(id), status,
						exitCode(status), text(execution.get("START_TIME")),
						took(execution.get("START_TIME"), execution.get("END_TIME")));
				out.printf(STEP_LINE, "step", "status", "read", "written", "skipped", "commits", "took");
				this.jdbc.query("""
						SELECT STEP_NAME, STATUS, READ_COUNT, WRITE_COUNT,
						  READ_SKIP_COUNT + PROCESS_SKIP_COUNT + WRITE_SKIP_COUNT AS SKIPPED, COMMIT_COUNT, START_TIME,
						  END_TIME
						FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? ORDER BY STEP_EXECUTION_ID""", (rs) -> {
					out.printf(STEP_LINE, rs.getString("STEP_NAME"), rs.getString("STATUS"), rs.getLong("READ_COUNT"),
							rs.getLong("WRITE_COUNT"), rs.getLong("SKIPPED"), rs.getLong("COMMIT_COUNT"),
							took(rs.getObject("START_TIME"), rs.getObject("END_TIME")));
				}, id);
			}
		}
		printReviews(runs, out);
		printMismatches(out);
		printOutbox(runs, out);
	}

	/** How far the last review cycles got: answered on time, late, defaulted, open. */
	private void printReviews(int runs, PrintStream out) {
		out.println("review cycles");
		List<Cycle> cycles = this.completion.lastCycles(runs);
		if (cycles.isEmpty()) {
			out.println("  no review yet");
		}
		cycles.forEach((cycle) -> out.printf("  %s%n", this.completion.summary(cycle)));
	}

	/** The last nightly's mismatches between sources, per kind. */
	private void printMismatches(PrintStream out) {
		LocalDate night = this.mismatches.lastNight();
		out.println("mismatches between sources");
		out.println((night != null) ? "  " + night + ": " + Mismatches.describe(this.mismatches.countsOn(night))
				: "  none recorded yet");
	}

	/** What the outbox holds for the last cycles, delivered after their run included. */
	private void printOutbox(int runs, PrintStream out) {
		out.println("mail outbox");
		List<CycleMail> cycles = this.outbox.cycles(runs * 3);
		if (cycles.isEmpty()) {
			out.println("  no mail yet");
		}
		cycles.forEach((cycle) -> out.printf("  %-20s %s%n", cycle.cycle(), cycle.describe()));
		this.outbox.parked().forEach((message) -> out.printf("  parked: %s%n", message.describe()));
	}

	private String parameters(long executionId) {
		return String.join(" ", this.jdbc.queryForList("""
				SELECT CONCAT(PARAMETER_NAME, '=', PARAMETER_VALUE) FROM BATCH_JOB_EXECUTION_PARAMS
				WHERE JOB_EXECUTION_ID = ? AND IDENTIFYING = 'Y' ORDER BY PARAMETER_NAME""", String.class,
				executionId));
	}

	/** The exit code the command line gave, as far as the repository tells. */
	private static String exitCode(String status) {
		return switch (status) {
			case "COMPLETED" -> "0";
			case "FAILED", "STOPPED", "ABANDONED" -> "1";
			default -> "- (running, or crashed: the next run recovers it)";
		};
	}

	private static String took(@Nullable Object start, @Nullable Object end) {
		LocalDateTime from = localDateTime(start);
		LocalDateTime to = localDateTime(end);
		if (from == null || to == null) {
			return "-";
		}
		return String.format("%.1f s", Duration.between(from, to).toMillis() / 1000.0);
	}

	private static String text(@Nullable Object time) {
		LocalDateTime value = localDateTime(time);
		return (value != null) ? value.withNano(0).toString() : "-";
	}

	private static @Nullable LocalDateTime localDateTime(@Nullable Object value) {
		if (value instanceof java.sql.Timestamp timestamp) {
			return timestamp.toLocalDateTime();
		}
		return (value instanceof LocalDateTime dateTime) ? dateTime : null;
	}

}
