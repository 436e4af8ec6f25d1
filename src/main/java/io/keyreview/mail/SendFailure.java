package io.keyreview.mail;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;

/**
 * Whether a failed send can ever succeed. An address no server takes, or a 5xx reply,
 * never will: the message is parked. No connection, or a 4xx reply, may pass: the message
 * is retried.
 */
final class SendFailure {

	private SendFailure() {
	}

	static boolean isPermanent(Throwable failure) {
		List<Throwable> causes = causes(failure);
		if (causes.stream().anyMatch(SendFailure::setupAtFault)) {
			return false;
		}
		for (Throwable cause : causes) {
			Integer replyCode = replyCode(cause);
			if (replyCode != null) {
				if (replyCode >= 500) {
					return true;
				}
			}
			else if (cause instanceof AddressException || cause instanceof MailParseException) {
				return true;
			}
		}
		return false;
	}

	/** One line: the server's reply where there is one, else the innermost cause. */
	static String reason(Throwable failure) {
		List<Throwable> causes = causes(failure);
		Throwable reason = causes.stream()
			.filter((cause) -> replyCode(cause) != null)
			.reduce((first, second) -> second)
			.orElse(causes.get(causes.size() - 1));
		String message = (reason.getMessage() != null) ? reason.getMessage().strip().replaceAll("\\s+", " ") : "";
		return reason.getClass().getSimpleName() + ": " + message;
	}

	/**
	 * The server refused the sender or wants authentication: no message is at fault, and
	 * every one stays in the outbox until the settings are fixed.
	 */
	private static boolean setupAtFault(Throwable cause) {
		Integer replyCode = replyCode(cause);
		return cause instanceof SMTPSenderFailedException
				|| (replyCode != null && (replyCode == 530 || replyCode == 535));
	}

	private static Integer replyCode(Throwable cause) {
		if (cause instanceof SMTPAddressFailedException failed) {
			return failed.getReturnCode();
		}
		if (cause instanceof SMTPSendFailedException failed) {
			return failed.getReturnCode();
		}
		if (cause instanceof SMTPSenderFailedException failed) {
			return failed.getReturnCode();
		}
		return null;
	}

	/** The failure and everything it wraps, outermost first. */
	private static List<Throwable> causes(Throwable failure) {
		List<Throwable> causes = new ArrayList<>();
		Deque<Throwable> pending = new ArrayDeque<>(List.of(failure));
		while (!pending.isEmpty() && causes.size() < 50) {
			Throwable next = pending.removeFirst();
			if (causes.contains(next)) {
				continue;
			}
			causes.add(next);
			if (next instanceof MailSendException send) {
				pending.addAll(List.of(send.getMessageExceptions()));
			}
			if (next instanceof MessagingException messaging && messaging.getNextException() != null) {
				pending.add(messaging.getNextException());
			}
			if (next.getCause() != null) {
				pending.add(next.getCause());
			}
		}
		return causes;
	}

}
