package io.keyreview.policy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on the YAML inputs ({@code keyreview.yaml.*}).
 *
 * @param maxSize the largest {@code owners.yaml} or policy file that is read; a larger
 * one fails its step before it is parsed, because the parser's time grows with the square
 * of a line's length
 */
@ConfigurationProperties("keyreview.yaml")
record YamlSettings(@DefaultValue("1MB") DataSize maxSize) {

	/** The YAML parser refuses a document of more code points than this on its own. */
	private static final DataSize PARSER_LIMIT = DataSize.ofBytes(3 * 1024 * 1024);

	YamlSettings {
		if (maxSize.toBytes() < 1 || maxSize.compareTo(PARSER_LIMIT) > 0) {
			throw new IllegalArgumentException(
					"keyreview.yaml.max-size must be between 1B and 3MB (the YAML parser's own limit), was " + maxSize);
		}
	}

}
