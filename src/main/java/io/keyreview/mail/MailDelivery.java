package io.keyreview.mail;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

/**
 * Delivers the outbox one message at a time: each send is retried with backoff, then the
 * message stays in the outbox for the next run.
 */
public class MailDelivery {

	private static final Logger logger = LoggerFactory.getLogger(MailDelivery.class);

	private final Outbox outbox;

	private final MailTransport transport;

	private final MailSettings settings;

	private final Sender sender;

	private final Clock clock;

	private final RetryTemplate retryTemplate;

	MailDelivery(Outbox outbox, MailTransport transport, MailSettings settings, Sender sender, Clock clock) {
		this.outbox = outbox;
		this.transport = transport;
		this.settings = settings;
		this.sender = sender;
		this.clock = clock;
		this.retryTemplate = new RetryTemplate(RetryPolicy.builder()
			.maxRetries(settings.retries())
			.delay(settings.backoff())
			.multiplier(2)
			.maxDelay(settings.maxBackoff())
			.build());
	}

	public enum Outcome {

		SENT, FAILED, NOTHING_LEFT

	}

	/** Sends the next unsent message; the caller commits its transaction after each. */
	public Outcome deliverNext() {
		Optional<OutboxMessage> next = this.outbox.nextUnsent();
		if (next.isEmpty()) {
			return Outcome.NOTHING_LEFT;
		}
		OutboxMessage message = next.get();
		try {
			this.retryTemplate.execute(() -> {
				this.transport.send(message, this.sender);
				return null;
			});
			this.outbox.markSent(message.messageId(), this.clock.instant());
			return Outcome.SENT;
		}
		catch (RetryException ex) {
			String reason = sentence(ex);
			this.outbox.recordFailure(message.messageId(), this.settings.retries() + 1, reason);
			logger.warn("Mail to {} could not be delivered through {} after {} attempt(s): {}", message.recipient(),
					this.transport, this.settings.retries() + 1, reason);
			return Outcome.FAILED;
		}
	}

	private static String sentence(Throwable failure) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

}
