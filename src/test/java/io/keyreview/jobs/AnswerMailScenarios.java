package io.keyreview.jobs;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.keyreview.jobs.ReviewJobScenarios.Digest;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers by e-mail, end to end over GreenMail's SMTP and IMAP: the monthly's digests
 * carry signed answer links, a test client "clicks" them (sends the message a mail client
 * would open), and the next nightly reads the answers mailbox, records each valid answer
 * once, refuses the rest with their reasons, moves every message out of the inbox and
 * sends receipts.
 */
@TestPropertySource(properties = { "spring.mail.host=127.0.0.1", "spring.mail.port=3025", "keyreview.mail.retries=1",
		"keyreview.mail.backoff=10ms", "keyreview.mail.max-backoff=20ms",
		"keyreview.answers.address=answers@example.com",
		"keyreview.answers.secret=test-answers-secret-not-for-production", "keyreview.answers.mailbox.host=127.0.0.1",
		"keyreview.answers.mailbox.port=3143", "keyreview.answers.mailbox.protocol=imap",
		"keyreview.answers.mailbox.username=answers@example.com",
		"keyreview.answers.mailbox.password=test-imap-password-fake", "keyreview.answers.mailbox.max-size=60KB" })
abstract class AnswerMailScenarios extends MonthlyAnswerScenarios {

