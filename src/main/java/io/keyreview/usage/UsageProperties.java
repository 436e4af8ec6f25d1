package io.keyreview.usage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How usage is loaded ({@code keyreview.usage.*}).
 *
 * @param chunkSize usage rows per chunk transaction: more than other inputs', as a usage
 * file has millions of rows and every chunk costs a commit and a checkpoint
 */
@ConfigurationProperties("keyreview.usage")
record UsageProperties(@DefaultValue("10000") int chunkSize) {

	UsageProperties {
		if (chunkSize < 1) {
			throw new IllegalArgumentException("keyreview.usage.chunk-size must be at least 1, was " + chunkSize);
		}
	}

}
