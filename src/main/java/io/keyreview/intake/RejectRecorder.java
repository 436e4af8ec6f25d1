package io.keyreview.intake;

import io.keyreview.run.RunDate;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records each skipped (or otherwise rejected) bad row, inside the chunk transaction, in
 * {@code rejected_row}; the reject files are written from that table at the end of the
 * run. Every reject is a row of its own, even when two share a file and line; the same
 * reject recorded again is recorded once.
 */
public class RejectRecorder implements SkipListener<Object, Object>, StepExecutionListener {

	private static final Logger logger = LoggerFactory.getLogger(RejectRecorder.class);

	private static final int LOGGED_REJECTS = 20;

	private final JdbcTemplate jdbc;

	private final InputSource source;

	private @Nullable LocalDate runDate;

	private int logged;

	public RejectRecorder(JdbcTemplate jdbc, InputSource source) {
		this.jdbc = jdbc;
		this.source = source;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.runDate = RunDate.of(stepExecution.getJobParameters());
		this.logged = 0;
	}

	@Override
	public void onSkipInRead(Throwable t) {
		record(t);
	}

	@Override
	public void onSkipInProcess(Object item, Throwable t) {
		record(t);
	}

	@Override
	public void onSkipInWrite(Object item, Throwable t) {
		record(t);
	}

	private void record(Throwable t) {
		if (!(t instanceof BadRowException bad)) {
			throw new IllegalStateException("Only bad input rows are skipped", t);
		}
		record(bad);
	}

	/**
	 * Records a bad row that the step rejected itself rather than through a skip (a step
	 * whose items are blocks of rows), inside the chunk transaction.
	 */
	public void record(BadRowException bad) {
		if (this.logged++ < LOGGED_REJECTS) {
			logger.warn("{}: rejected {} line {}: {}", this.source.sourceName(), bad.file(), bad.line(), bad.reason());
		}
		String reason = truncate(bad.reason(), 500);
		List<Map<String, Object>> sameLine = this.jdbc.queryForList(
				"SELECT input_file, reason, reject_no FROM rejected_row WHERE run_date = ? AND input_file = ? AND line = ?",
				this.runDate, bad.file(), bad.line());
		if (sameLine.stream()
			.anyMatch((row) -> bad.file().equals(row.get("input_file")) && reason.equals(row.get("reason")))) {
			return;
		}
		int rejectNo = 1
				+ sameLine.stream().mapToInt((row) -> ((Number) row.get("reject_no")).intValue()).max().orElse(0);
		this.jdbc.update("""
				INSERT INTO rejected_row (run_date, source, input_file, line, reject_no, key_id, reason, row_text)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", this.runDate, this.source.sourceName(), bad.file(), bad.line(),
				rejectNo, bad.keyId(), reason, truncate(bad.rowText(), 4000));
	}

	private static String truncate(String text, int length) {
		return (text.length() <= length) ? text : text.substring(0, length);
	}

}
