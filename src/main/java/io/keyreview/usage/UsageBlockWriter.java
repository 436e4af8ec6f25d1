package io.keyreview.usage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.keyreview.intake.BadRowException;
import io.keyreview.intake.ExposureWriter;
import io.keyreview.intake.InputSource;
import io.keyreview.intake.RejectRecorder;
import io.keyreview.secrets.Exposure;

import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.skip.SkipLimitExceededException;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a block of usage rows in its chunk transaction: its bad rows to the rejects
 * (more than the skip limit in the step fail it, as a skipping step does), the secrets
 * found to {@code secret_exposure}, and its rows summed per source x key x day x route x
 * model x provider to {@code usage_staging}, which {@code rollUpUsage} sums once more per
 * cell. Everything commits with the chunk, so a restart adds each row exactly once. The
 * step's counts stay in rows: read, loaded, rejected while read or as usage.
 * <p>
 * A cell whose sum {@code usage_daily} could not hold fails the step with a sentence
 * naming it, so that the corrected file is loaded again from its start. What all the rows
 * staged tonight add up to is kept with the checkpoint: while that total fits a day, so
 * does every cell, and only beyond it are the staged cells summed to find one that does
 * not.
 */
class UsageBlockWriter implements ItemStreamWriter<UsageBlock> {

	private static final String STAGED = "usage.staged";

	private final UsageStaging staging;

	private final RejectRecorder rejects;

	private final JdbcTemplate jdbc;

	private final LocalDate runDate;

	private final int skipLimit;

	private UsageSums staged = new UsageSums();

	UsageBlockWriter(UsageStaging staging, RejectRecorder rejects, JdbcTemplate jdbc, LocalDate runDate,
			int skipLimit) {
		this.staging = staging;
		this.rejects = rejects;
		this.jdbc = jdbc;
		this.runDate = runDate;
		this.skipLimit = skipLimit;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		this.staged = executionContext.containsKey(STAGED) ? UsageSums.parse(executionContext.getString(STAGED))
				: new UsageSums();
	}

	@Override
	public void update(ExecutionContext executionContext) {
		executionContext.putString(STAGED, this.staged.toString());
	}

	@Override
	public void write(Chunk<? extends UsageBlock> chunk) {
		StepExecution step = StepSynchronizationManager.getContext().getStepExecution();
		for (UsageBlock block : chunk) {
			long rejected = step.getSkipCount();
			for (BadRowException row : block.readRejects) {
				reject(row, rejected++);
			}
			for (BadRowException row : block.processRejects) {
				reject(row, rejected++);
			}
			// Spring Batch counts the block as one item read and one written; its rows
			// make up the rest
			step.setReadCount(step.getReadCount() + block.read - 1);
			step.setReadSkipCount(step.getReadSkipCount() + block.readRejects.size());
			step.setProcessSkipCount(step.getProcessSkipCount() + block.processRejects.size());
			recordExposures(block.exposing);
			stage(block.sums);
			block.hours.stage(this.staging, this.runDate);
			block.clients.stage(this.staging, this.runDate);
			step.setWriteCount(step.getWriteCount() + block.loaded - 1);
		}
	}

	/**
	 * Rejects a row, or fails the step if {@code rejectedBefore} already reach the skip
	 * limit.
	 */
	private void reject(BadRowException row, long rejectedBefore) {
		if (rejectedBefore >= this.skipLimit) {
			throw new SkipLimitExceededException(this.skipLimit, row);
		}
		this.rejects.record(row);
	}

	private void recordExposures(List<UsageRow> rows) {
		List<Object[]> exposures = new ArrayList<>();
		for (UsageRow row : rows) {
			for (Exposure exposure : row.exposures()) {
				exposures.add(new Object[] { this.runDate, exposure.file(), exposure.line(), exposure.column(),
						exposure.fingerprint(), InputSource.USAGE.sourceName(), row.keyId() });
			}
		}
		if (!exposures.isEmpty()) {
			ExposureWriter.record(this.jdbc, exposures);
		}
	}

	private void stage(Map<UsageCell, UsageSums> sums) {
		UsageSums staged = this.staged.copy();
		this.staging.append(this.runDate, sums);
		sums.values().forEach(staged::addCapped);
		if (!staged.fitADay()) {
			UsageCell cell = this.staging.cellBeyondADay(this.runDate);
			if (cell != null) {
				throw UsageBlock.beyondADay(cell, "usage source " + cell.source());
			}
		}
		this.staged = staged;
	}

}
