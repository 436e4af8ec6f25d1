package io.keyreview.mail;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

import io.keyreview.support.Retries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.retry.RetryException;

/**
 * Delivers the outbox a batch at a time: the next messages in delivery order, dealt out
 * over {@code keyreview.mail.connections} connections that send at once, each message
 * marked sent in its own transaction as soon as the server accepted it, so a failure in
 * the middle of a batch never sends a message twice. A send that fails for a passing
 * reason (no connection, a 4xx reply) is retried with backoff, then the message stays in
 * the outbox for the next run and delivery stops; one that can never succeed (an address
 * no server takes, a 5xx reply) is parked with its reason, the messages after it go on,
 * and the security owner is told once.
 */
public class MailDelivery {

	/**
	 * Set in the job's context when the answers mailbox could not be read: like mail left
	 * in the outbox, the run ends with exit code 4.
	 */
	public static final String ANSWERS_MAILBOX_UNREACHABLE = "answersMailboxUnreachable";

	private static final Logger logger = LoggerFactory.getLogger(MailDelivery.class);

	private final Outbox outbox;

	private final MailTransport transport;

	private final MailSettings settings;

	private final Sender sender;

	private final String security;

	private final Clock clock;

	private final Retries retries;

	private final Executor senders;

	MailDelivery(Outbox outbox, MailTransport transport, MailSettings settings, Sender sender, String security,
			Clock clock, Executor senders) {
		this.outbox = outbox;
		this.senders = senders;
		this.transport = transport;
		this.settings = settings;
		this.sender = sender;
		this.security = security;
		this.clock = clock;
		this.retries = new Retries(settings.retries(), settings.backoff(), settings.maxBackoff(),
				(failure) -> !SendFailure.isPermanent(failure));
	}

	/**
	 * What one batch did.
	 *
	 * @param sent the messages delivered
	 * @param parked the messages that can never be delivered
	 * @param more whether messages may be left to deliver: false when the outbox had no
	 * more, or a message failed for a passing reason and stays for the next run
	 */
	public record Batch(int sent, int parked, boolean more) {

		Batch plus(Batch other) {
			return new Batch(this.sent + other.sent, this.parked + other.parked, this.more && other.more);
		}

	}

	/**
	 * Sends the next batch of unsent messages; the caller's transaction holds no mark,
	 * each message is marked in a transaction of its own. When a connection fails, the
	 * others finish their share before the failure is thrown.
	 */
	public Batch deliverBatch() {
		List<String> batch = this.outbox.nextUnsent(this.settings.batchSize());
		if (batch.isEmpty()) {
			return new Batch(0, 0, false);
		}
		List<List<String>> shares = shares(batch, this.settings.connections());
		Batch delivered = (shares.size() == 1) ? deliverOverOneConnection(batch) : deliverAtOnce(shares);
		return new Batch(delivered.sent(), delivered.parked(),
				delivered.more() && batch.size() == this.settings.batchSize());
	}

	private Batch deliverAtOnce(List<List<String>> shares) {
		List<CompletableFuture<Batch>> sending = shares.stream()
			.map((share) -> CompletableFuture.supplyAsync(() -> deliverOverOneConnection(share), this.senders))
			.toList();
		Batch delivered = new Batch(0, 0, true);
		RuntimeException failure = null;
		for (CompletableFuture<Batch> share : sending) {
			try {
				delivered = delivered.plus(share.join());
			}
			catch (CompletionException ex) {
				failure = (failure != null) ? failure : unwrapped(ex);
			}
		}
		if (failure != null) {
			throw failure;
		}
		return delivered;
	}

	private Batch deliverOverOneConnection(List<String> messageIds) {
		int sent = 0;
		int parked = 0;
		try (MailTransport.Connection connection = this.transport.connect()) {
			for (String messageId : messageIds) {
				OutboxMessage message = this.outbox.message(messageId);
				switch (deliver(connection, message)) {
					case SENT -> sent++;
					case PARKED -> parked++;
					case FAILED -> {
						return new Batch(sent, parked, false);
					}
				}
			}
		}
		return new Batch(sent, parked, true);
	}

