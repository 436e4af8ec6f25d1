package io.keyreview.support;

import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The thread pools a step works on besides its own thread. */
public final class BoundedExecutors {

	private BoundedExecutors() {
	}

	/**
	 * A pool of {@code threads} threads named {@code <prefix>N}; they end when idle for
	 * ten seconds, so a step's pool is gone soon after the step.
	 */
	public static ThreadPoolTaskExecutor of(int threads, String prefix) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(threads);
		executor.setMaxPoolSize(threads);
		executor.setAllowCoreThreadTimeOut(true);
		executor.setKeepAliveSeconds(10);
		executor.setThreadNamePrefix(prefix);
		return executor;
	}

}
