package io.keyreview.pull;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One source the nightly pulls ({@code keyreview.pull.sources[n]}).
 *
 * @param name names the source in the landing folder, the register and the logs
 * @param baseUrl the API to pull from; without it, saved responses are read instead
 * @param files the saved responses, a glob such as {@code /drop/openai/*.json} (default
 * {@code <inputs>/sources/<name>/*.json}); each file is a page of the endpoint its name
 * starts with ({@code keys.json}, {@code keys.2.json})
 * @param credentialEnv the environment variable holding the credential
 * @param credentialFile a mounted secret file holding the credential
 * @param pageSize items per page where the API takes a page size
 * @param retries how often a request that failed with 429, 5xx or a timeout is retried
 * @param maxBackoff the longest wait between two attempts
 * @param usageDays how many days of usage to pull, up to yesterday
 * @param remediate the approved decisions keyreview may carry out through this source's
 * admin API ({@code disable}, {@code delete}, {@code narrow}); none by default
 * @param pull false for a source whose keys come in the file drop (its {@code source}
 * column names this source): it is not pulled, its base URL only serves remediation
 */
public record SourceSettings(String name, SourceType type, @Nullable URI baseUrl, @Nullable String files,
		@Nullable String credentialEnv, @Nullable Path credentialFile, @DefaultValue("100") int pageSize,
		@DefaultValue("10s") Duration connectTimeout, @DefaultValue("60s") Duration readTimeout,
		@DefaultValue("5") int retries, @DefaultValue("1s") Duration backoff, @DefaultValue("60s") Duration maxBackoff,
		@DefaultValue("7") int usageDays, @Nullable Set<String> remediate, @DefaultValue("true") boolean pull) {

	private static final Set<String> REMEDIABLE = Set.of("disable", "delete", "narrow");

	public SourceSettings {
		remediate = (remediate != null) ? Set.copyOf(remediate) : Set.of();
		for (String decision : remediate) {
			if (!REMEDIABLE.contains(decision)) {
				throw new IllegalArgumentException("keyreview.pull.sources: " + name + " remediate '" + decision
						+ "' must be disable, delete or narrow");
			}
		}
		if (!name.matches("[a-z0-9][a-z0-9_-]{0,62}")) {
			throw new IllegalArgumentException("keyreview.pull.sources: name '" + name
					+ "' must be lower-case letters, digits, '-' or '_' (it names a folder and a source)");
		}
	}

}
