package io.keyreview.policy;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads policy and directory YAML: snake_case keys, unknown keys ignored, numbers exact.
 */
final class PolicyYaml {

	private static final YAMLMapper MAPPER = YAMLMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private PolicyYaml() {
	}

	static <T> T read(YamlDocument document, Class<T> type) throws JacksonException {
		T value = MAPPER.readValue(document.text(), type);
		if (value == null) {
			throw new IllegalArgumentException("holds no YAML document");
		}
		return value;
	}

	/** A one-line reason for a parse failure, with the line it happened on. */
	static String reason(JacksonException ex) {
		return ex.getOriginalMessage()
			.lines()
			.map(String::strip)
			.filter((line) -> !line.isEmpty())
			.findFirst()
			.orElse("not YAML");
	}

	static long line(JacksonException ex) {
		return (ex.getLocation() != null) ? Math.max(1, ex.getLocation().getLineNr()) : 1;
	}

}
