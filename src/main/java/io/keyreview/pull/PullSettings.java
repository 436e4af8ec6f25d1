package io.keyreview.pull;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sources the nightly pulls before it lands the file drop ({@code keyreview.pull.*}).
 */
@ConfigurationProperties("keyreview.pull")
public record PullSettings(List<SourceSettings> sources) {

	public PullSettings {
		sources = (sources != null) ? List.copyOf(sources) : List.of();
	}

}
