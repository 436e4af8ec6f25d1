package io.keyreview.support;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.retry.RetryException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Retrying a call: which failures, how often, and how long between attempts. */
@ExtendWith(OutputCaptureExtension.class)
class RetriesTests {

	private static final Duration AN_HOUR = Duration.ofHours(1);

	private final AtomicInteger calls = new AtomicInteger();

	@Test
	@Timeout(10)
	void waitsWhatTheServerAskedForInsteadOfTheBackoff(CapturedOutput output) throws Exception {
		Retries retries = new Retries(2, AN_HOUR, AN_HOUR.multipliedBy(2), Busy.class::isInstance);

		String result = retries.call(() -> {
			if (this.calls.incrementAndGet() == 1) {
				throw new Busy(Duration.ZERO);
			}
			return "done";
		});

		assertThat(result).isEqualTo("done");
		assertThat(this.calls).hasValue(2);
		assertThat(output).contains("busy, come back in PT0S; retrying in 0 ms (attempt 2 of 3)");
	}

	@Test
	@Timeout(10)
	void capsTheWaitTheServerAskedForAndTheBackoffAtTheMaximum(CapturedOutput output) {
		Retries retries = new Retries(2, AN_HOUR, Duration.ofMillis(5), Busy.class::isInstance);

		assertThatExceptionOfType(RetryException.class).isThrownBy(() -> retries.call(() -> {
			this.calls.incrementAndGet();
			throw (this.calls.get() == 1) ? new Busy(AN_HOUR) : new Busy(null);
		})).satisfies((ex) -> assertThat(ex.getLastException()).isInstanceOf(Busy.class));

		assertThat(this.calls).hasValue(3);
		assertThat(output).contains("busy, come back in PT1H; retrying in 5 ms (attempt 2 of 3)")
			.contains("busy, come back in null; retrying in 5 ms (attempt 3 of 3)");
	}

	@Test
	void doesNotRetryAFailureThatIsNotTransient() {
		Retries retries = new Retries(5, Duration.ofMillis(1), Duration.ofMillis(1), Busy.class::isInstance);

		assertThatExceptionOfType(RetryException.class).isThrownBy(() -> retries.call(() -> {
			this.calls.incrementAndGet();
			throw new IllegalStateException("refused for good");
		})).satisfies((ex) -> assertThat(ex.getCause()).hasMessage("refused for good"));

		assertThat(this.calls).hasValue(1);
	}

	static class Busy extends RuntimeException implements Retries.RetryAfter {

		private final Duration retryAfter;

		Busy(Duration retryAfter) {
			super("busy, come back in " + retryAfter);
			this.retryAfter = retryAfter;
		}

		@Override
		public Optional<Duration> retryAfter() {
			return Optional.ofNullable(this.retryAfter);
		}

	}

}
