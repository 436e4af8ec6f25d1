package io.keyreview.secrets;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Redacts secrets in structured (JSON) log lines as the text pattern does: every string
 * value, the message and any key-value pair, is passed through {@link SecretRedactor}.
 */
public class RedactingJsonMembers implements StructuredLoggingJsonMembersCustomizer<Object> {

	@Override
	public void customize(JsonWriter.Members<Object> members) {
		members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, SecretRedactor::redact));
	}

}
