package io.keyreview.jobs;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepInterruptionPolicy;
import org.springframework.batch.core.step.ThreadStepInterruptionPolicy;
import org.springframework.batch.core.step.item.ChunkOrientedStep;
import org.springframework.batch.core.step.tasklet.TaskletStep;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Stops a running job at its next chunk boundary when the process is asked to end
 * (SIGTERM, as Kubernetes does before it kills a pod): the job ends STOPPED, with
 * everything up to its last commit kept, and the same command resumes it. The shutdown
 * hook only raises a flag; the step sees it between two chunks, in its own thread, so
 * nothing races the job's own updates of the job repository. The process waits for the
 * stop, up to the grace period Kubernetes allows.
 */
@Component
class GracefulStop implements JobExecutionListener, BeanPostProcessor {

	private static final Logger logger = LoggerFactory.getLogger(GracefulStop.class);

	private static final Duration LONGEST_WAIT = Duration.ofMinutes(10);

	private volatile boolean stopRequested;

	private volatile CountDownLatch finished = new CountDownLatch(1);

	private volatile Thread hook = new Thread(this::stop);

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		StepInterruptionPolicy policy = new StopWhenAsked();
		if (bean instanceof ChunkOrientedStep<?, ?> step) {
			step.setInterruptionPolicy(policy);
		}
		if (bean instanceof TaskletStep step) {
			step.setInterruptionPolicy(policy);
		}
		return bean;
	}

	@Override
	public void beforeJob(JobExecution execution) {
		this.finished = new CountDownLatch(1);
		this.hook = new Thread(this::stop, "keyreview-graceful-stop");
		Runtime.getRuntime().addShutdownHook(this.hook);
	}

	@Override
	public void afterJob(JobExecution execution) {
		runEnded();
	}

	/**
	 * The job is no longer running, whether or not Batch got to call {@link #afterJob}: a
	 * shutdown from now on has nothing to wait for.
	 */
	void runEnded() {
		this.finished.countDown();
		try {
			Runtime.getRuntime().removeShutdownHook(this.hook);
		}
		catch (IllegalStateException shuttingDown) {
			// the hook is running: it has just been told the job finished
		}
	}

	private void stop() {
		logger.warn("Asked to stop: the job stops at its next chunk boundary; run the same command to resume");
		this.stopRequested = true;
		try {
			this.finished.await(LONGEST_WAIT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Batch's own check (a stop through the job repository, an interrupted thread), and
	 * the flag.
	 */
	private final class StopWhenAsked implements StepInterruptionPolicy {

		private final ThreadStepInterruptionPolicy batchPolicy = new ThreadStepInterruptionPolicy();

		@Override
		public void checkInterrupted(StepExecution stepExecution) throws JobInterruptedException {
			if (GracefulStop.this.stopRequested) {
				stepExecution.setTerminateOnly();
			}
			this.batchPolicy.checkInterrupted(stepExecution);
		}

	}

}
