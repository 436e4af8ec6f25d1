package io.keyreview.pull;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sources the nightly pulls before it lands the file drop ({@code keyreview.pull.*}).
 */
@ConfigurationProperties("keyreview.pull")
public record PullSettings(List<SourceSettings> sources) {

	public PullSettings {
		sources = (sources != null) ? List.copyOf(sources) : List.of();
	}

	/** The sources the nightly pulls (all but those with {@code pull: false}). */
	public List<SourceSettings> pulled() {
		return this.sources.stream().filter(SourceSettings::pull).toList();
	}

	/**
	 * The names of the people files the identity providers' users land in
	 * ({@code <source>.csv} of each Okta or SCIM source).
	 */
	public Set<String> identityProviderFiles() {
		return this.sources.stream()
			.filter((source) -> source.type() == SourceType.OKTA || source.type() == SourceType.SCIM)
			.map((source) -> source.name() + ".csv")
			.collect(Collectors.toSet());
	}

}
