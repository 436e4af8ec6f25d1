package io.keyreview.jobs;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.step.item.ChunkOrientedStep;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.core.step.tasklet.TaskletStep;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Hooks into every step after its writes, inside the chunk transaction: makes a chosen
 * step fail once after a number of committed chunks (a crash in the middle of a write),
 * or holds it until released.
 */
class FailureInjector implements BeanPostProcessor {

	private volatile @Nullable String failingStep;

	private volatile int chunksBeforeFailure;

	private final AtomicInteger chunksWritten = new AtomicInteger();

	private volatile boolean beforeWriting;

	private volatile @Nullable String pausingStep;

	private volatile CountDownLatch paused = new CountDownLatch(1);

	private volatile CountDownLatch released = new CountDownLatch(1);

	void reset() {
		this.failingStep = null;
		this.beforeWriting = false;
		this.pausingStep = null;
		this.chunksWritten.set(0);
	}

	/**
	 * The step fails once, in the transaction of the chunk after {@code committedChunks}
	 * committed ones.
	 */
	void failOnce(String step, int committedChunks) {
		this.chunksWritten.set(0);
		this.chunksBeforeFailure = committedChunks;
		this.beforeWriting = false;
		this.failingStep = step;
	}

	/**
	 * The tasklet step fails once at the start of the transaction after
	 * {@code committedChunks} committed ones, before it does anything (a crash between
	 * two commits).
	 */
	void failOnceBefore(String step, int committedChunks) {
		failOnce(step, committedChunks);
		this.beforeWriting = true;
	}

	/** The step holds in its first chunk transaction until {@link #release()}. */
	void pauseIn(String step) {
		this.paused = new CountDownLatch(1);
		this.released = new CountDownLatch(1);
		this.pausingStep = step;
	}

	void awaitPaused() throws InterruptedException {
		if (!this.paused.await(60, TimeUnit.SECONDS)) {
			throw new IllegalStateException("The step never reached its pause");
		}
	}

	void release() {
		this.pausingStep = null;
		this.released.countDown();
	}

	@Override
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof ChunkOrientedStep step) {
			step.registerItemWriteListener(new ItemWriteListener<Object>() {
				@Override
				public void afterWrite(Chunk<? extends Object> items) {
					afterWriting(step.getName());
				}
			});
		}
		if (bean instanceof TaskletStep step) {
			Tasklet tasklet = step.getTasklet();
			step.setTasklet((contribution, chunkContext) -> {
				if (this.beforeWriting) {
					failIfDue(step.getName());
				}
				RepeatStatus status = tasklet.execute(contribution, chunkContext);
				afterWriting(step.getName());
				return status;
			});
		}
		return bean;
	}

	private void afterWriting(String step) {
		if (step.equals(this.pausingStep)) {
			this.paused.countDown();
			try {
				this.released.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (!this.beforeWriting) {
			failIfDue(step);
		}
	}

	private void failIfDue(String step) {
		if (step.equals(this.failingStep) && this.chunksWritten.getAndIncrement() >= this.chunksBeforeFailure) {
			this.failingStep = null;
			throw new IllegalStateException("Injected failure in " + step);
		}
	}

}
