package io.keyreview.support;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.util.backoff.BackOffExecution;

/**
 * The one way keyreview retries a call to another system (an HTTP API, an SMTP server):
 * Spring's {@link RetryTemplate}, retrying only the failures {@code transientFailure}
 * accepts, waiting an exponential back-off ({@code backoff}, doubled each time) or, when
 * the failure is a {@link RetryAfter} that names one, the wait the server asked for (HTTP
 * {@code Retry-After}); either capped at {@code maxBackoff}. Each retry is logged with
 * the failure's message.
 */
public final class Retries {

	private static final Logger logger = LoggerFactory.getLogger(Retries.class);

	private final int retries;

	private final Duration backoff;

	private final Duration maxBackoff;

	private final Predicate<Throwable> transientFailure;

	public Retries(int retries, Duration backoff, Duration maxBackoff, Predicate<Throwable> transientFailure) {
		this.retries = retries;
		this.backoff = backoff;
		this.maxBackoff = maxBackoff;
		this.transientFailure = transientFailure;
	}

	/** A failure that says how long to wait before the next attempt. */
	public interface RetryAfter {

		Optional<Duration> retryAfter();

	}

	public int attempts() {
		return this.retries + 1;
	}

	/**
	 * Calls the action until it succeeds, fails with a failure that is not transient, or
	 * has failed {@link #attempts()} times.
	 * @throws RetryException holding the last failure
	 */
	public <R> R call(Retryable<R> action) throws RetryException {
		AtomicReference<Throwable> lastFailure = new AtomicReference<>();
		RetryPolicy policy = RetryPolicy.builder()
			.predicate(this.transientFailure)
			.backOff(() -> new Waits(lastFailure))
			.build();
		return new RetryTemplate(policy).execute(() -> {
			try {
				return action.execute();
			}
			catch (Throwable failure) {
				lastFailure.set(failure);
				throw failure;
			}
		});
	}

	/** The waits of one call, the failure before each known. */
	private final class Waits implements BackOffExecution {

		private final AtomicReference<Throwable> lastFailure;

		private int retried;

		Waits(AtomicReference<Throwable> lastFailure) {
			this.lastFailure = lastFailure;
		}

		@Override
		public long nextBackOff() {
			if (this.retried >= Retries.this.retries) {
				return STOP;
			}
			this.retried++;
			Throwable failure = this.lastFailure.get();
			Duration wait = asked(failure)
				.orElse(Retries.this.backoff.multipliedBy(1L << Math.min(this.retried - 1, 20)));
			if (wait.compareTo(Retries.this.maxBackoff) > 0) {
				wait = Retries.this.maxBackoff;
			}
			logger.warn("{}; retrying in {} ms (attempt {} of {})", (failure != null) ? failure.getMessage() : "failed",
					wait.toMillis(), this.retried + 1, attempts());
			return wait.toMillis();
		}

		private static Optional<Duration> asked(@Nullable Throwable failure) {
			return (failure instanceof RetryAfter retryAfter) ? retryAfter.retryAfter() : Optional.empty();
		}

	}

}
