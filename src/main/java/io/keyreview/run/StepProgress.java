package io.keyreview.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToLongFunction;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Logs a long step's progress at a steady interval (rows done, rate, percent of the input
 * where its size is known) and one summary line of its counts when it ends. For a load
 * step the summary reads {@code read = loaded + rejected}.
 */
public class StepProgress implements StepExecutionListener, ChunkListener<Object, Object> {

	private static final Logger logger = LoggerFactory.getLogger(StepProgress.class);

	private final Clock clock;

	private final Duration interval;

	private final ToLongFunction<StepExecution> expectedItems;

	private final boolean load;

	private @Nullable StepExecution stepExecution;

	private Instant started = Instant.EPOCH;

	private Instant lastReport = Instant.EPOCH;

	private long expected;

	public StepProgress(Clock clock, Duration interval, ToLongFunction<StepExecution> expectedItems, boolean load) {
		this.clock = clock;
		this.interval = interval;
		this.expectedItems = expectedItems;
		this.load = load;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.stepExecution = stepExecution;
		this.started = this.clock.instant();
		this.lastReport = this.started;
		this.expected = this.expectedItems.applyAsLong(stepExecution);
	}

	@Override
	public void afterChunk(Chunk<Object> chunk) {
		Instant now = this.clock.instant();
		if (this.stepExecution == null || Duration.between(this.lastReport, now).compareTo(this.interval) < 0) {
			return;
		}
		this.lastReport = now;
		long done = read(this.stepExecution);
		double seconds = Math.max(Duration.between(this.started, now).toMillis(), 1) / 1000.0;
		String percent = (this.expected > 0) ? String.format(" (%.0f%%)", Math.min(100.0, 100.0 * done / this.expected))
				: "";
		logger.info("{}: {} rows done{}, {} rows/s", this.stepExecution.getStepName(), done, percent,
				Math.round(done / seconds));
	}

	@Override
	public @Nullable ExitStatus afterStep(StepExecution stepExecution) {
		double seconds = Duration.between(this.started, this.clock.instant()).toMillis() / 1000.0;
		long rejected = stepExecution.getSkipCount();
		String message;
		if (this.load) {
			String filtered = (stepExecution.getFilterCount() > 0) ? " + filtered " + stepExecution.getFilterCount()
					: "";
			message = stepExecution.getStepName() + ": read " + read(stepExecution) + " = loaded "
					+ stepExecution.getWriteCount() + " + rejected " + rejected + filtered + " in " + seconds + " s ["
					+ stepExecution.getStatus() + "]";
		}
		else {
			message = stepExecution.getStepName() + ": read " + read(stepExecution) + ", written "
					+ stepExecution.getWriteCount() + " in " + seconds + " s [" + stepExecution.getStatus() + "]";
		}
		StepEndLog.log(logger, message, stepExecution, seconds);
		return null;
	}

	private static long read(StepExecution stepExecution) {
		return stepExecution.getReadCount() + stepExecution.getReadSkipCount();
	}

}