	private static final Pattern MAILTO = Pattern
		.compile("mailto:answers@example\\.com\\?subject=([^&\\s]+)&body=\\S*");

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP_IMAP)
		.withConfiguration(GreenMailConfiguration.aConfig()
			.withUser("answers@example.com", "answers@example.com", "test-imap-password-fake"));

	@TestBean(methodName = "settableClock")
	Clock clock;

	static Clock settableClock() {
		return new SettableClock(Instant.parse("2026-12-02T02:30:00Z"));
	}

	@BeforeEach
	void aMonthlyReviewOfNovemberMailedWithAnswerLinks() throws Exception {
		givenInputs("basic");
		assertThat(nightly(NightlyJobScenarios.NIGHT)).isEqualTo(ExitCode.DONE);
		assertThat(monthly("2026-11")).isEqualTo(ExitCode.DONE);
	}

	@Test
	void recordsEachValidAnswerOnceRefusesTheRestAndSendsReceipts() throws Exception {
		String keepAlpha = linkSubject("ann@example.com", "keep alpha-prod 2026-11");
		String disableDelta = linkSubject("ann@example.com", "disable delta-prod 2026-11");
		String deleteDelta = linkSubject("ann@example.com", "delete delta-prod 2026-11");
		String escalateGhost = linkSubject("security@example.com", "escalate ghost-key 2026-11");
		String narrowDelta = linkSubject("ann@example.com", "narrow delta-prod 2026-11");
		assertThat(linkSubjects("ann@example.com")).as("every decision for each of Ann's two keys").hasSize(14);

		send(message("ann@example.com", keepAlpha, "Reason: still in use by support\n\n> quoted digest"),
				"<click-1@ann.example.com>");
		send(message("ann@example.com", keepAlpha, "Reason: still in use by support"), "<click-1@ann.example.com>");
		send(htmlOnly("ann@example.com", "Re: " + disableDelta,
				"<p>Reason: <b>nobody</b> uses it</p><blockquote>the digest</blockquote>"),
				"<click-2@ann.example.com>");
		send(latin1("security@example.com", escalateGhost, "Reason: Prüfung läuft"), "<click-3@sec.example.com>");
		send(message("ann@example.com", deleteDelta, ""), "<click-4@ann.example.com>");
		send(message("mallory@example.com", keepAlpha, "Reason: trust me"), "<forged-1@mallory.example.com>");
		send(message("ann@example.com", tampered(keepAlpha), "Reason: tampered"), "<tampered-1@ann.example.com>");
		send(message("ann@example.com", keepAlpha.replace("keep alpha-prod", "keep delta-prod"), "Reason: replay"),
				"<replay-1@ann.example.com>");
		MimeMessage outOfOffice = message("ann@example.com", "Re: " + keepAlpha, "I am out of the office");
		outOfOffice.setHeader("Auto-Submitted", "auto-replied");
		send(outOfOffice, "<ooo-1@ann.example.com>");
		send(message("ann@example.com", keepAlpha, "Reason: " + "x".repeat(100_000)), "<huge-1@ann.example.com>");
		java.nio.file.Files.writeString(INPUTS.resolve("owners.yaml"),
				"delegates: {ann@example.com: [deputy@example.com]}\n", java.nio.file.StandardOpenOption.APPEND);
		send(message("deputy@example.com", narrowDelta, "Reason: covering for Ann"), "<delegate-1@deputy.example.com>");

		assertThat(nightly(ANSWER_NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(answers()).containsExactlyInAnyOrder(
				"2026-11:alpha-prod:keep:still in use by support:" + "ann@example.com:mail:<click-1@ann.example.com>",
				"2026-11:delta-prod:disable:nobody uses it the digest:ann@example.com:mail:<click-2@ann.example.com>",
				"2026-11:ghost-key:escalate:Prüfung läuft:security@example.com:mail:<click-3@sec.example.com>",
				"2026-11:delta-prod:narrow:covering for Ann:deputy@example.com:mail:<delegate-1@deputy.example.com>");
		assertThat(this.jdbc
			.queryForList("SELECT input_file, reason FROM rejected_row WHERE source = 'answers' ORDER BY input_file"))
			.extracting((row) -> row.get("input_file") + " " + row.get("reason"))
			.containsExactly(
					"mailbox <click-4@ann.example.com> the message an answer other than the proposed narrow needs a "
							+ "reason",
					"mailbox <forged-1@mallory.example.com> the message its answer link was not made for "
							+ "mallory@example.com or was altered",
					"mailbox <huge-1@ann.example.com> the message is " + sizeOf("<huge-1@ann.example.com>")
							+ " bytes, more than the 61440B an answer may have",
					"mailbox <ooo-1@ann.example.com> the message is an automatic message (Auto-Submitted: "
							+ "auto-replied)",
					"mailbox <replay-1@ann.example.com> the message its answer link was not made for "
							+ "ann@example.com or was altered",
					"mailbox <tampered-1@ann.example.com> the message its answer link was not made for "
							+ "ann@example.com or was altered");
		assertThat(folder("INBOX")).isEmpty();
		assertThat(folder("processed")).containsExactlyInAnyOrder("<click-1@ann.example.com>",
				"<click-1@ann.example.com>", "<click-2@ann.example.com>", "<click-3@sec.example.com>",
				"<delegate-1@deputy.example.com>");
		assertThat(folder("refused")).hasSize(6);
		assertThat(receivedSubjects()).containsExactlyInAnyOrder(
				"ann@example.com [keyreview] recorded: keep for alpha-prod, 2026-11",
				"ann@example.com [keyreview] recorded: disable for delta-prod, 2026-11",
				"ann@example.com [keyreview] not recorded: delete for delta-prod, 2026-11",
				"security@example.com [keyreview] recorded: escalate for ghost-key, 2026-11",
				"deputy@example.com [keyreview] recorded: narrow for delta-prod, 2026-11");
		assertThat(
				this.jdbc.queryForList("SELECT CONCAT(subject, text_body, html_body) FROM mail_outbox", String.class))
			.as("the signing secret never leaves keyreview")
			.noneMatch((message) -> message.contains("test-answers-secret-not-for-production"));
		assertThat(java.nio.file.Files.readAllLines(OUT.resolve("worklists/worklist-2026-11.csv")))
			.anySatisfy((line) -> assertThat(line).startsWith("2026-11,alpha-prod,")
				.endsWith(",keep,still in use by support,ann@example.com,2026-12-02T02:30:00Z,mail,done,2026-12-02"));
	}

	@Test
	void anAnswerReadAgainAfterACrashBeforeItMovedIsRecordedAndAnsweredOnce() throws Exception {
		send(message("ann@example.com", linkSubject("ann@example.com", "keep alpha-prod 2026-11"), "Reason: fine"),
				"<click-1@ann.example.com>");
		assertThat(nightly(ANSWER_NIGHT)).isEqualTo(ExitCode.DONE);
		List<String> recorded = answers();
		copyBackToTheInbox("processed");

		assertThat(nightly(ANSWER_NIGHT.plusDays(1))).isEqualTo(ExitCode.DONE);

		assertThat(answers()).isEqualTo(recorded).hasSize(1);
		assertThat(receivedSubjects()).as("one receipt, sent the first night")
			.containsExactly("ann@example.com [keyreview] recorded: keep for alpha-prod, 2026-11");
		assertThat(folder("INBOX")).isEmpty();
	}

	@Test
	void aPlainReplyToADigestAnswersEachKeyItNamesWithADecision() throws Exception {
		String digest = this.jdbc.queryForObject(
				"SELECT message_id FROM mail_outbox WHERE cycle = '2026-11' AND recipient = 'ann@example.com'",
				String.class);
		send(reply("ann@example.com", digest, """
				alpha-prod: keep, still used by support
				delta-prod - disable, nobody has used it since September

				On Tue, 1 Dec 2026 at 02:30, keyreview wrote:
				> * delta (delta-prod, production)
				>   Decision: narrow, and escalate ghost-key
				"""), "<reply-1@ann.example.com>");
		send(reply("ann@example.com", digest, "keep alpha-prod and delta-prod\n"), "<reply-2@ann.example.com>");
		send(reply("mallory@example.com", digest, "alpha-prod: delete\n"), "<reply-3@mallory.example.com>");

		assertThat(nightly(ANSWER_NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(answers()).containsExactly(
				"2026-11:alpha-prod:keep:still used by support:ann@example.com:mail:<reply-1@ann.example.com>",
				"2026-11:delta-prod:disable:nobody has used it since September:ann@example.com:mail:"
						+ "<reply-1@ann.example.com>");
		assertThat(this.jdbc
			.queryForList("SELECT input_file, reason FROM rejected_row WHERE source = 'answers' ORDER BY input_file"))
			.extracting((row) -> row.get("input_file") + " " + row.get("reason"))
			.containsExactly(
					"mailbox <reply-2@ann.example.com> the message replies to the digest of 2026-11 but names no key "
							+ "of it with a decision unambiguously (the line 'keep alpha-prod and delta-prod' names 2 "
							+ "keys)",
					"mailbox <reply-3@mallory.example.com> the message carries no answer link in its subject and is "
							+ "no reply to a digest sent to mallory@example.com");
		assertThat(folder("processed")).containsExactly("<reply-1@ann.example.com>");
		assertThat(folder("refused")).containsExactlyInAnyOrder("<reply-2@ann.example.com>",
				"<reply-3@mallory.example.com>");
		assertThat(receivedSubjects())
			.containsExactly("ann@example.com [keyreview] 2 answer(s) recorded, 0 not recorded, 2026-11");
	}

	private static MimeMessage reply(String from, String digestMessageId, String text) throws Exception {
		MimeMessage reply = message(from, "Re: [keyreview] Monthly key review 2026-11", text);
		reply.setHeader("In-Reply-To", digestMessageId);
		reply.setHeader("References", digestMessageId);
		return reply;
	}

	/** The subject of the answer link for {@code answer} in the digest to {@code to}. */
	private String linkSubject(String to, String answer) throws Exception {
		return linkSubjects(to).stream()
			.filter((subject) -> subject.startsWith("keyreview answer: " + answer + " [kr:"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no link for " + answer + " in the digest to " + to));
	}

	private List<String> linkSubjects(String to) throws Exception {
		List<String> subjects = new ArrayList<>();
		for (MimeMessage message : greenMail.getReceivedMessages()) {
			Digest digest = Digest.of(message);
			if (!digest.to().equals(to) || !digest.subject().startsWith("[keyreview] Monthly key review 2026-11")) {
				continue;
			}
			Matcher links = MAILTO.matcher(digest.text());
			while (links.find()) {
				subjects.add(URLDecoder.decode(links.group(1), StandardCharsets.UTF_8));
			}
			assertThat(digest.html()).contains("href=\"mailto:answers@example.com?subject");
			return subjects;
		}
		throw new AssertionError("no monthly digest to " + to);
	}

	private static Session session() {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", "3025");
		return Session.getInstance(properties);
	}

	private static MimeMessage message(String from, String subject, String text) throws Exception {
		MimeMessage message = new MimeMessage(session());
		message.setFrom(new InternetAddress(from));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress("answers@example.com"));
		message.setSubject(subject, "UTF-8");
		message.setText(text, "UTF-8");
		return message;
	}

	private static MimeMessage htmlOnly(String from, String subject, String html) throws Exception {
		MimeMessage message = message(from, subject, "");
		message.setText(html, "UTF-8", "html");
		return message;
	}

	private static MimeMessage latin1(String from, String subject, String text) throws Exception {
		MimeMessage message = message(from, subject, "");
		message.setText(text, "ISO-8859-1");
		return message;
	}

	/**
	 * Sends as a mail client would, keeping the Message-ID (a copy sent twice keeps it).
	 */
	private static void send(MimeMessage message, String messageId) throws Exception {
		message.saveChanges();
		message.setHeader("Message-ID", messageId);
		try (Transport transport = session().getTransport("smtp")) {
			transport.connect();
			transport.sendMessage(message, message.getAllRecipients());
		}
	}

	/** The subject with its signature's first character changed. */
	private static String tampered(String subject) {
		int at = subject.indexOf("[kr:") + 4;
		char first = subject.charAt(at);
		return subject.substring(0, at) + ((first == 'A') ? 'B' : 'A') + subject.substring(at + 1);
	}

	private List<String> folder(String name) throws Exception {
		try (Store store = imap()) {
			Folder folder = store.getFolder(name);
			if (!folder.exists()) {
				return List.of();
			}
			folder.open(Folder.READ_ONLY);
			List<String> ids = new ArrayList<>();
			for (Message message : folder.getMessages()) {
				ids.add(message.getHeader("Message-ID")[0]);
			}
			folder.close(false);
			return ids;
		}
	}

	private int sizeOf(String messageId) throws Exception {
		try (Store store = imap()) {
			Folder folder = store.getFolder("refused");
			folder.open(Folder.READ_ONLY);
			for (Message message : folder.getMessages()) {
				if (message.getHeader("Message-ID")[0].equals(messageId)) {
					return message.getSize();
				}
			}
			throw new AssertionError(messageId + " is not in refused");
		}
	}

	/** As if the run had crashed after recording the answers but before moving them. */
	private void copyBackToTheInbox(String name) throws Exception {
		try (Store store = imap()) {
			Folder folder = store.getFolder(name);
			folder.open(Folder.READ_ONLY);
			folder.copyMessages(folder.getMessages(), store.getFolder("INBOX"));
			folder.close(false);
		}
	}

	private static Store imap() throws Exception {
		Store store = Session.getInstance(new Properties()).getStore("imap");
		store.connect("127.0.0.1", 3143, "answers@example.com", "test-imap-password-fake");
		return store;
	}

	private List<String> receivedSubjects() throws Exception {
		List<String> subjects = new ArrayList<>();
		for (MimeMessage message : greenMail.getReceivedMessages()) {
			if (message.getSubject().startsWith("[keyreview] recorded:")
					|| message.getSubject().startsWith("[keyreview] not recorded:")
					|| message.getSubject().contains(" answer(s) recorded, ")) {
				subjects.add(message.getHeader("To")[0] + " " + message.getSubject());
			}
		}
		return subjects;
	}

}
