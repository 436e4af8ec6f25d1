package io.keyreview.jobs;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.keyreview.review.Addressee;
import io.keyreview.review.ReviewItem;
import io.keyreview.run.Cycle;
import io.keyreview.worklist.WorklistItems;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly and quarterly reviews and the nightly event mail, delivered over real SMTP
 * to GreenMail, run the same way on every database. Two messages per batch, so that the
 * three digests of a month take two.
 */
@TestPropertySource(properties = { "spring.mail.host=127.0.0.1", "spring.mail.port=3025", "keyreview.mail.retries=2",
		"keyreview.mail.backoff=10ms", "keyreview.mail.max-backoff=20ms", "keyreview.mail.batch-size=2" })
abstract class ReviewJobScenarios extends JobTestSupport {

	static final String HOSTILE_ALIAS = "=1+2 <script>alert('x')</script> & co";

	static final String SCRIPT_ADDRESS = "<script>alert(1)</script>@x.com";

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

	@Autowired
	WorklistItems worklist;

	@TestBean(methodName = "settableClock")
	Clock clock;

	static Clock settableClock() {
		return new SettableClock(Instant.parse("2026-12-01T06:00:00Z"));
	}

	@Test
	void monthlyBuildsTheWorkListMailsEachOwnerAndWritesTheFinanceFile() throws Exception {
		givenANightWithAHostileAlias();

		assertThat(monthly("2026-11")).isEqualTo(ExitCode.DONE);

		assertThat(this.jdbc.queryForList("SELECT key_id, decision, findings, due_date FROM worklist_item "
				+ "WHERE cycle = '2026-11' ORDER BY key_id"))
			.extracting((row) -> row.get("key_id") + ":" + row.get("decision") + ":" + row.get("findings") + ":"
					+ row.get("due_date"))
			.containsExactly("alpha-prod:keep:null:2026-12-14", "delta-prod:narrow:broad-scope:2026-12-14",
					"ghost-key:escalate:unattributable:2026-12-14");
		List<String> worklistFile = Files.readAllLines(OUT.resolve("worklists/worklist-2026-11.csv"));
		assertThat(worklistFile.get(0)).isEqualTo("cycle,key_id,alias,environment,decision,findings,evidence,"
				+ "recipients,due_date,owner,last_used_at,requests,failed_requests,spend_usd,monthly_budget_usd,"
				+ "new_routes,answer,reason,answered_by,answered_at,channel,status,closed_on");
		assertThat(worklistFile).hasSize(4)
			.anySatisfy((line) -> assertThat(line).startsWith("2026-11,alpha-prod,'=1+2 <script>")
				.contains("ann@example.com (cc team-a@example.com)")
				.endsWith(",team_a,2026-11-19T10:00:00Z,16,1,1.223456912468,400.5,,,,,,,open,"));

		Map<String, Digest> digests = digestsByRecipient();
		assertThat(digests).containsOnlyKeys("ann@example.com", "security@example.com", "finance@example.com");
		Digest ann = digests.get("ann@example.com");
		assertThat(ann.cc()).isEqualTo("team-a@example.com");
		assertThat(ann.subject()).isEqualTo("[keyreview] Monthly key review 2026-11: 2 keys: 1 narrow, 1 keep");
		assertThat(ann.messageId()).matches("<keyreview\\.2026-11\\.[0-9a-f]{32}@example\\.com>");
		assertThat(ann.text()).contains("* " + HOSTILE_ALIAS + " (alpha-prod, production)")
			.contains("Spend: $1.22 against a monthly budget of $400.50")
			.contains("You receive this as: business owner team_a, technical owner")
			.contains("* delta (delta-prod, production)\n  Decision: narrow, due 2026-12-14")
			.contains("  - broad-scope: route(s) support-prod unused in 90 days");
		assertThat(ann.html())
			.contains("<strong>&#x3D;1+2 &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co</strong>")
			.doesNotContain("<script>")
			.contains("<strong>broad-scope</strong>: route(s) support-prod unused in 90 days");
		assertThat(digests.get("security@example.com").text())
			.contains("  - unattributable: 4 request(s) costing $2.50 from 2026-11-15 to 2026-11-15 under key id "
					+ "ghost-key, which no gateway inventory lists");

		List<String> finance = Files.readAllLines(OUT.resolve("finance/finance-2026-11.csv"));
		assertThat(finance)
			.contains("2026-11,key,alpha-prod,'" + HOSTILE_ALIAS + ",gateway,production,finops,400.50,1.22,,,no")
			.contains("2026-11,unattributed,ghost-key,,gateway,,,,2.50,,,")
			.last()
			.isEqualTo("2026-11,control_total,,,,,,,3.75,,,");
		assertThat(new BigDecimal(finance.get(finance.size() - 1).split(",")[8]))
			.isEqualTo(usageCostIn("2026-11").setScale(2, RoundingMode.HALF_EVEN));
		Path financeFile = OUT.resolve("finance/finance-2026-11.csv");
		assertThat(OUT.resolve("finance/finance-2026-11.csv.sha256")).hasContent(
				HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(financeFile)))
						+ "  finance-2026-11.csv");
	}

	@Test
	void eachDigestCarriesTheHeadersAndStructureMailSystemsExpect() throws Exception {
		givenANightWithAHostileAlias();

		assertThat(monthly("2026-11")).isEqualTo(ExitCode.DONE);

		assertThat(greenMail.getReceivedMessages()).isNotEmpty().allSatisfy((message) -> {
			InternetAddress from = (InternetAddress) message.getFrom()[0];
			assertThat(from.getPersonal()).isEqualTo("keyreview");
			assertThat(from.getAddress()).isEqualTo("keyreview@example.com");
			assertThat(message.getReplyTo()).extracting(Object::toString).containsExactly("security@example.com");
			assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");
			assertThat(message.getContentType()).startsWith("multipart/alternative;");
			Multipart alternative = (Multipart) message.getContent();
			assertThat(alternative.getCount()).isEqualTo(2);
			assertThat(List.of(alternative.getBodyPart(0), alternative.getBodyPart(1))).extracting(
					(part) -> part.getContentType().replaceAll(";.*", "") + " " + ((MimeBodyPart) part).getEncoding())
				.containsExactly("text/plain quoted-printable", "text/html quoted-printable");
			assertThat(GreenMailUtil.getWholeMessage(message).split("\r\n"))
				.allSatisfy((line) -> assertThat(line).hasSizeLessThanOrEqualTo(78));
		});
		Digest security = digestsByRecipient().get("security@example.com");
		assertThat(security.text()).contains("* ghost-key (unknown environment)\n")
			.contains("  Spend: $2.50, no monthly budget\n")
			.doesNotContain("budget of no budget");
		assertThat(security.html()).contains("$2.50 / no monthly budget").doesNotContain("<strong>ghost-key</strong>");
		assertThat(security.keyIds()).containsExactly("ghost-key");
	}

	@Test
	void anUnlistedKeyIdSeenInTwoUsageFilesIsOneWorkListItemNamingBothSources() throws Exception {
		givenInputs("basic");
		givenInputFile("usage/openai.csv", "key_id,timestamp,requests,cost_usd\nghost-key,2026-11-20T08:00:00Z,1,1\n");
		assertThat(nightly(NightlyJobScenarios.NIGHT)).isEqualTo(ExitCode.DONE);
		greenMail.reset();

		assertThat(monthly("2026-11")).isEqualTo(ExitCode.DONE);

		assertThat(this.jdbc.queryForList(
				"SELECT key_id, findings FROM worklist_item WHERE cycle = '2026-11' AND key_id = 'ghost-key'"))
			.extracting((row) -> row.get("key_id") + ":" + row.get("findings"))
			.containsExactly("ghost-key:unattributable");
		assertThat(digestsByRecipient().get("security@example.com").text())
			.contains("  - unattributable: 5 request(s) costing $3.50 from 2026-11-15 to 2026-11-20 under key id "
					+ "ghost-key, which no gateway or openai inventory lists");
		assertThat(Files.readAllLines(OUT.resolve("finance/finance-2026-11.csv")))
			.contains("2026-11,unattributed,ghost-key,,gateway;openai,,,,3.50,,,");
	}

	@Test
	void noRecipientEverSeesAKeyThatIsNotTheirs() throws Exception {
		givenInputs("basic");
		assertThat(nightly(NightlyJobScenarios.NIGHT)).isEqualTo(ExitCode.DONE);
		assertThat(monthly("2026-11")).isEqualTo(ExitCode.DONE);
		assertThat(quarterly("2026-Q4")).isEqualTo(ExitCode.DONE);

		for (String cycle : List.of("events-2026-11-21", "2026-11", "2026-Q4")) {
			List<ReviewItem> items = this.worklist.of(Cycle.of(cycleParameters(cycle)));
			for (Digest digest : digests(cycle)) {
				Set<String> theirs = items.stream()
					.filter((item) -> item.recipients()
						.stream()
						.anyMatch((addressee) -> addressee.to().equals(digest.to())
								&& java.util.Objects.equals(addressee.cc(), digest.cc())))
					.map(ReviewItem::keyId)
					.collect(Collectors.toCollection(TreeSet::new));
				assertThat(digest.keyIds()).as(cycle + " digest to " + digest.to()).isNotEmpty().isEqualTo(theirs);
			}
			Set<String> addressed = items.stream()
				.flatMap((item) -> item.recipients().stream())
				.map(Addressee::to)
				.collect(Collectors.toSet());
			assertThat(digests(cycle)).extracting(Digest::to).containsExactlyInAnyOrderElementsOf(addressed);
		}
	}

	@Test
	void theNightMailsItsEventsToOwnersAndSecurityOnce() throws Exception {
		givenInputs("basic");

		assertThat(nightly(NightlyJobScenarios.NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(this.jdbc.queryForList(
				"SELECT key_id FROM worklist_item WHERE cycle = 'events-2026-11-21' ORDER BY key_id", String.class))
			.containsExactly("beta-staging");
		assertThat(digests("events-2026-11-21")).extracting(Digest::to)
			.containsExactlyInAnyOrder("ann@example.com", "security@example.com");
		assertThat(digestsByRecipient().get("ann@example.com").text())
			.contains("  - owner-left: bob@example.com (inventory owner, creator, key not rotated since) left on "
					+ "2026-10-01")
			.contains(
					"You receive this as: business owner team_a, technical owner, manager of bob@example.com, who left");
	}

	@Test
	void theNextNightMailsAFirstUseAndANewOutsidePolicyFindingOnce() throws Exception {
		givenInputs("basic");
		assertThat(nightly(NightlyJobScenarios.NIGHT)).isEqualTo(ExitCode.DONE);
		givenInputs("basic-next-night");
		givenInputFile("usage/late.csv",
				"key_id,timestamp,route,model,provider\nalpha-prod,2026-11-21T08:00:00Z,support-prod,gpt-4.1,azure\n");
		greenMail.reset();

		assertThat(nightly(NightlyJobScenarios.NEXT_NIGHT)).isEqualTo(ExitCode.DONE);

		Map<String, Object> alpha = this.jdbc.queryForMap(
				"SELECT findings, details FROM worklist_item WHERE cycle = 'events-2026-11-22' AND key_id = 'alpha-prod'");
		assertThat(alpha.get("findings"))
			.as("azure is a provider alpha-prod did not use in the 28 days before: an anomaly")
			.isEqualTo("outside-policy;broad-scope;rotation-overdue;anomaly;release");
		assertThat((String) alpha.get("details")).contains("\"events\":\"anomaly;outside-policy\"")
			.contains("\"first_used_tonight\":\"model gpt-4.1;provider azure\"");
		assertThat(digestsByRecipient().get("ann@example.com").text())
			.contains("  - outside-policy: holds scope(s) the policy denies: admin_api; "
					+ "used model(s) outside the allowed model groups (support-models): gpt-4.1")
			.contains("  - release: first use of model gpt-4.1, provider azure");
	}

	@Test
	void aRerunAfterAFailureBetweenMessagesSendsEachDigestExactlyOnce() throws Exception {
		givenANightWithAHostileAlias();
		greenMail.reset();
		this.failureInjector.failOnceBefore("deliverMail", 1);

		assertThat(monthly("2026-11")).isEqualTo(ExitCode.FAILED);
		assertThat(greenMail.getReceivedMessages()).extracting(this::messageId).doesNotHaveDuplicates().hasSize(2);
		assertThat(count("SELECT COUNT(*) FROM mail_outbox WHERE cycle = '2026-11' AND sent_at IS NULL")).isEqualTo(1);

		assertThat(monthly("2026-11")).isEqualTo(ExitCode.DONE);

		assertEachDigestDeliveredOnce("2026-11", 3);
	}

	@Test
	void aFailureAfterABatchWentOutAndBeforeItsTransactionCommittedSendsNothingTwice() throws Exception {
		givenANightWithAHostileAlias();
		greenMail.reset();
		this.failureInjector.failOnce("deliverMail", 0);

		assertThat(monthly("2026-11")).isEqualTo(ExitCode.FAILED);
		assertThat(greenMail.getReceivedMessages()).extracting(this::messageId).doesNotHaveDuplicates().hasSize(2);
		assertThat(count("SELECT COUNT(*) FROM mail_outbox WHERE cycle = '2026-11' AND sent_at IS NULL")).isEqualTo(1);

		assertThat(monthly("2026-11")).isEqualTo(ExitCode.DONE);

		assertEachDigestDeliveredOnce("2026-11", 3);
	}

	@Test
	void withSmtpDownTheRunExitsFourAndTheNextRunDeliversEachDigestOnce() throws Exception {
		givenANightWithAHostileAlias();
		greenMail.stop();

		assertThat(monthly("2026-11")).isEqualTo(ExitCode.MAIL_UNDELIVERED);
		assertThat(count("SELECT COUNT(*) FROM mail_outbox WHERE cycle = '2026-11' AND sent_at IS NULL")).isEqualTo(3);
		assertThat(
				this.jdbc.queryForList("SELECT attempts FROM mail_outbox WHERE last_error IS NOT NULL", Integer.class))
			.as("the first batch's two messages, each tried three times over a connection of its own")
			.containsExactly(3, 3);

		greenMail.start();
		assertThat(monthly("2026-11")).isEqualTo(ExitCode.DONE);
		assertThat(monthly("2026-11")).isEqualTo(ExitCode.DONE);

		assertEachDigestDeliveredOnce("2026-11", 3);
	}

	@Test
	void aBadAddressIsRejectedWhereItIsLoadedAndEveryoneElseIsMailed() throws Exception {
		givenInputs("basic");
		replaceIn("owners.yaml", "mailbox: team-a@example.com", "mailbox: \"" + SCRIPT_ADDRESS + "\"");
		replaceIn("people/hr.csv",
				"carl@example.com,P3,Carl Cole,active,contractor,2026-12-31T00:00:00Z,ann@example.com",
				"carl@example.com,P3,Carl Cole,active,contractor,2026-12-31T00:00:00Z,ann@example.com>");
		replaceIn("policies/gamma-dev.yaml", "technical: ann@example.com", "technical: ann@@example.com");

		assertThat(nightly(NightlyJobScenarios.NIGHT)).isEqualTo(ExitCode.DONE);
		assertThat(monthly("2026-11")).isEqualTo(ExitCode.DONE);

		assertThat(this.jdbc.queryForList("SELECT input_file, line, reason FROM rejected_row ORDER BY input_file"))
			.extracting((row) -> row.get("input_file") + ":" + row.get("line") + " " + row.get("reason"))
			.containsExactly(
					"directory/owners.yaml:2 group team_a: mailbox '" + SCRIPT_ADDRESS
							+ "' is not an e-mail address; the group is loaded without it",
					"people/hr.csv:4 manager_email 'ann@example.com>' is not an e-mail address",
					"policies/gamma-dev.yaml:2 owners.technical 'ann@@example.com' is not an e-mail address");
		assertThat(count("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL")).isZero();
		assertThat(digestsByRecipient().get("ann@example.com").cc()).isNull();
		assertThat(greenMail.getReceivedMessages())
			.allSatisfy((message) -> assertThat(message.getAllRecipients()).extracting(Object::toString)
				.allMatch((address) -> address.endsWith("@example.com")));
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aMessageThatCanNeverBeDeliveredIsParkedTheRestGoOutAndSecurityIsToldOnce(CapturedOutput output)
			throws Exception {
		givenANightWithAHostileAlias();
		greenMail.stop();
		assertThat(monthly("2026-11")).isEqualTo(ExitCode.MAIL_UNDELIVERED);
		this.jdbc.update("UPDATE mail_outbox SET cc = ? WHERE recipient = 'ann@example.com'", SCRIPT_ADDRESS);
		greenMail.start();

		assertThat(monthly("2026-11")).isEqualTo(ExitCode.DONE);
		assertThat(monthly("2026-11")).isEqualTo(ExitCode.DONE);

		assertThat(this.jdbc.queryForList("SELECT recipient, last_error FROM mail_outbox WHERE parked_at IS NOT NULL"))
			.singleElement()
			.satisfies((row) -> {
				assertThat(row.get("recipient")).isEqualTo("ann@example.com");
				assertThat((String) row.get("last_error")).startsWith("AddressException: ");
			});
		assertThat(count("SELECT COUNT(*) FROM mail_outbox WHERE cycle = '2026-11' AND sent_at IS NOT NULL"))
			.isEqualTo(2);
		List<Digest> notices = digests("parked");
		assertThat(notices).singleElement().satisfies((notice) -> {
			assertThat(notice.to()).isEqualTo("security@example.com");
			assertThat(notice.subject()).isEqualTo("[keyreview] 1 message could not be delivered");
			assertThat(notice.text()).contains("* to ann@example.com (cc " + SCRIPT_ADDRESS + "), 2026-11: ")
				.contains("AddressException");
		});
		assertThat(output).contains("monthlyJob for 2026-11 has already completed; delivered 2 message(s) kept from "
				+ "the last run, parked 1 that can never be delivered");

		assertThat(this.commandLine.execute(new DefaultApplicationArguments("status"))).isEqualTo(ExitCode.DONE);

		assertThat(output)
			.containsPattern("2026-11 +3 digest\\(s\\): 2 delivered \\(last [0-9T:Z-]+\\), 0 waiting, 1 parked")
			.contains("parked: to ann@example.com (cc " + SCRIPT_ADDRESS + "), 2026-11: AddressException");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "buildWorklist", "exportWorklist", "exportFinance", "composeDigests" })
	void aMonthlyRunResumesAfterAFailureInAnyStepWithNothingLostOrDuplicated(String step) throws Exception {
		givenANightWithAHostileAlias();
		assertThat(monthly("2026-11")).isEqualTo(ExitCode.DONE);
		Map<String, List<String>> uninterrupted = applicationTables();
		String worklistFile = Files.readString(OUT.resolve("worklists/worklist-2026-11.csv"));
		String financeFile = Files.readString(OUT.resolve("finance/finance-2026-11.csv"));
		emptyDatabaseAndWorkFolder();
		givenANightWithAHostileAlias();
		this.failureInjector.failOnce(step, 0);

		assertThat(monthly("2026-11")).isEqualTo(ExitCode.FAILED);
		assertThat(monthly("2026-11")).isEqualTo(ExitCode.DONE);

		assertThat(applicationTables()).isEqualTo(uninterrupted);
		assertThat(OUT.resolve("worklists/worklist-2026-11.csv")).hasContent(worklistFile);
		assertThat(OUT.resolve("finance/finance-2026-11.csv")).hasContent(financeFile);
		assertEachDigestDeliveredOnce("2026-11", 3);
	}

	@Test
	void aQuarterlyRunResumesAfterAFailureInItsOffboardingTestWithNothingLostOrDuplicated() throws Exception {
		givenANightWithAHostileAlias();
		assertThat(quarterly("2026-Q4")).isEqualTo(ExitCode.DONE);
		Map<String, List<String>> uninterrupted = applicationTables();
		String offboarding = Files.readString(OUT.resolve("reports/offboarding-2026-Q4.csv"));
		emptyDatabaseAndWorkFolder();
		givenANightWithAHostileAlias();
		this.failureInjector.failOnce("reportOffboarding", 0);

		assertThat(quarterly("2026-Q4")).isEqualTo(ExitCode.FAILED);
		assertThat(quarterly("2026-Q4")).isEqualTo(ExitCode.DONE);

		assertThat(applicationTables()).isEqualTo(uninterrupted);
		assertThat(OUT.resolve("reports/offboarding-2026-Q4.csv")).hasContent(offboarding);
		assertThat(offboarding).contains("bob@example.com,Bob Brown,employee,2026-10-01,beta-staging");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "2026-11", "2026-Q4" })
	void aReviewRerunOnALaterDayPicksTheSameRecipientsAndOutboxRows(String period) throws Exception {
		Map<String, List<String>> firstDay = reviewOn(period, "2027-01-02T06:00:00Z");
		emptyDatabaseAndWorkFolder();

		Map<String, List<String>> laterDay = reviewOn(period, "2027-03-15T06:00:00Z");

		assertThat(laterDay.get("worklist_item")).isEqualTo(firstDay.get("worklist_item"));
		assertThat(laterDay).isEqualTo(firstDay);
		assertThat(firstDay.get("worklist_item")).anySatisfy((row) -> assertThat(row).contains("key_id=alpha-prod")
			.contains("{\"to\":\"ann@example.com\",\"cc\":\"team-a@example.com\""));
		assertThat(firstDay.get("mail_outbox"))
			.anySatisfy((row) -> assertThat(row).contains("recipient=ann@example.com")
				.contains("created_on=" + Cycle.period(period).lastDay()));
	}

	/**
	 * The nightly of 2026-11-21 and one review, run when the clock says; Ann leaves on
	 * 2027-02-01, after both periods end.
	 */
	private Map<String, List<String>> reviewOn(String period, String now) throws Exception {
		((SettableClock) this.clock).set(Instant.parse(now));
		givenInputs("basic");
		Path people = INPUTS.resolve("people/hr.csv");
		Files.writeString(people,
				Files.readString(people)
					.replace("ann@example.com,P1,Ann Adams,active,employee,,",
							"ann@example.com,P1,Ann Adams,terminated,employee,2027-02-01,"));
		assertThat(nightly(NightlyJobScenarios.NIGHT)).isEqualTo(ExitCode.DONE);
		assertThat(period.contains("Q") ? quarterly(period) : monthly(period)).isEqualTo(ExitCode.DONE);
		return applicationTables();
	}

	private void replaceIn(String input, String text, String replacement) throws IOException {
		Path file = INPUTS.resolve(input);
		String content = Files.readString(file);
		assertThat(content).contains(text);
		Files.writeString(file, content.replace(text, replacement));
	}

	private void givenANightWithAHostileAlias() throws IOException {
		givenInputs("basic");
		Path keys = INPUTS.resolve("keys/gateway.csv");
		Files.writeString(keys,
				Files.readString(keys).replace("alpha-prod,alpha,", "alpha-prod,\"" + HOSTILE_ALIAS + "\","));
		assertThat(nightly(NightlyJobScenarios.NIGHT)).isEqualTo(ExitCode.DONE);
		greenMail.reset();
	}

	private void assertEachDigestDeliveredOnce(String cycle, int digests) throws Exception {
		Map<String, Integer> copies = new HashMap<>();
		for (MimeMessage message : greenMail.getReceivedMessages()) {
			copies.merge(messageId(message), 1, Integer::sum);
		}
		List<Map<String, Object>> outbox = this.jdbc
			.queryForList("SELECT message_id, cc, sent_at FROM mail_outbox WHERE cycle = ?", cycle);
		assertThat(outbox).hasSize(digests).allSatisfy((row) -> {
			assertThat(row.get("sent_at")).isNotNull();
			assertThat(copies.get((String) row.get("message_id"))).as("copies, one per To and Cc")
				.isEqualTo((row.get("cc") != null) ? 2 : 1);
		});
		assertThat(copies).hasSize(digests);
	}

	private Map<String, Digest> digestsByRecipient() throws Exception {
		Map<String, Digest> digests = new HashMap<>();
		for (Digest digest : digests(null)) {
			digests.put(digest.to(), digest);
		}
		return digests;
	}

	/** The digests GreenMail received (one copy each), of one cycle or of all. */
	private List<Digest> digests(String cycle) throws Exception {
		Map<String, Digest> byId = new HashMap<>();
		for (MimeMessage message : greenMail.getReceivedMessages()) {
			Digest digest = Digest.of(message);
			if (cycle == null || digest.messageId().startsWith("<keyreview." + cycle + ".")) {
				byId.put(digest.messageId(), digest);
			}
		}
		return new ArrayList<>(byId.values());
	}

	private String messageId(MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private BigDecimal usageCostIn(String month) throws IOException {
		BigDecimal total = BigDecimal.ZERO;
		for (String line : Files.readAllLines(INPUTS.resolve("usage/gateway.csv")).subList(1, 8)) {
			String[] cells = line.split(",");
			if (cells[1].startsWith(month)) {
				total = total.add(new BigDecimal(cells[8]));
			}
		}
		return total;
	}

	private static org.springframework.batch.core.job.parameters.JobParameters cycleParameters(String cycle) {
		var parameters = new org.springframework.batch.core.job.parameters.JobParametersBuilder();
		return cycle.startsWith("events-")
				? parameters.addLocalDate("runDate", java.time.LocalDate.parse(cycle.substring(7))).toJobParameters()
				: parameters.addString(Cycle.PERIOD, cycle).toJobParameters();
	}

	/**
	 * One received digest, with its text and HTML parts and the key ids its text lists.
	 */
	record Digest(String messageId, String to, String cc, String subject, String text, String html,
			Set<String> keyIds) {

		/**
		 * "* alias (key id, environment)", or "* key id (environment)" without an alias.
		 */
		private static final Pattern KEY_LINE = Pattern
			.compile("(?m)^\\* (?:.* \\(([^,()]+), [^)]*\\)|([^ ]+) \\([^,()]*\\))$");

		static Digest of(MimeMessage message) throws Exception {
			Map<String, String> parts = new HashMap<>();
			collect(message, parts);
			String text = parts.get("text/plain");
			Set<String> keys = new TreeSet<>();
			Matcher matcher = KEY_LINE.matcher(text);
			while (matcher.find()) {
				keys.add((matcher.group(1) != null) ? matcher.group(1) : matcher.group(2));
			}
			String[] cc = message.getHeader("Cc");
			return new Digest(message.getMessageID(), message.getHeader("To")[0], (cc != null) ? cc[0] : null,
					message.getSubject(), text.replace("\r\n", "\n"), parts.get("text/html"), keys);
		}

		private static void collect(Part part, Map<String, String> parts) throws Exception {
			if (part.isMimeType("multipart/*")) {
				Multipart multipart = (Multipart) part.getContent();
				for (int i = 0; i < multipart.getCount(); i++) {
					BodyPart body = multipart.getBodyPart(i);
					collect(body, parts);
				}
			}
			else if (part.isMimeType("text/plain")) {
				parts.put("text/plain", (String) part.getContent());
			}
			else if (part.isMimeType("text/html")) {
				parts.put("text/html", (String) part.getContent());
			}
		}

	}

}
