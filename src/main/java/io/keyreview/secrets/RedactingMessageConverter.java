package io.keyreview.secrets;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Redacts every log message on its way out. Inputs are redacted when they land, so this
 * is the second line of defence: a secret that reached a log call anyway is still never
 * written.
 */
public class RedactingMessageConverter extends MessageConverter {

	@Override
	public String convert(ILoggingEvent event) {
		return SecretRedactor.redact(super.convert(event));
	}

}
