package io.keyreview.usage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How usage is loaded ({@code keyreview.usage.*}).
 *
 * @param chunkSize usage rows per chunk transaction at most: more than other inputs', as
 * a usage file has millions of rows and every chunk costs a commit and a checkpoint, and
 * a chunk's rows are summed per cell before they are staged, so the larger the chunk, the
 * fewer rows {@code rollUpUsage} groups
 * @param chunkCells the cells (key x day x route x model x provider of a source) a chunk
 * sums at most before it is written: what bounds a chunk's memory, some 600 bytes a cell
 */
@ConfigurationProperties("keyreview.usage")
record UsageProperties(@DefaultValue("1000000") int chunkSize, @DefaultValue("200000") int chunkCells) {

	UsageProperties {
		if (chunkSize < 1) {
			throw new IllegalArgumentException("keyreview.usage.chunk-size must be at least 1, was " + chunkSize);
		}
		if (chunkCells < 1) {
			throw new IllegalArgumentException("keyreview.usage.chunk-cells must be at least 1, was " + chunkCells);
		}
	}

}
