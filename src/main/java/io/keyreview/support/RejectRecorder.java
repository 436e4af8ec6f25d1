package io.keyreview.support;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records each skipped bad row, inside the chunk transaction, in {@code rejected_row};
 * the reject files are written from that table at the end of the run.
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
		if (this.logged++ < LOGGED_REJECTS) {
			logger.warn("{}: rejected {} line {}: {}", this.source.sourceName(), bad.file(), bad.line(), bad.reason());
		}
		this.jdbc.update("DELETE FROM rejected_row WHERE run_date = ? AND input_file = ? AND line = ?", this.runDate,
				bad.file(), bad.line());
		this.jdbc.update("""
				INSERT INTO rejected_row (run_date, source, input_file, line, key_id, reason, row_text)
				VALUES (?, ?, ?, ?, ?, ?, ?)""", this.runDate, this.source.sourceName(), bad.file(), bad.line(),
				bad.keyId(), truncate(bad.reason(), 500), truncate(bad.rowText(), 4000));
	}

	private static String truncate(String text, int length) {
		return (text.length() <= length) ? text : text.substring(0, length);
	}

}
