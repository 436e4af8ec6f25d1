package io.keyreview.usage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How usage is loaded ({@code keyreview.usage.*}).
 *
 * @param chunkSize usage rows per chunk transaction: more than other inputs', as a usage
 * file has millions of rows and every chunk costs a commit and a checkpoint, and the rows
 * of a chunk are summed per cell before they are staged: the larger the chunk, the fewer
 * rows {@code rollUpUsage} groups
 */
@ConfigurationProperties("keyreview.usage")
record UsageProperties(@DefaultValue("50000") int chunkSize) {

	UsageProperties {
		if (chunkSize < 1) {
			throw new IllegalArgumentException("keyreview.usage.chunk-size must be at least 1, was " + chunkSize);
		}
	}

}
