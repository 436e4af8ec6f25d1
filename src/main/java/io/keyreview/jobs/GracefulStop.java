package io.keyreview.jobs;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Stops a running job at its next chunk boundary when the process is asked to end
 * (SIGTERM, as Kubernetes does before it kills a pod): the job ends STOPPED, with
 * everything up to its last commit kept, and the same command resumes it. The process
 * waits for the stop, up to the grace period Kubernetes allows.
 */
@Component
class GracefulStop implements JobExecutionListener {

	private static final Logger logger = LoggerFactory.getLogger(GracefulStop.class);

	private static final Duration LONGEST_WAIT = Duration.ofMinutes(10);

	private final JobOperator jobOperator;

	private final Map<Long, Hook> hooks = new ConcurrentHashMap<>();

	GracefulStop(@Lazy JobOperator jobOperator) {
		this.jobOperator = jobOperator;
	}

	@Override
	public void beforeJob(JobExecution execution) {
		Hook hook = new Hook(execution);
		this.hooks.put(execution.getId(), hook);
		Runtime.getRuntime().addShutdownHook(hook);
	}

	@Override
	public void afterJob(JobExecution execution) {
		Hook hook = this.hooks.remove(execution.getId());
		if (hook == null) {
			return;
		}
		hook.finished.countDown();
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		}
		catch (IllegalStateException shuttingDown) {
			// the hook is running: it has just been told the job finished
		}
	}

	private final class Hook extends Thread {

		private final JobExecution execution;

		private final CountDownLatch finished = new CountDownLatch(1);

		Hook(JobExecution execution) {
			super("keyreview-graceful-stop");
			this.execution = execution;
		}

		@Override
		public void run() {
			logger.warn("Asked to stop: {} stops at its next chunk boundary; run the same command to resume",
					this.execution.getJobInstance().getJobName());
			try {
				GracefulStop.this.jobOperator.stop(this.execution);
				this.finished.await(LONGEST_WAIT.toSeconds(), TimeUnit.SECONDS);
			}
			catch (JobExecutionNotRunningException ex) {
				// it ended on its own
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
