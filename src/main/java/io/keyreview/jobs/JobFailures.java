package io.keyreview.jobs;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

import io.keyreview.pull.PullException;
import io.keyreview.intake.BadRowException;
import io.keyreview.intake.InputFileException;
import io.keyreview.intake.LandedCopyException;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.skip.SkipLimitExceededException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Turns the failure of a run into one sentence for the operator. */
final class JobFailures {

	private JobFailures() {
	}

	static String describe(JobExecution execution) {
		for (StepExecution step : execution.getStepExecutions()) {
			for (Throwable failure : step.getFailureExceptions()) {
				return step.getStepName() + " failed: " + sentence(failure);
			}
		}
		List<Throwable> failures = execution.getAllFailureExceptions();
		return failures.isEmpty() ? "the run ended " + execution.getStatus() : sentence(failures.get(0));
	}

	/**
	 * What to do about the failure: restore a landed copy, correct an input (which then
	 * lands again), or simply run again.
	 */
	static String advice(JobExecution execution) {
		for (Throwable failure : execution.getAllFailureExceptions()) {
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof LandedCopyException) {
					return "Then run the same command again.";
				}
				if (cause instanceof PullException) {
					break;
				}
				if (cause instanceof InputFileException || cause instanceof SkipLimitExceededException) {
					return "Correct that input and run the same command again: a changed input is landed again"
							+ " and loaded from its start.";
				}
			}
		}
		return "Run the same command again to resume.";
	}

	/**
	 * Whether the failure is bad input that the sentence fully explains, rather than an
	 * unexpected exception whose stack trace is needed to find its cause.
	 */
	static boolean isBadInput(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InputFileException || cause instanceof SkipLimitExceededException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the database could not be reached or stopped answering: a connection that
	 * failed or timed out, rather than a statement the database refused.
	 */
	static boolean isDatabaseUnreachable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException || cause instanceof SQLRecoverableException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return true;
			}
		}
		return false;
	}

	static String sentence(Throwable failure) {
		if (isDatabaseUnreachable(failure)) {
			Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
			return "the database did not answer (" + root.getClass().getSimpleName() + ": "
					+ firstLine(root.getMessage()) + ")";
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InputFileException) {
				return cause.getMessage();
			}
			if (cause instanceof SkipLimitExceededException) {
				String last = (cause.getCause() instanceof BadRowException bad)
						? " (the last: " + bad.getMessage() + ")" : "";
				return "too many bad rows: more than keyreview.skip-limit were rejected" + last;
			}
		}
		Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "no message";
		}
		int end = message.indexOf('\n');
		return (end < 0) ? message : message.substring(0, end).strip();
	}

}
