package io.keyreview.landing;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How inputs are redacted as they land ({@code keyreview.redaction.*}).
 *
 * @param threads how many blocks of an input are redacted at once; one per processor when
 * unset
 */
@ConfigurationProperties("keyreview.redaction")
record RedactionSettings(@Nullable Integer threads) {

	RedactionSettings {
		if (threads != null && threads < 1) {
			throw new IllegalArgumentException("keyreview.redaction.threads must be at least 1, was " + threads);
		}
	}

	int threadCount() {
		return (this.threads != null) ? this.threads : Runtime.getRuntime().availableProcessors();
	}

}
