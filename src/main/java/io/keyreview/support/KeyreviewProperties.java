package io.keyreview.support;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the inputs come from and the outputs go, and how the load steps behave.
 *
 * @param inputs the file-drop folder ({@code keys/ usage/ people/ policies/ owners.yaml})
 * @param out the output folder
 * @param landing where inputs are landed per run date; {@code <out>/landing} when unset
 * @param chunkSize items per chunk transaction
 * @param skipLimit bad rows one load step tolerates before it fails
 * @param progressInterval how often a long step logs its progress
 * @param retention how long landed files, rejects and job metadata are kept
 */
@ConfigurationProperties("keyreview")
public record KeyreviewProperties(@DefaultValue("jobs/demo") Path inputs, @DefaultValue("out") Path out,
		@Nullable Path landing, @DefaultValue("1000") int chunkSize, @DefaultValue("100") int skipLimit,
		@DefaultValue("10s") Duration progressInterval, @DefaultValue("90d") Duration retention) {

	public KeyreviewProperties {
		if (chunkSize < 1) {
			throw new IllegalArgumentException("keyreview.chunk-size must be at least 1, was " + chunkSize);
		}
		if (skipLimit < 1) {
			throw new IllegalArgumentException("keyreview.skip-limit must be at least 1, was " + skipLimit);
		}
	}

	public Path landingRoot() {
		return (this.landing != null) ? this.landing : this.out.resolve("landing");
	}

}
