package io.keyreview.mail;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import jakarta.mail.internet.InternetAddress;
import io.keyreview.answers.Answer;
import io.keyreview.answers.AnswerCheck;
import io.keyreview.answers.AnswerLinks;
import io.keyreview.answers.AnswerLinks.Signed;
import io.keyreview.answers.Answers;
import io.keyreview.answers.AnswersSettings;
import io.keyreview.review.Decision;
import io.keyreview.secrets.SecretRedactor;
import io.keyreview.support.Identities;
import io.keyreview.support.Sha256;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the answers mailbox over IMAP: each message whose subject carries a signed answer
 * link, sent by the addressee the link was made for (or by one who may answer for them: a
 * delegate, the key's backup owner, the security owner), is checked and recorded, its
 * sender gets a receipt, and it moves to the {@code processed} folder. Everything else
 * (an automatic reply, a delivery status notification, a message too large, without a
 * valid link or from another sender) moves to {@code refused}, its reason recorded as a
 * reject of the answers source, and is never answered. A batch's answers are committed
 * before its messages move, so a crash in between records nothing twice when the messages
 * are read again.
 */
class AnswerMailbox {

	private static final Logger logger = LoggerFactory.getLogger(AnswerMailbox.class);

	private static final int BATCH = 50;

	private static final int MAX_REASON = 2000;

	private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]{1,300}>");

	private final AnswersSettings.Mailbox settings;

	private final AnswerLinks links;

	private final AnswerCheck check;

	private final Answers answers;

	private final Receipts receipts;

	private final Outbox outbox;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	AnswerMailbox(AnswersSettings.Mailbox settings, AnswerLinks links, AnswerCheck check, Answers answers,
			Receipts receipts, Outbox outbox, TransactionTemplate ownTransaction, Clock clock) {
		this.settings = settings;
		this.links = links;
		this.check = check;
		this.answers = answers;
		this.receipts = receipts;
		this.outbox = outbox;
		this.ownTransaction = ownTransaction;
		this.clock = clock;
	}

	/** What one reading did. */
	record Read(int recorded, int refused) {

	}

	/**
	 * The mailbox cannot be reached or read; nothing was lost, the next night reads it.
	 */
	static class Unreachable extends Exception {

		Unreachable(String message, Throwable cause) {
			super(message, cause);
		}

	}

	Read read(LocalDate runDate) throws Unreachable {
		Store store = null;
		try {
			store = Session.getInstance(properties()).getStore(this.settings.protocol());
			store.connect(this.settings.host(), this.settings.port(), this.settings.username(),
					this.settings.password());
			Folder inbox = store.getFolder(this.settings.folder());
			inbox.open(Folder.READ_WRITE);
			Folder processed = existing(store, this.settings.processed());
			Folder refused = existing(store, this.settings.refused());
			Message[] messages = inbox.getMessages();
			int recorded = 0;
			int refusedCount = 0;
			for (int from = 0; from < messages.length; from += BATCH) {
				List<Handled> batch = new ArrayList<>();
				for (int i = from; i < Math.min(messages.length, from + BATCH); i++) {
					batch.add(handleOrRefuse(messages[i], runDate));
				}
				recorded += this.ownTransaction.execute((status) -> record(batch, runDate));
				refusedCount += (int) batch.stream().filter((handled) -> !handled.recordedAny()).count();
				move(inbox, batch, processed, refused);
			}
			inbox.close(true);
			return new Read(recorded, refusedCount);
		}
		catch (MessagingException ex) {
			throw new Unreachable("The answers mailbox " + this.settings + " cannot be read (" + SendFailure.reason(ex)
					+ "): the answers sent to it wait there for the next night", ex);
		}
		finally {
			close(store);
		}
	}

	private int record(List<Handled> batch, LocalDate runDate) {
		List<Answer> accepted = batch.stream()
			.flatMap((handled) -> handled.attempts().stream())
			.map(Attempt::answer)
			.filter((answer) -> answer != null)
			.toList();
		int recorded = this.answers.record(accepted, runDate);
		for (Handled handled : batch) {
			if (handled.refusals() != null) {
				this.receipts.recordRefusal(runDate, handled);
			}
			this.receipts.add(handled, runDate);
		}
		return recorded;
	}

	/**
	 * What a message turned out to be: the answers it gave (none when its sender cannot
	 * be told from anyone else), or a refusal with its reason.
	 */
	record Handled(Message message, String messageId, @Nullable String sender, @Nullable String subject,
			List<Attempt> attempts, @Nullable String refusal) {

		/** Whether it recorded an answer: then it is filed as processed. */
		boolean recordedAny() {
			return this.attempts.stream().anyMatch((attempt) -> attempt.answer() != null);
		}

		/** Why it, or some of its answers, could not be recorded; null when all were. */
		@Nullable String refusals() {
			if (this.refusal != null) {
				return this.refusal;
			}
			List<String> refused = this.attempts.stream()
				.filter((attempt) -> attempt.refusal() != null)
				.map((attempt) -> (this.attempts.size() == 1) ? attempt.refusal()
						: attempt.what() + ": " + attempt.refusal())
				.toList();
			return refused.isEmpty() ? null : String.join("; ", refused);
		}

		@Nullable String firstKeyId() {
			return this.attempts.isEmpty() ? null : this.attempts.get(0).keyId();
		}

	}

	/** One answer a message gave: recorded, or refused with the reason. */
	record Attempt(String cycle, String keyId, Decision decision, @Nullable Answer answer, @Nullable String refusal) {

		String what() {
			return this.decision.code() + " for " + this.keyId + ", " + this.cycle;
		}

	}

	/**
	 * A message that cannot even be read is refused too: it must not block the mailbox.
	 */
	private Handled handleOrRefuse(Message message, LocalDate runDate) throws MessagingException {
		try {
			return handle(message, runDate);
		}
		catch (FolderClosedException | StoreClosedException mailboxGone) {
			throw mailboxGone;
		}
		catch (MessagingException | RuntimeException ex) {
			logger.debug("An answer could not be read", ex);
			return refused(message, "unreadable " + runDate + " #" + message.getMessageNumber(), null, null,
					"cannot be read (" + SendFailure.reason(ex) + ")");
		}
	}

	private Handled handle(Message message, LocalDate runDate) throws MessagingException {
		String messageId = messageId(message);
		String sender = sender(message);
		String subject = message.getSubject();
		String automatic = automatic(message, sender);
		if (automatic != null) {
			return refused(message, messageId, sender, subject, automatic);
		}
		if (message.getSize() > this.settings.maxSize().toBytes()) {
			return refused(message, messageId, sender, subject, "is " + message.getSize() + " bytes, more than the "
					+ this.settings.maxSize() + " an answer may have");
		}
		if (sender == null) {
			return refused(message, messageId, null, subject, "has no single sender");
		}
		Optional<Signed> signed = AnswerLinks.signedIn(subject);
		if (signed.isEmpty()) {
			return plainReply(message, messageId, sender, subject, runDate);
		}
		if (!this.links.verifies(signed.get(), sender)
				&& this.check.linksUsableBy(signed.get().cycle(), signed.get().keyId(), sender)
					.stream()
					.noneMatch((addressee) -> this.links.verifies(signed.get(), addressee))) {
			return refused(message, messageId, sender, subject,
					"its answer link was not made for " + sender + " or was altered");
		}
		Signed answer = signed.get();
		String reason = MessageText.reasonIn(message, MAX_REASON);
		return new Handled(message, messageId, sender, subject,
				List.of(attempt(answer.cycle(), answer.keyId(), answer.decision(), reason, sender, messageId, runDate)),
				null);
	}

	/**
	 * A reply to a digest that {@code sender} was sent (by its In-Reply-To or
	 * References), its answers matched line by line (PlainReply).
	 */
	private Handled plainReply(Message message, String messageId, String sender, @Nullable String subject,
			LocalDate runDate) throws MessagingException {
		Optional<String> cycle = this.outbox.cycleOfDigestTo(sender, repliedTo(message));
		if (cycle.isEmpty()) {
			return refused(message, messageId, sender, subject,
					"carries no answer link in its subject and is no reply to a digest sent to " + sender);
		}
		PlainReply.Match match = PlainReply.match(MessageText.ownLines(message),
				this.check.itemsAddressedTo(cycle.get(), sender));
		if (match.answers().isEmpty()) {
			String ambiguities = match.ambiguities().isEmpty() ? ""
					: " unambiguously (" + String.join("; ", match.ambiguities()) + ")";
			return refused(message, messageId, sender, subject, "replies to the digest of " + cycle.get()
					+ " but names no key of it with a decision" + ambiguities);
		}
		List<Attempt> attempts = match.answers()
			.stream()
			.map((matched) -> attempt(cycle.get(), matched.keyId(), matched.decision(), abridged(matched.reason()),
					sender, messageId, runDate))
			.toList();
		return new Handled(message, messageId, sender, subject, attempts, null);
	}

	private Attempt attempt(String cycle, String keyId, Decision decision, @Nullable String reason, String sender,
			String messageId, LocalDate runDate) {
		String refusal = this.check.refusal(cycle, keyId, decision, reason, sender, runDate);
		if (refusal != null) {
			return new Attempt(cycle, keyId, decision, null, refusal);
		}
		return new Attempt(cycle, keyId, decision,
				new Answer(cycle, keyId, decision, (reason != null) ? SecretRedactor.redact(reason) : null, sender,
						this.clock.instant(), "mail", messageId),
				null);
	}

	/** The Message-IDs a message replies to: its In-Reply-To and References. */
	private static List<String> repliedTo(Message message) throws MessagingException {
		List<String> ids = new ArrayList<>();
		for (String header : List.of("In-Reply-To", "References")) {
			String[] values = message.getHeader(header);
			for (String value : (values != null) ? values : new String[0]) {
				Matcher id = MESSAGE_ID.matcher(value);
				while (id.find() && ids.size() < 50) {
					ids.add(id.group());
				}
			}
		}
		return ids;
	}

	private static @Nullable String abridged(@Nullable String reason) {
		return (reason != null && reason.length() > MAX_REASON) ? reason.substring(0, MAX_REASON) : reason;
	}

	private static Handled refused(Message message, String messageId, @Nullable String sender, @Nullable String subject,
			String reason) {
		return new Handled(message, messageId, sender, subject, List.of(), reason);
	}

	/**
	 * Why a message is automatic (RFC 3834's {@code Auto-Submitted} other than
	 * {@code no}, a delivery status notification), or null.
	 */
	private static @Nullable String automatic(Message message, @Nullable String sender) throws MessagingException {
		String[] autoSubmitted = message.getHeader("Auto-Submitted");
		if (autoSubmitted != null && autoSubmitted.length > 0
				&& !autoSubmitted[0].strip().toLowerCase(Locale.ROOT).startsWith("no")) {
			return "is an automatic message (Auto-Submitted: " + autoSubmitted[0].strip() + ")";
		}
		String type = String.valueOf(message.getContentType()).toLowerCase(Locale.ROOT);
		String local = (sender != null) ? sender.substring(0, sender.indexOf('@')) : "";
		if (type.startsWith("multipart/report") || local.equals("mailer-daemon") || local.equals("postmaster")) {
			return "is a delivery status notification";
		}
		return null;
	}

	private static String messageId(Message message) throws MessagingException {
		String[] ids = message.getHeader("Message-ID");
		if (ids != null && ids.length > 0 && !ids[0].isBlank()) {
			String id = ids[0].strip();
			return (id.length() <= 300) ? id : "sha256:" + Sha256.hex(id);
		}
		return "sha256:" + Sha256.hex(String.valueOf(message.getSentDate()) + "\n" + message.getSubject() + "\n"
				+ String.valueOf(sender(message)));
	}

	private static @Nullable String sender(Message message) throws MessagingException {
		Address[] from = message.getFrom();
		if (from == null || from.length != 1 || !(from[0] instanceof InternetAddress address)) {
			return null;
		}
		String normalised = Identities.normalise(address.getAddress());
		return (normalised != null && normalised.indexOf('@') > 0) ? normalised : null;
	}

	private static Folder existing(Store store, String name) throws MessagingException {
		Folder folder = store.getFolder(name);
		if (!folder.exists() && !folder.create(Folder.HOLDS_MESSAGES)) {
			throw new MessagingException("the folder " + name + " cannot be created");
		}
		return folder;
	}

	private static void move(Folder inbox, List<Handled> batch, Folder processed, Folder refused)
			throws MessagingException {
		Message[] done = batch.stream().filter(Handled::recordedAny).map(Handled::message).toArray(Message[]::new);
		Message[] others = batch.stream()
			.filter((handled) -> !handled.recordedAny())
			.map(Handled::message)
			.toArray(Message[]::new);
		if (done.length > 0) {
			inbox.copyMessages(done, processed);
		}
		if (others.length > 0) {
			inbox.copyMessages(others, refused);
		}
		for (Handled handled : batch) {
			handled.message().setFlag(Flags.Flag.DELETED, true);
		}
		inbox.expunge();
	}

	private Properties properties() {
		Properties properties = new Properties();
		String protocol = this.settings.protocol();
		properties.put("mail." + protocol + ".connectiontimeout", "10000");
		properties.put("mail." + protocol + ".timeout", "30000");
		properties.put("mail." + protocol + ".writetimeout", "30000");
		return properties;
	}

	private static void close(@Nullable Store store) {
		if (store != null) {
			try {
				store.close();
			}
			catch (MessagingException ex) {
				logger.debug("The answers mailbox closed badly", ex);
			}
		}
	}

}
