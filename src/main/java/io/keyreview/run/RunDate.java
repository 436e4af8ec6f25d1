package io.keyreview.run;

import java.time.LocalDate;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;

/** The identifying parameter of every job: the business date a run is for. */
public final class RunDate {

	public static final String PARAMETER = "runDate";

	private RunDate() {
	}

	public static LocalDate of(JobParameters parameters) {
		LocalDate runDate = parameters.getLocalDate(PARAMETER);
		if (runDate == null) {
			throw new IllegalStateException("The job was started without its " + PARAMETER + " parameter");
		}
		return runDate;
	}

	public static LocalDate of(ChunkContext chunkContext) {
		return of(chunkContext.getStepContext().getStepExecution().getJobParameters());
	}

}