	/** The messages dealt out in order among at most {@code connections} shares. */
	private static List<List<String>> shares(List<String> messageIds, int connections) {
		int count = Math.min(connections, messageIds.size());
		List<List<String>> shares = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			shares.add(new ArrayList<>());
		}
		for (int i = 0; i < messageIds.size(); i++) {
			shares.get(i % count).add(messageIds.get(i));
		}
		return shares;
	}

	private static RuntimeException unwrapped(CompletionException ex) {
		Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
		if (cause instanceof Error error) {
			throw error;
		}
		return (cause instanceof RuntimeException runtime) ? runtime
				: new IllegalStateException("Sending mail failed", cause);
	}

	private enum Outcome {

		SENT, PARKED, FAILED

	}

	private Outcome deliver(MailTransport.Connection connection, OutboxMessage message) {
		try {
			send(connection, message);
			this.outbox.markSent(message.messageId(), this.clock.instant());
			return Outcome.SENT;
		}
		catch (RetryException ex) {
			Throwable failure = ex.getLastException();
			String reason = SendFailure.reason(failure);
			int attempts = ex.getExceptions().size();
			if (SendFailure.isPermanent(failure)) {
				this.outbox.park(message.messageId(), attempts, reason, this.clock.instant());
				logger.warn("Mail to {}{} can never be delivered ({}); it is parked and the security owner told",
						message.recipient(), (message.cc() != null) ? " (cc " + message.cc() + ")" : "", reason);
				return Outcome.PARKED;
			}
			this.outbox.recordFailure(message.messageId(), attempts, reason);
			logger.warn("Mail to {} could not be delivered through {} after {} attempt(s): {}", message.recipient(),
					this.transport, attempts, reason);
			return Outcome.FAILED;
		}
	}

	/**
	 * Tells the security owner, in one message, of the messages parked since they were
	 * last told; when that message cannot be sent for a passing reason, the next run
	 * tries again.
	 */
	public void tellSecurityOfParked() {
		List<ParkedMessage> parked = this.outbox.parkedSecurityWasNotToldOf();
		if (parked.isEmpty()) {
			return;
		}
		try (MailTransport.Connection connection = this.transport.connect()) {
			send(connection, notice(parked));
		}
		catch (RetryException ex) {
			String reason = SendFailure.reason(ex.getLastException());
			if (!SendFailure.isPermanent(ex.getLastException())) {
				logger.warn("The security owner {} could not be told of {} parked message(s) ({}); the next run tries "
						+ "again", this.security, parked.size(), reason);
				return;
			}
			logger.error("The security owner {} cannot be told of {} parked message(s): {}", this.security,
					parked.size(), reason);
		}
		this.outbox.markSecurityTold(parked, this.clock.instant());
	}

	private void send(MailTransport.Connection connection, OutboxMessage message) throws RetryException {
		this.retries.call(() -> {
			connection.send(message, this.sender);
			return null;
		});
	}

	private OutboxMessage notice(List<ParkedMessage> parked) {
		String ids = parked.stream().map(ParkedMessage::messageId).collect(Collectors.joining("|"));
		String messageId = OutboxMessage.messageId("parked", ids, this.settings.domain());
		String subject = "[keyreview] " + parked.size()
				+ ((parked.size() == 1) ? " message could not be delivered" : " messages could not be delivered");
		String text = "keyreview could not deliver these messages and will not try them again:\n\n"
				+ parked.stream().map((message) -> "* " + message.describe() + "\n").collect(Collectors.joining())
				+ "\nEach address comes from owners.yaml, a policy or the HR export: correct it there, and the next "
				+ "review cycle\nis mailed to the corrected address. `keyreview status` lists the parked messages.\n\n"
				+ "-- keyreview, the AI API access review\n";
		return OutboxMessage.notice(messageId, "parked", this.security, subject, text);
	}

}
