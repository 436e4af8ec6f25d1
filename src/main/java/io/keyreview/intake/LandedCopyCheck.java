package io.keyreview.intake;

import io.keyreview.run.RunDate;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps a load step's checkpoint tied to the landed copy it read. The checksum of that
 * copy is saved with every chunk; when a restart finds the source landed again since (its
 * input was corrected), the step forgets its checkpoint and deletes what it loaded of the
 * source for the run date, rejects and secret sightings included, and starts over.
 */
class LandedCopyCheck implements StepExecutionListener {

	private static final Logger logger = LoggerFactory.getLogger(LandedCopyCheck.class);

	private static final String LANDED = "landed.checksum";

	private final JdbcTemplate jdbc;

	private final LandingArea landingArea;

	private final InputSource source;

	private final String[] deleteLoaded;

	/**
	 * @param deleteLoaded the statements that delete the rows the step loaded for the run
	 * date, each with its one parameter
	 */
	LandedCopyCheck(JdbcTemplate jdbc, LandingArea landingArea, InputSource source, String... deleteLoaded) {
		this.jdbc = jdbc;
		this.landingArea = landingArea;
		this.source = source;
		this.deleteLoaded = deleteLoaded;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		LocalDate runDate = RunDate.of(stepExecution.getJobParameters());
		String landed = this.landingArea.manifest(runDate, this.source).map(LandingManifest::digest).orElse(null);
		if (landed == null) {
			return;
		}
		ExecutionContext checkpoint = stepExecution.getExecutionContext();
		String read = checkpoint.containsKey(LANDED) ? checkpoint.getString(LANDED) : null;
		if (read != null && !read.equals(landed)) {
			logger.info("{}: {} landed again since this step stopped; loading it from the start for {}",
					stepExecution.getStepName(), this.source.sourceName(), runDate);
			List.copyOf(checkpoint.entrySet()).forEach((entry) -> checkpoint.remove(entry.getKey()));
			for (String delete : this.deleteLoaded) {
				this.jdbc.update(delete, runDate);
			}
			this.jdbc.update("DELETE FROM rejected_row WHERE run_date = ? AND source = ?", runDate,
					this.source.sourceName());
			this.jdbc.update("DELETE FROM secret_exposure WHERE run_date = ? AND source = ?", runDate,
					this.source.sourceName());
		}
		checkpoint.putString(LANDED, landed);
	}

}
