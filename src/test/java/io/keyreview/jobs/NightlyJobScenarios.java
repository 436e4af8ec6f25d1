package io.keyreview.jobs;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.keyreview.intake.LandingManifest;
import io.keyreview.secrets.SecretRedactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** What the nightly job does, run the same way on every database it supports. */
@ExtendWith(OutputCaptureExtension.class)
abstract class NightlyJobScenarios extends JobTestSupport {

	static final LocalDate NIGHT = LocalDate.parse("2026-11-21");

	static final LocalDate NEXT_NIGHT = LocalDate.parse("2026-11-22");

	@Test
	void loadsEveryCanonicalInputIntoTheRegister() throws IOException {
		givenInputs("basic");

		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);

		Map<String, Object> alpha = this.jdbc.queryForMap("SELECT * FROM inventory_key WHERE key_id = 'alpha-prod'");
		assertThat(alpha).containsEntry("environment", "production")
			.containsEntry("owner", "team_a")
			.containsEntry("created_by", "ann@example.com")
			.containsEntry("input_file", "keys/gateway.csv");
		assertThat(text("SELECT scopes FROM inventory_key WHERE key_id = 'alpha-prod'"))
			.isEqualTo("model_request;usage_metadata_read");
		assertThat(localDateTime(alpha.get("created_at"))).isEqualTo(LocalDateTime.parse("2026-01-05T00:00:00"));
		assertThat((BigDecimal) alpha.get("monthly_budget_usd")).isEqualByComparingTo("500.125000001");
		assertThat(text("SELECT alias FROM inventory_key WHERE key_id = 'beta-staging'")).isEqualTo("Beta, staging");
		assertThat(text("SELECT allowed_models FROM inventory_key WHERE key_id = 'beta-staging'"))
			.isEqualTo("gpt-4o-mini");
		assertThat(text("SELECT alias FROM inventory_key WHERE key_id = 'gamma-dev'")).startsWith("Gamma")
			.contains("\n")
			.endsWith("second line");
		assertThat(localDateTime(this.jdbc
			.queryForObject("SELECT created_at FROM inventory_key WHERE key_id = 'gamma-dev'", Object.class)))
			.isEqualTo(LocalDateTime.parse("2026-01-31T22:00:00"));
		assertThat(text("SELECT environment FROM inventory_key WHERE key_id = 'epsilon-ci'")).isEqualTo("unknown");

		assertThat(this.jdbc.queryForList("SELECT email FROM person ORDER BY email", String.class))
			.containsExactly("ann@example.com", "bob@example.com", "carl@example.com");
		assertThat(this.jdbc.queryForObject("SELECT termination_date FROM person WHERE email = 'carl@example.com'",
				LocalDate.class))
			.isEqualTo("2026-12-31");

		Map<String, Object> betaPolicy = this.jdbc
			.queryForMap("SELECT * FROM key_policy WHERE key_id = 'beta-staging'");
		assertThat(betaPolicy).containsEntry("exception_approver", "ann@example.com")
			.containsEntry("input_file", "policies/beta-staging.yml");
		assertThat(text("SELECT routes_allowed FROM key_policy WHERE key_id = 'beta-staging'"))
			.isEqualTo("eval-staging");
		assertThat(text("SELECT scopes_deny FROM key_policy WHERE key_id = 'beta-staging'"))
			.isEqualTo("key_management;admin_api");
		assertThat(count("SELECT COUNT(*) FROM key_policy")).isEqualTo(4);
		assertThat(this.jdbc.queryForList("SELECT model FROM model_group_member ORDER BY model", String.class))
			.containsExactly("claude-3-5-haiku", "gpt-4o-mini");
		assertThat(text("SELECT accountable FROM owner_group WHERE name = 'team_a'")).isEqualTo("ann@example.com");

		Map<String, Object> day = this.jdbc.queryForMap("""
				SELECT requests, failed_requests, input_tokens, cost_usd FROM usage_daily
				WHERE key_id = 'alpha-prod' AND usage_day = '2026-11-02' AND model = 'gpt-4o-mini'""");
		assertThat(((Number) day.get("requests")).longValue()).isEqualTo(16);
		assertThat(((Number) day.get("failed_requests")).longValue()).isEqualTo(1);
		assertThat(((Number) day.get("input_tokens")).longValue()).isEqualTo(1600);
		assertThat((BigDecimal) day.get("cost_usd")).isEqualByComparingTo("1.223456912468");
		assertThat(count("SELECT COUNT(*) FROM usage_staging")).isZero();

		Map<String, Object> registered = this.jdbc
			.queryForMap("SELECT * FROM key_register WHERE key_id = 'alpha-prod'");
		assertThat((BigDecimal) registered.get("spend_month_usd")).isEqualByComparingTo("1.223456912468");
		assertThat((BigDecimal) registered.get("spend_90d_usd")).isEqualByComparingTo("1.473456912468");
		assertThat((BigDecimal) registered.get("monthly_budget_usd")).isEqualByComparingTo("400.50");
		assertThat(text("SELECT routes_seen_90d FROM key_register WHERE key_id = 'alpha-prod'"))
			.isEqualTo("support-prod");
		assertThat(text("SELECT models_seen_90d FROM key_register WHERE key_id = 'alpha-prod'"))
			.isEqualTo("claude-3-5-haiku;gpt-4o-mini");
		assertThat(registered).containsEntry("business_owner", "team_a").containsEntry("cost_owner", "finops");
		assertThat(((Number) registered.get("requests_90d")).longValue()).isEqualTo(18);
		assertThat(localDateTime(registered.get("last_used_at"))).isEqualTo(LocalDateTime.parse("2026-11-19T10:00:00"));
		assertThat(localDateTime(registered.get("last_rotated_at")))
			.isEqualTo(LocalDateTime.parse("2026-10-15T00:00:00"));
		assertThat(localDateTime(this.jdbc
			.queryForObject("SELECT last_used_at FROM key_register WHERE key_id = 'beta-staging'", Object.class)))
			.isEqualTo(LocalDateTime.parse("2026-11-10T08:00:00"));
		assertThat(count("SELECT requests_90d FROM key_register WHERE key_id = 'beta-staging'")).isEqualTo(3);
		assertThat(count("SELECT COUNT(*) FROM key_register WHERE has_policy = FALSE")).isEqualTo(1);

		assertThat(this.jdbc.queryForList("SELECT key_id, event FROM key_change ORDER BY key_id"))
			.extracting((row) -> row.get("key_id") + ":" + row.get("event"))
			.containsExactly("alpha-prod:created", "beta-staging:created", "delta-prod:created", "epsilon-ci:created",
					"gamma-dev:created");
		Map<String, Object> ghost = this.jdbc.queryForMap("SELECT * FROM unattributed_usage");
		assertThat(ghost).containsEntry("key_id", "ghost-key").containsEntry("source", "gateway");
		assertThat((BigDecimal) ghost.get("cost_usd")).isEqualByComparingTo("2.5");

		assertThat(OUT.resolve("register/register-2026-11-21.csv"))
			.hasSameTextualContentAs(Path.of("src/test/resources/nightly/basic-register-2026-11-21.csv"));
		assertThat(OUT.resolve("landing/2026-11-21/keys/.landed")).hasContent(landed("keys/gateway.csv", 7));
		assertThat(OUT.resolve("landing/2026-11-21/usage/.landed")).hasContent(landed("usage/gateway.csv", 8));
		assertThat(OUT.resolve("landing/2026-11-21/keys/gateway.csv"))
			.hasSameBinaryContentAs(INPUTS.resolve("keys/gateway.csv"));
	}

	@Test
	void aSpikeAgainstTheKeysOwnBaselineIsAnAnomalyMailedToSecurityTheNightItIsFirstFoundOnly() throws IOException {
		givenInputs("basic");
		StringBuilder history = eachDayBeforeTheNight("key_id,timestamp,route,model,provider,requests,cost_usd",
				"2026-10-23", (day, rows) -> {
					for (String hour : new String[] { "09", "11", "13", "15" }) {
						rows.append("alpha-prod,").append(day).append("T").append(hour);
						rows.append(":00:00Z,support-prod,gpt-4o-mini,openai,5,0.125\n");
					}
				});
		history.append("alpha-prod,2026-11-20T03:00:00Z,support-prod,gpt-4o-mini,openai,3000,90\n");
		givenInputFile("usage/history.csv", history.toString());

		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);
		assertThat(nightly(NIGHT.plusDays(1))).isEqualTo(ExitCode.DONE);

		assertThat(this.jdbc
			.queryForList("SELECT key_id, evidence, first_found FROM key_finding WHERE rule_id = 'anomaly'"))
			.singleElement()
			.satisfies((finding) -> {
				assertThat(finding.get("key_id")).isEqualTo("alpha-prod");
				assertThat((String) finding.get("evidence")).startsWith("requests on 2026-11-20: 30")
					.contains("against a 28-day median of 20 (threshold 500); spend on 2026-11-20: $9")
					.endsWith("; off-hours burst on 2026-11-20: 3000 request(s) at 03 UTC, hours in which it made "
							+ "none on its 28 day(s) of use in the 28 days before (threshold 100)");
				assertThat(finding.get("first_found").toString()).isEqualTo("2026-11-21");
			});
		assertThat(this.jdbc.queryForList("""
				SELECT i.cycle, r.recipient FROM worklist_item i
				JOIN worklist_recipient r ON r.cycle = i.cycle AND r.key_id = i.key_id
				WHERE i.key_id = 'alpha-prod' AND i.cycle LIKE 'events-%' ORDER BY i.cycle, r.recipient"""))
			.extracting((row) -> row.get("cycle") + " " + row.get("recipient"))
			.as("mailed the night it was first found, to security too; not the night after")
			.containsExactly("events-2026-11-21 ann@example.com", "events-2026-11-21 security@example.com");
	}

	@Test
	void aProviderOrAModelOutsideItsGroupsThatTheKeyNeverUsedBeforeIsAnAnomaly() throws IOException {
		givenInputs("basic");
		StringBuilder history = eachDayBeforeTheNight("key_id,timestamp,route,model,provider,requests,cost_usd",
				"2026-10-23", (day, rows) -> {
					rows.append("alpha-prod,")
						.append(day)
						.append("T09:00:00Z,support-prod,gpt-4o-mini,openai,20,0.50\n");
				});
		history.append("alpha-prod,2026-11-20T09:00:00Z,support-prod,gpt-4o-mini,openai,20,0.50\n")
			.append("alpha-prod,2026-11-20T09:10:00Z,support-prod,claude-3-5-haiku,anthropic,5,0.10\n")
			.append("alpha-prod,2026-11-20T09:20:00Z,support-prod,deepseek-r1,deepseek,7,0.20\n")
			.append("gamma-dev,2026-11-20T09:00:00Z,dev-playground,deepseek-r1,deepseek,9,0.20\n");
		givenInputFile("usage/history.csv", history.toString());

		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(this.jdbc.queryForList("SELECT key_id, anomalies FROM key_register WHERE anomalies IS NOT NULL"))
			.as("gamma-dev used nothing in the 28 days before, so nothing it uses is new yet")
			.singleElement()
			.satisfies((key) -> assertThat(key.get("key_id")).isEqualTo("alpha-prod"))
			.satisfies((key) -> assertThat(key.get("anomalies")).isEqualTo(
					"new provider anthropic on 2026-11-20: 5 request(s) of claude-3-5-haiku, unused by the key in the"
							+ " 28 days before; new provider deepseek on 2026-11-20: 7 request(s) of deepseek-r1, unused by"
							+ " the key in the 28 days before; new model deepseek-r1 (deepseek) on 2026-11-20: 7"
							+ " request(s), unused by the key in the 28 days before and outside its allowed models"));
		assertThat(
				this.jdbc.queryForObject("SELECT decision FROM key_register WHERE key_id = 'alpha-prod'", String.class))
			.as("outside-policy's narrow is stronger than the anomaly's escalate")
			.isEqualTo("narrow");
	}

	@Test
	void aClientAddressTheKeysBaselineNeverSawIsAnAnomalyAndAnAddressThatIsNoneIsRejected() throws IOException {
		givenInputs("basic");
		StringBuilder history = eachDayBeforeTheNight("key_id,timestamp,route,model,provider,requests,client_ip",
				"2026-10-31", (day, rows) -> {
					rows.append("alpha-prod,")
						.append(day)
						.append("T09:00:00Z,support-prod,gpt-4o-mini,openai,20,10.0.0.12\n");
				});
		history.append("alpha-prod,2026-11-20T09:00:00Z,support-prod,gpt-4o-mini,openai,20,10.0.0.12\n")
			.append("alpha-prod,2026-11-20T09:05:00Z,support-prod,gpt-4o-mini,openai,25,203.0.113.7\n")
			.append("alpha-prod,2026-11-20T09:06:00Z,support-prod,gpt-4o-mini,openai,5,2001:DB8::1\n")
			.append("alpha-prod,2026-11-20T09:07:00Z,support-prod,gpt-4o-mini,openai,5,not-an-address\n")
			.append("alpha-prod,2026-11-20T09:08:00Z,support-prod,gpt-4o-mini,openai,5," + "1:".repeat(23) + "1\n");
		givenInputFile("usage/clients.csv", history.toString());

		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(
				this.jdbc.queryForList("SELECT line, reason FROM rejected_row WHERE input_file = 'usage/clients.csv'"))
			.extracting((row) -> row.get("line") + " " + row.get("reason"))
			.containsExactly("25 client_ip 'not-an-address' is not an IPv4 or IPv6 address",
					"26 client_ip is longer than 45 characters");
		assertThat(this.jdbc.queryForList(
				"SELECT client_ip, requests FROM usage_client WHERE usage_day = '2026-11-20'" + " ORDER BY client_ip"))
			.extracting((row) -> row.get("client_ip") + " " + row.get("requests"))
			.containsExactly("10.0.0.12 20", "2001:db8::1 5", "203.0.113.7 25");
		assertThat(this.jdbc.queryForObject("SELECT anomalies FROM key_register WHERE key_id = 'alpha-prod'",
				String.class))
			.as("2001:db8::1 is new too, but below the floor of 20 requests")
			.isEqualTo("new client address(es) on 2026-11-20: 203.0.113.7 (25 request(s)), unseen on its 20 day(s)"
					+ " with known addresses in the 28 days before, which came from 1 address(es)");
	}

	@Test
	void anHourOrAnAddressIsNewOnlyAgainstABaselineThatShowsARhythmOfTheDayOrItsAddresses() throws IOException {
		givenInputs("basic");
		StringBuilder history = eachDayBeforeTheNight("key_id,timestamp,route,model,provider,requests,client_ip",
				"2026-10-23", (day, rows) -> {
					rows.append("alpha-prod,").append(day).append("T09:00:00Z,support-prod,gpt-4o-mini,openai,80,\n");
				});
		history.append("alpha-prod,2026-11-20T03:00:00Z,support-prod,gpt-4o-mini,openai,150,203.0.113.9\n");
		givenInputFile("usage/daily-totals.csv", history.toString());

		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(this.jdbc.queryForList("SELECT key_id FROM key_register WHERE anomalies IS NOT NULL"))
			.as("one row a day falls at any hour, and no day before named a client address")
			.isEmpty();
	}

	@Test
	void aPolicyValueOrADelegatesNameTooLongForItsColumnIsRejectedAndTheNightFinishes() throws IOException {
		givenInputs("basic");
		String longName = "g".repeat(400);
		givenInputFile("policies/alpha-prod.yaml", Files.readString(INPUTS.resolve("policies/alpha-prod.yaml"))
			.replace("finance: finops}", "finance: finops, backup: " + longName + "}"));
		givenInputFile("policies/gamma-dev.yaml", Files.readString(INPUTS.resolve("policies/gamma-dev.yaml"))
			.replaceFirst("service: [^,]+,", "service: " + "s".repeat(250) + ","));
		Files.writeString(INPUTS.resolve("owners.yaml"),
				"delegates:\n  " + longName + ": [deputy@example.com]\n  ann@example.com: [deputy@example.com]\n",
				java.nio.file.StandardOpenOption.APPEND);

		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(this.jdbc
			.queryForList("SELECT input_file, line, reason FROM rejected_row WHERE source IN ('policies', 'directory') "
					+ "ORDER BY input_file"))
			.extracting((row) -> row.get("input_file") + ":" + row.get("line") + " " + row.get("reason"))
			.containsExactly(
					"directory/owners.yaml:11 delegates: '" + "g".repeat(60)
							+ "…' is neither a group of owners.yaml nor an e-mail address; its delegates are left out",
					"policies/alpha-prod.yaml:2 owners.backup is longer than 300 characters",
					"policies/gamma-dev.yaml:4 workload.service is longer than 200 characters");
		assertThat(this.jdbc.queryForList("SELECT principal, delegate FROM owner_delegate"))
			.extracting((row) -> row.get("principal") + " " + row.get("delegate"))
			.containsExactly("ann@example.com deputy@example.com");
		assertThat(this.jdbc.queryForList("SELECT key_id FROM key_policy ORDER BY key_id", String.class))
			.containsExactly("beta-staging", "delta-prod");
	}

	@Test
	void reportsEachMismatchBetweenTheSourcesInTheCsvTheRunSummaryAndStatus(CapturedOutput output) throws IOException {
		givenInputs("basic");
		givenInputFile("policies/orphan-prod.yaml", "key_id: orphan-prod\nowners: {business: team_a}\n");
		givenInputFile("keys/second.csv", """
				key_id,alias,status,environment,source,owner,owner_type,created_by
				alpha-prod,alpha again,disabled,production,second,ann@example.com,user,ann@example.com
				zeta-prod,zeta,active,production,second,Stranger@example.com,user,nobody@example.com
				""");
		givenInputFile("people/okta.csv", """
				email,status,termination_date
				bob@example.com,active,
				ann@example.com,active,
				""");

		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(Files.readAllLines(OUT.resolve("reports/mismatches-2026-11-21.csv"))).containsExactly(
				"kind,key_id,person,source,other_source,detail",
				"key-without-policy,epsilon-ci,,gateway,policies,"
						+ "\"listed by gateway (keys/gateway.csv), covered by no policy file\"",
				"key-without-policy,zeta-prod,,second,policies,"
						+ "\"listed by second (keys/second.csv), covered by no policy file\"",
				"listed-twice,alpha-prod,,keys/second.csv,keys,\"key_id 'alpha-prod' is listed again (first in "
						+ "keys/gateway.csv line 2, which is kept), and differs from it: status disabled (kept: active), "
						+ "owner ann@example.com (kept: team_a)\"",
				"owner-unknown,zeta-prod,nobody@example.com,second,people,"
						+ "creator nobody@example.com is neither in HR nor a group of owners.yaml",
				"owner-unknown,zeta-prod,stranger@example.com,second,people,"
						+ "owner stranger@example.com is neither in HR nor a group of owners.yaml",
				"person-status-differs,,bob@example.com,people/okta.csv,people/hr.csv,"
						+ "\"people/hr.csv lists bob@example.com as terminated, people/okta.csv as active\"",
				"policy-without-key,orphan-prod,,policies,,policies/orphan-prod.yaml: no inventory lists the key",
				"usage-without-key,ghost-key,,gateway,keys,"
						+ "\"4 request(s), $2.50 from 2026-11-15 to 2026-11-15, for a key id no inventory lists\"");
		assertThat(OUT.resolve("reports/mismatches-2026-11-21.csv.sha256")).exists();
		assertThat(output).contains("mismatches between sources: 2 key-without-policy, 1 listed-twice, "
				+ "2 owner-unknown, 1 person-status-differs, 1 policy-without-key, 1 usage-without-key;");

		assertThat(this.commandLine.execute(new DefaultApplicationArguments("status"))).isEqualTo(ExitCode.DONE);
		assertThat(output).contains("mismatches between sources" + System.lineSeparator() + "  2026-11-21: 2 "
				+ "key-without-policy, 1 listed-twice, 2 owner-unknown, 1 person-status-differs, 1 policy-without-key, "
				+ "1 usage-without-key");
	}

	@Test
	void rejectsEachBadRowWithItsReasonAndLoadsTheGoodRowsAroundIt(CapturedOutput output) throws IOException {
		givenInputs("bad-rows");

		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(
				this.jdbc.queryForList("SELECT input_file, line, reason FROM rejected_row ORDER BY input_file, line"))
			.extracting((row) -> row.get("input_file") + ":" + row.get("line") + " " + row.get("reason"))
			.containsExactly("keys/gateway.csv:3 created_at '2026-13-45' is not an ISO 8601 date or time",
					"keys/gateway.csv:4 status 'paused' is not one of [active, deleted, disabled, expired, revoked]",
					"keys/gateway.csv:5 has 3 fields where the header has 6", "keys/gateway.csv:6 has no key_id",
					"keys/gateway.csv:8 key_id 'good-one' is listed again (first in keys/gateway.csv line 2, which is kept)",
					"people/people.csv:3 status 'gone' is not one of [active, leave, terminated]",
					"people/people.csv:4 email 'not-an-email' is not an e-mail address",
					"policies/broken.yaml:2 is not a valid policy: "
							+ text("SELECT reason FROM rejected_row WHERE input_file = 'policies/broken.yaml'")
								.substring("is not a valid policy: ".length()),
					"policies/no-key.yaml:1 has no key_id (or one longer than 128 characters)",
					"usage/gateway.csv:3 cost_usd '12,5x' is not a decimal number",
					"usage/gateway.csv:4 requests '-3' is negative", "usage/gateway.csv:5 has no timestamp",
					"usage/gateway.csv:6 failed_requests 5 is more than requests 2",
					"usage/gateway.csv:7 cost_usd '0.0000000000001' has more than 12 decimals");
		assertThat(this.jdbc.queryForList("SELECT key_id FROM inventory_key ORDER BY key_id", String.class))
			.containsExactly("good-one", "good-two");
		assertThat(this.jdbc.queryForList("SELECT email FROM person ORDER BY email", String.class))
			.containsExactly("ann@example.com", "bob@example.com");
		assertThat(this.jdbc.queryForList("SELECT key_id FROM key_policy", String.class)).containsExactly("good-one");
		assertThat(count("SELECT SUM(requests) FROM usage_daily")).isEqualTo(3);
		assertThat(Files.readAllLines(OUT.resolve("rejects/2026-11-21/keys.csv"))).hasSize(6)
			.contains("keys/gateway.csv,3,bad-date,created_at '2026-13-45' is not an ISO 8601 date or time,"
					+ "\"bad-date,alias,active,production,2026-13-45,team_a\"");
		assertThat(OUT.resolve("rejects/2026-11-21/usage.csv")).exists();
		assertThat(OUT.resolve("rejects/2026-11-21/people.csv")).exists();
		assertThat(OUT.resolve("rejects/2026-11-21/policies.csv")).exists();
		for (String step : List.of("loadKeys", "loadUsage", "loadPeople", "loadPolicies")) {
			Map<String, Object> counts = this.jdbc.queryForMap("""
					SELECT READ_COUNT + READ_SKIP_COUNT AS read_rows, WRITE_COUNT AS loaded,
					  READ_SKIP_COUNT + PROCESS_SKIP_COUNT + WRITE_SKIP_COUNT AS rejected
					FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = ?""", step);
			long read = ((Number) counts.get("read_rows")).longValue();
			assertThat(read).as(step + " read = loaded + rejected")
				.isEqualTo(((Number) counts.get("loaded")).longValue() + ((Number) counts.get("rejected")).longValue());
		}
		assertThat(output).contains("loadKeys: read 7 = loaded 2 + rejected 5")
			.contains("loadUsage: read 7 = loaded 2 + rejected 5")
			.containsPattern("loadKeys: \\d+ rows done \\(\\d+%\\), \\d+ rows/s")
			.contains("nightly 2026-11-21 completed")
			.contains("register export: target/test-work/out/register/register-2026-11-21.csv");
	}

	@Test
	void failsWithOneSentenceNamingTheFileWhenARequiredColumnIsMissing(CapturedOutput output) throws IOException {
		givenInputs("basic");
		givenInputFile("keys/gateway.csv", "alias,status\nalpha,active\n");

		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.FAILED);

		assertThat(output)
			.contains("loadKeys failed: keys/gateway.csv has no key_id column (its columns: alias, status)")
			.doesNotContain("\tat org.springframework");
		assertThat(count("SELECT COUNT(*) FROM inventory_key")).isZero();
	}

	@Test
	void failsWhenARequiredInputIsEmpty(CapturedOutput output) throws IOException {
		givenInputs("basic");
		givenInputFile("people/hr.csv", "");

		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.FAILED);

		assertThat(output).contains("hr.csv is empty, and people is a required input");
	}

	@Test
	void failsTheStepWhenBadRowsExceedTheSkipLimit(CapturedOutput output) throws IOException {
		givenInputs("basic");
		StringBuilder usage = new StringBuilder("key_id,timestamp,cost_usd\n");
		for (int i = 0; i < 11; i++) {
			usage.append("alpha-prod,2026-11-02T09:00:00Z,not-money\n");
		}
		givenInputFile("usage/gateway.csv", usage.toString());

		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.FAILED);

		assertThat(output).contains("loadUsage failed: too many bad rows");
		assertThat(count("SELECT COUNT(*) FROM key_register")).isZero();
	}

	@Test
	void neverWritesASecretToATableAFileOrALogLine(CapturedOutput output) throws IOException {
		givenInputs("secrets");
		List<String> secrets = secretsIn(INPUTS);
		assertThat(secrets).hasSizeGreaterThanOrEqualTo(5);

		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);

		String tables = applicationTables().toString();
		String outputs = contentsOf(OUT);
		for (String secret : secrets) {
			assertThat(tables).doesNotContain(secret);
			assertThat(outputs).doesNotContain(secret);
			assertThat(output.getAll()).doesNotContain(secret);
		}
		assertThat(this.jdbc.queryForList("""
				SELECT input_file, line, column_name, key_id, fingerprint FROM secret_exposure
				ORDER BY input_file, line, column_name"""))
			.extracting((row) -> row.get("input_file") + ":" + row.get("line") + ":" + row.get("column_name") + ":"
					+ row.get("key_id") + ":" + row.get("fingerprint"))
			.containsExactly("directory/owners.yaml:2:team_a:null:" + SecretRedactor.fingerprint(secrets.get(2)),
					"keys/gateway.csv:2:secret_location:alpha-prod:" + SecretRedactor.fingerprint(secrets.get(0)),
					"keys/gateway.csv:3:alias:beta-staging:" + SecretRedactor.fingerprint(secrets.get(1)),
					"people/hr.csv:2:name:null:" + SecretRedactor.fingerprint(secrets.get(3)),
					"policies/alpha-prod.yaml:3:service:alpha-prod:" + SecretRedactor.fingerprint(secrets.get(4)),
					"usage/gateway.csv:2:route:alpha-prod:" + SecretRedactor.fingerprint(secrets.get(5)));
		assertThat(count("SELECT exposures FROM key_register WHERE key_id = 'alpha-prod'")).isEqualTo(3);
	}

	@Test
	void neverWritesASecretFromAFileNameOrAConnectionUrl(CapturedOutput output) throws IOException {
		givenInputs("secrets");
		String token = "ghp_testFAKE0a1B2c3D4e5F6g7H8i9J0kLmNoPq";
		String url = "postgres://u:p@h";
		givenInputFile("usage/export-" + token + ".csv", """
				key_id,timestamp,route,model,cost_usd
				alpha-prod,2026-11-03T09:00:00Z,%s,gpt-4o-mini,0.25
				alpha-prod,2026-11-03T10:00:00Z,mysql://admin:FakeAdminPass1@db,gpt-4o-mini,not-a-cost
				""".formatted(url));

		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);

		String landedName = "export-" + SecretRedactor.fingerprint(token) + ".csv";
		Path landed = OUT.resolve("landing/2026-11-21/usage");
		assertThat(landed.resolve(landedName)).content()
			.contains("alpha-prod,2026-11-03T09:00:00Z,postgres://u:" + SecretRedactor.fingerprint("p") + "@h,");
		assertThat(landed.resolve(".landed")).content().contains(landedName + "\t3");
		assertThat(this.jdbc.queryForList("SELECT input_file, line FROM rejected_row WHERE source = 'usage'"))
			.extracting((row) -> row.get("input_file") + ":" + row.get("line"))
			.containsExactly("usage/" + landedName + ":3");
		assertThat(OUT.resolve("rejects/2026-11-21/usage.csv")).content().contains("usage/" + landedName);
		assertThat(this.jdbc.queryForList("""
				SELECT line, column_name, fingerprint FROM secret_exposure
				WHERE input_file = ? AND key_id = 'alpha-prod'""", "usage/" + landedName))
			.extracting((row) -> row.get("line") + ":" + row.get("column_name") + ":" + row.get("fingerprint"))
			.containsExactly("2:route:" + SecretRedactor.fingerprint("p"));
		assertThat(count("SELECT exposures FROM key_register WHERE key_id = 'alpha-prod'")).isEqualTo(4);
		assertThat(this.commandLine.execute(new DefaultApplicationArguments("evidence", "--key=alpha-prod")))
			.isEqualTo(ExitCode.DONE);
		String tables = applicationTables().toString();
		String outputs = contentsOf(OUT) + fileNamesIn(OUT);
		for (String secret : List.of(token, "u:p@", "FakeAdminPass1")) {
			assertThat(tables).doesNotContain(secret);
			assertThat(outputs).doesNotContain(secret);
			assertThat(output.getAll()).doesNotContain(secret);
		}
	}

	@Test
	void showsAKeyIdInTheLogLineThatNamesIt(CapturedOutput output) throws IOException {
		givenInputs("secrets");
		givenInputFile("keys/claude.csv", "key_id,status\napikey_01Rj2N8SVvo6BePZj99NhmiT,active\n");
		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(this.commandLine
			.execute(new DefaultApplicationArguments("evidence", "--key=apikey_01Rj2N8SVvo6BePZj99NhmiT")))
			.isEqualTo(ExitCode.DONE);

		assertThat(output.getAll().lines().filter((line) -> line.contains("evidence of ")))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("evidence of apikey_01Rj2N8SVvo6BePZj99NhmiT: ")
			.contains("evidence/apikey_01Rj2N8SVvo6BePZj99NhmiT")
			.doesNotContain("sha256:");
	}

	@Test
	void redactsASecretEvenWhenCodeLogsOne(CapturedOutput output) {
		String secret = "sk-proj-testFAKElogged00000000000000000000";

		org.slf4j.LoggerFactory.getLogger(NightlyJobScenarios.class).warn("header was {}", secret);

		assertThat(output).contains("header was " + SecretRedactor.fingerprint(secret)).doesNotContain(secret);
	}

	@ParameterizedTest(name = "{0} after {1} committed chunk(s)")
	@CsvSource({ "pullSources, 0", "mapPulledSources, 0", "landInputs, 0", "loadDirectory, 0", "loadPolicies, 1",
			"loadPeople, 1", "markPeopleGone, 0", "loadKeys, 1", "readAnswerMail, 0", "loadUsage, 1", "rollUpUsage, 0",
			"reconcileRegister, 1", "recordUnattributedUsage, 0", "recordFirstUse, 0", "detectAnomalies, 0",
			"evaluateKeys, 1", "exportRegister, 0", "exportRejects, 0", "reportMismatches, 0", "buildWorklist, 0",
			"exportWorklist, 0", "followUpReviews, 0", "trackActions, 0", "noticeExpiries, 0", "exportOpenWorklists, 0",
			"reportReviews, 0", "writeReport, 0", "composeDigests, 0", "deliverMail, 0", "pruneOldRuns, 0" })
	void resumesAfterAFailureInTheMiddleOfAStepWithNothingLostOrDuplicated(String step, int committedChunks)
			throws IOException {
		givenRestartMatrixInputs();
		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);
		Map<String, List<String>> uninterrupted = applicationTables();
		assertThat(uninterrupted.get("person_listing")).as("okta.csv's bob, after hr.csv's").hasSize(1);
		assertThat(uninterrupted.get("usage_client")).hasSize(1);
		assertThat(uninterrupted.get("usage_hourly")).isNotEmpty();
		String register = Files.readString(OUT.resolve("register/register-2026-11-21.csv"));
		String rejects = Files.readString(OUT.resolve("rejects/2026-11-21/people.csv"));
		emptyDatabaseAndWorkFolder();
		givenRestartMatrixInputs();
		this.failureInjector.failOnce(step, committedChunks);

		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.FAILED);
		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(applicationTables()).isEqualTo(uninterrupted);
		assertThat(OUT.resolve("register/register-2026-11-21.csv")).hasContent(register);
		assertThat(OUT.resolve("rejects/2026-11-21/people.csv")).hasContent(rejects);
		assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(2);
	}

	/**
	 * A usage file's header line, then each day's rows from {@code from} up to the day
	 * before the run date's last usage day (2026-11-20), to which a test adds that day's.
	 */
	private static StringBuilder eachDayBeforeTheNight(String header, String from,
			BiConsumer<LocalDate, StringBuilder> rowsOfADay) {
		StringBuilder history = new StringBuilder(header).append('\n');
		for (LocalDate day = LocalDate.parse(from); day
			.isBefore(LocalDate.parse("2026-11-20")); day = day.plusDays(1)) {
			rowsOfADay.accept(day, history);
		}
		return history;
	}

	/**
	 * The basic inputs, a bad person, an IdP's listing of a person HR lists, and usage
	 * naming its client.
	 */
	private void givenRestartMatrixInputs() throws IOException {
		givenInputs("basic");
		givenInputFile("people/bad.csv", "email,status\nnobody,active\n");
		givenInputFile("people/okta.csv", "email,status\nbob@example.com,active\n");
		givenInputFile("usage/clients.csv",
				"key_id,timestamp,requests,client_ip\nalpha-prod,2026-11-20T09:00:00Z,3,10.0.0.12\n");
	}

	@Test
	void aRerunWhoseLandedCopyIsMissingFailsWithOneSentenceNamingTheFolder(CapturedOutput output) throws IOException {
		givenInputs("basic");
		this.failureInjector.failOnce("loadUsage", 1);
		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.FAILED);
		FileSystemUtils.deleteRecursively(OUT.resolve("landing/2026-11-21"));
		int before = output.getAll().length();

		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.FAILED);

		assertThat(output.getAll().substring(before))
			.contains("nightlyJob for 2026-11-21 failed: loadUsage failed: " + OUT.resolve("landing/2026-11-21/usage")
					+ " is missing, though this run landed usage there: restore it")
			.doesNotContain("\tat ");
		assertThat(count("SELECT COUNT(*) FROM key_register")).isZero();
		assertThat(count("SELECT COUNT(*) FROM usage_daily")).isZero();
	}

	@Test
	void aRerunAfterTheInputsWereMovedAwayResumesFromTheLandedCopy() throws IOException {
		givenInputs("basic");
		this.failureInjector.failOnce("loadUsage", 1);
		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.FAILED);
		FileSystemUtils.deleteRecursively(INPUTS);

		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(count("SELECT COUNT(*) FROM key_register")).isEqualTo(5);
		assertThat(count("SELECT SUM(requests) FROM usage_daily")).isEqualTo(26);
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', value = {
			"usage/gateway.csv | edited in place | loadUsage | its checksum differs | usage_daily | 0",
			"usage/gateway.csv | appended to | loadUsage | it has 723 bytes where 679 landed | usage_daily | 0",
			"usage/gateway.csv | joined by another file | loadUsage | | usage_daily | 0",
			"policies/gamma-dev.yaml | edited in place | loadPolicies | its checksum differs | key_policy | 2",
			"policies/gamma-dev.yaml | appended to | loadPolicies | it has 939 bytes where 895 landed | key_policy | 2",
			"policies/gamma-dev.yaml | removed | loadPolicies | | key_policy | 2",
			"policies/gamma-dev.yaml | joined by another file | loadPolicies | | key_policy | 2" })
	void aRerunWhoseLandedCopyWasAlteredFailsNamingTheFile(String file, String alteration, String step, String problem,
			String table, int rowsKept, CapturedOutput output) throws IOException {
		givenInputs("basic");
		this.failureInjector.failOnce(step, 1);
		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.FAILED);
		Path landed = OUT.resolve("landing/2026-11-21/" + file);
		String source = file.substring(0, file.indexOf('/'));
		String other = "other" + file.substring(file.lastIndexOf('.'));
		String sentence = switch (alteration) {
			case "edited in place", "appended to" -> file + " is not the copy landed for this run: " + problem;
			case "removed" -> file + " is missing, though this run landed it: restore it";
			default -> source + " holds " + other + ", which this run did not land";
		};
		String text = Files.readString(landed);
		switch (alteration) {
			case "edited in place" -> Files.writeString(landed, text.toUpperCase(Locale.ROOT));
			case "appended to" -> Files.writeString(landed, text + "ghost-key,2026-11-16T08:00:00Z,,,,4,,,2.5,0\n");
			case "removed" -> Files.delete(landed);
			default -> Files.writeString(landed.resolveSibling(other), "key_id,timestamp\n");
		}
		int before = output.getAll().length();

		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.FAILED);

		assertThat(output.getAll().substring(before))
			.contains(step + " failed: " + OUT.resolve("landing/2026-11-21") + "/" + sentence)
			.doesNotContain("\tat ");
		assertThat(count("SELECT COUNT(*) FROM " + table)).as("the rows of the chunks committed before the failure")
			.isEqualTo(rowsKept);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"usage/late.csv | key_id,requests/alpha-prod,3/ | usage/late.csv has no timestamp column (its columns: key_id, requests)"
					+ " | key_id,timestamp,requests/alpha-prod,2026-11-03T10:00:00Z,3/",
			"keys/late.csv | key_id,status/ | keys/late.csv has a header but no rows | key_id,status/late-key,active/",
			"usage/gateway.csv | key_id,timestamp,requests/alpha-prod,2026-11-03T10:00:00Z,3/beta-staging,2026-11-03T10:00:00Z,4/"
					+ "alpha-prod,2026-11-04T10:00:00Z,5/beta-staging,2026-11-04T10:00:00Z,6/"
					+ "alpha-prod,not-a-time,1/alpha-prod,not-a-time,1/alpha-prod,not-a-time,1/alpha-prod,not-a-time,1/"
					+ "alpha-prod,not-a-time,1/alpha-prod,not-a-time,1/alpha-prod,not-a-time,1/alpha-prod,not-a-time,1/"
					+ "alpha-prod,not-a-time,1/alpha-prod,not-a-time,1/alpha-prod,not-a-time,1/"
					+ " | too many bad rows: more than keyreview.skip-limit were rejected"
					+ " | key_id,timestamp,requests/alpha-prod,2026-11-03T10:00:00Z,30/beta-staging,2026-11-03T10:00:00Z,40/"
					+ "alpha-prod,2026-11-04T10:00:00Z,50/" })
	void aCorrectedInputIsLandedAgainAndLoadedFromTheStartByTheSameCommand(String file, String bad, String failure,
			String corrected, CapturedOutput output) throws IOException {
		givenInputs("basic");
		givenInputFile(file, corrected.replace('/', '\n'));
		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);
		Map<String, List<String>> uninterrupted = applicationTables();
		String register = Files.readString(OUT.resolve("register/register-2026-11-21.csv"));
		emptyDatabaseAndWorkFolder();
		givenInputs("basic");
		givenInputFile(file, bad.replace('/', '\n'));
		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.FAILED);
		assertThat(output).contains(failure)
			.contains("Correct that input and run the same command again: a changed input is landed again"
					+ " and loaded from its start.");

		givenInputFile(file, corrected.replace('/', '\n'));

		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);
		assertThat(applicationTables()).isEqualTo(uninterrupted);
		assertThat(OUT.resolve("register/register-2026-11-21.csv")).hasContent(register);
		assertThat(OUT.resolve("landing/2026-11-21/" + file)).hasContent(corrected.replace('/', '\n'));
		assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(2);
	}

	@Test
	void aSecondRunWhileOneIsRunningExitsThreeAndChangesNothing() throws Exception {
		givenInputs("basic");
		this.failureInjector.pauseIn("loadKeys");
		CompletableFuture<ExitCode> first = CompletableFuture.supplyAsync(() -> nightly(NIGHT));
		this.failureInjector.awaitPaused();

		ExitCode second = nightly(NIGHT);
		ExitCode otherDate = nightly(NEXT_NIGHT);
		this.failureInjector.release();

		assertThat(second).isEqualTo(ExitCode.ALREADY_RUNNING);
		assertThat(otherDate).isEqualTo(ExitCode.ALREADY_RUNNING);
		assertThat(first.get()).isEqualTo(ExitCode.DONE);
		assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM inventory_key")).isEqualTo(5);
		assertThat(count("SELECT COUNT(*) FROM key_change")).isEqualTo(5);
	}

	@Test
	void aDateAlreadyCompletedDoesNothingAndExitsZero(CapturedOutput output) throws IOException {
		givenInputs("basic");
		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);
		Map<String, List<String>> tables = applicationTables();
		givenInputFile("keys/late.csv", "key_id\nlate-key\n");

		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(output).contains("nightlyJob for 2026-11-21 has already completed; nothing to do.");
		assertThat(applicationTables()).isEqualTo(tables);
		assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(1);
	}

	@Test
	void statusShowsTheLastRunsOfEachJobWithTheirStepsCountsAndExitCodes(CapturedOutput output) throws IOException {
		givenInputs("basic");
		this.failureInjector.failOnce("loadUsage", 1);
		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.FAILED);
		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(this.commandLine.execute(new DefaultApplicationArguments("status"))).isEqualTo(ExitCode.DONE);

		String status = output.getOut().substring(output.getOut().lastIndexOf("nightlyJob\n"));
		assertThat(status)
			.containsPattern("  run \\d+  runDate=2026-11-21  COMPLETED  exit 0  started \\S+  took \\d+\\.\\d s")
			.containsPattern("  run \\d+  runDate=2026-11-21  FAILED  exit 1  ")
			.containsPattern("loadUsage +FAILED +4 +4 +0 +1 ")
			.containsPattern("loadUsage +COMPLETED +5 +5 +0 +3 ")
			.contains("monthlyJob\n  no runs yet\nquarterlyJob\n  no runs yet");
	}

	@Test
	void prunesLandedFilesRejectsAndJobRunsOlderThanTheRetentionButKeepsTheAuditTrail() throws IOException {
		givenInputs("basic");
		givenInputFile("people/bad.csv", "email,status\nnobody,active\n");
		LocalDate august = LocalDate.parse("2026-08-01");
		assertThat(nightly(august)).isEqualTo(ExitCode.DONE);
		LocalDateTime longAgo = LocalDateTime.parse("2026-01-01T00:00:00");
		this.jdbc.update("UPDATE BATCH_JOB_EXECUTION SET CREATE_TIME = ?, START_TIME = ?, END_TIME = ?", longAgo,
				longAgo, longAgo);
		assertThat(OUT.resolve("rejects/2026-08-01/people.csv")).exists();

		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(OUT.resolve("landing/2026-08-01")).doesNotExist();
		assertThat(OUT.resolve("rejects/2026-08-01")).doesNotExist();
		assertThat(OUT.resolve("landing/2026-11-21/keys/gateway.csv")).exists();
		assertThat(OUT.resolve("rejects/2026-11-21/people.csv")).exists();
		assertThat(this.jdbc.queryForList("SELECT DISTINCT run_date FROM rejected_row", LocalDate.class))
			.containsExactly(NIGHT);
		assertThat(this.jdbc.queryForList("SELECT DISTINCT run_date FROM usage_day_rolled_up", LocalDate.class))
			.containsExactly(NIGHT);
		assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION")).isEqualTo(count(
				"SELECT COUNT(*) FROM BATCH_STEP_EXECUTION s JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID"));
		assertThat(count("SELECT COUNT(*) FROM key_change WHERE run_date = ?", august)).as("the audit trail stays")
			.isEqualTo(5);
	}

	@Test
	void writesTheEvidenceFileOfAKeyWithItsOwnersHistoryFindingsAndOnlyFingerprints() throws IOException {
		givenInputs("secrets");
		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(this.commandLine.execute(new DefaultApplicationArguments("evidence", "--key=alpha-prod")))
			.isEqualTo(ExitCode.DONE);

		Path file = OUT.resolve("evidence/alpha-prod.json");
		tools.jackson.databind.JsonNode evidence = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readTree(Files.readString(file));
		assertThat(evidence.at("/owners/owner").asString()).isEqualTo("team_a");
		assertThat(evidence.at("/secret_location").asString()).startsWith("sha256:");
		assertThat(evidence.at("/change_events/0/event").asString()).isEqualTo("created");
		assertThat(evidence.path("findings").valueStream().map((finding) -> finding.path("rule_id").asString()))
			.contains("exposure");
		assertThat(evidence.path("secrets_found").size()).isEqualTo(3);
		assertThat(evidence.at("/secrets_found/0/fingerprint").asString()).startsWith("sha256:");
		for (String secret : secretsIn(INPUTS)) {
			assertThat(Files.readString(file)).doesNotContain(secret);
		}
		assertThat(this.commandLine.execute(new DefaultApplicationArguments("evidence", "--key=no-such-key")))
			.isEqualTo(ExitCode.BAD_USAGE);
	}

	@Test
	void keyIdsThatDifferOnlyInPunctuationGetAnEvidenceFileEach() throws IOException {
		givenInputs("basic");
		givenInputFile("keys/other.csv", "key_id,status\na/b/c,active\na_b_c,active\n");
		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(this.commandLine.execute(new DefaultApplicationArguments("evidence", "--key=a/b/c")))
			.isEqualTo(ExitCode.DONE);
		assertThat(this.commandLine.execute(new DefaultApplicationArguments("evidence", "--key=a_b_c")))
			.isEqualTo(ExitCode.DONE);

		try (Stream<Path> files = Files.list(OUT.resolve("evidence"))) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactlyInAnyOrder("a%2Fb%2Fc.json",
					"a_b_c.json");
		}
		tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
		assertThat(json.readTree(Files.readString(OUT.resolve("evidence/a%2Fb%2Fc.json"))).path("key_id").asString())
			.isEqualTo("a/b/c");
		assertThat(json.readTree(Files.readString(OUT.resolve("evidence/a_b_c.json"))).path("key_id").asString())
			.isEqualTo("a_b_c");
	}

	@Test
	void theNextNightLogsExactlyWhatChanged() throws IOException {
		givenInputs("basic");
		givenInputFile("keys/other.csv", "key_id,status\nomega-prod,active\n");
		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);
		givenInputs("basic-next-night");

		assertThat(nightly(NEXT_NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(this.jdbc
			.queryForList("SELECT key_id, event FROM key_change WHERE run_date = ? ORDER BY key_id, event", NEXT_NIGHT))
			.extracting((row) -> row.get("key_id") + ":" + row.get("event"))
			.containsExactly("alpha-prod:owner_changed", "alpha-prod:routes_changed", "alpha-prod:scopes_changed",
					"beta-staging:status_changed", "delta-prod:gone", "gamma-dev:rotated", "zeta-prod:created");
		assertThat(this.jdbc.queryForMap(
				"SELECT old_value, new_value FROM key_change WHERE key_id = 'beta-staging' AND run_date = ?",
				NEXT_NIGHT))
			.containsEntry("old_value", "active")
			.containsEntry("new_value", "disabled");
		assertThat(this.jdbc.queryForObject("SELECT gone_since FROM key_register WHERE key_id = 'delta-prod'",
				LocalDate.class))
			.isEqualTo(NEXT_NIGHT);
		assertThat(this.jdbc.queryForList("SELECT key_id FROM key_register WHERE gone_since IS NOT NULL", String.class))
			.as("omega-prod's file did not come and epsilon-ci's row was rejected: neither is gone")
			.containsExactly("delta-prod");
		assertThat(this.jdbc.queryForObject("SELECT first_seen FROM key_register WHERE key_id = 'alpha-prod'",
				LocalDate.class))
			.isEqualTo(NIGHT);
	}

	@Test
	void usageRollupsOlderThanTheUsageWindowMakeNoDifferenceToWhatANightWrites() throws IOException {
		Map<String, List<String>> withoutOldHistory = twoNights(false);
		emptyDatabaseAndWorkFolder();

		Map<String, List<String>> withOldHistory = twoNights(true);

		assertThat(withOldHistory).isEqualTo(withoutOldHistory);
		assertThat(count("SELECT COUNT(*) FROM usage_daily WHERE source = 'archive'")).isEqualTo(310 * 6);
	}

	@Test
	void firstUsesAreReadFromTheDaysTonightsUsageFilesCoveredOnly() throws IOException {
		givenInputs("basic");
		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);
		this.jdbc.update(
				"""
						INSERT INTO usage_daily (source, key_id, usage_day, route, model, provider, requests, failed_requests,
						  input_tokens, output_tokens, cost_usd, last_used_at)
						VALUES ('gateway', 'alpha-prod', ?, 'rolled-up-before', 'model-rolled-up-before', 'openai', 1, 0, 0, 0, 0,
						  ?)""",
				NEXT_NIGHT.minusDays(3), NEXT_NIGHT.minusDays(3).atStartOfDay());
		givenInputs("basic-next-night");
		givenInputFile("usage/late.csv", """
				key_id,timestamp,route,model,provider,requests,input_tokens,output_tokens,cost_usd,failed_requests
				alpha-prod,2026-06-01T08:00:00Z,late-route,gpt-4o-mini,openai,1,10,2,0.01,0
				""");

		assertThat(nightly(NEXT_NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(this.jdbc.queryForList(
				"SELECT usage_day, source FROM usage_day_rolled_up WHERE run_date = ? " + "ORDER BY usage_day",
				NEXT_NIGHT))
			.extracting((row) -> row.get("usage_day") + ":" + row.get("source"))
			.containsExactly("2026-06-01:late", "2026-07-01:gateway", "2026-10-15:gateway", "2026-11-02:gateway",
					"2026-11-10:gateway", "2026-11-15:gateway");
		assertThat(this.jdbc.queryForList(
				"SELECT key_id, kind, used FROM key_first_use WHERE first_seen = ? " + "ORDER BY key_id, kind, used",
				NEXT_NIGHT))
			.as("a day inside the usage window that tonight's files did not cover is not read again; a day long "
					+ "before it that they did cover is")
			.extracting((row) -> row.get("key_id") + ":" + row.get("kind") + ":" + row.get("used"))
			.containsExactly("alpha-prod:route:late-route");
	}

	/**
	 * What the second of two nights writes, after nothing or after old history was added
	 * between them: for every key the first night registered and for a key id no
	 * inventory lists, rollups of the 310 days before the second night's usage window,
	 * under routes, models and a provider never used since, with a last use and sums that
	 * would change the register, the first uses and the unattributed usage if the night
	 * read them; and first uses of a key long gone.
	 */
	private Map<String, List<String>> twoNights(boolean oldHistory) throws IOException {
		givenInputs("basic");
		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);
		if (oldHistory) {
			List<String> keyIds = new ArrayList<>(
					this.jdbc.queryForList("SELECT key_id FROM key_register", String.class));
			keyIds.add("ancient-ghost");
			List<Object[]> rollups = new ArrayList<>();
			LocalDate windowStart = NEXT_NIGHT.minusDays(90);
			for (LocalDate day = windowStart; day.isAfter(windowStart.minusDays(310)); day = day.minusDays(1)) {
				for (String keyId : keyIds) {
					rollups.add(new Object[] { keyId, day, LocalDateTime.parse("2026-11-21T12:00:00") });
				}
			}
			this.jdbc.batchUpdate("""
					INSERT INTO usage_daily (source, key_id, usage_day, route, model, provider, requests,
					  failed_requests, input_tokens, output_tokens, cost_usd, last_used_at)
					VALUES ('archive', ?, ?, 'ancient-route', 'ancient-model', 'ancient-provider', 1000000, 1000, 0, 0,
					  1000, ?)""", rollups);
			this.jdbc.update("""
					INSERT INTO key_first_use (key_id, kind, used, first_seen)
					VALUES ('retired-long-ago', 'route', 'support-prod', ?)""", NIGHT.minusDays(400));
		}
		givenInputs("basic-next-night");
		assertThat(nightly(NEXT_NIGHT)).isEqualTo(ExitCode.DONE);
		Map<String, List<String>> written = new LinkedHashMap<>();
		written.put("key_register", rows(this.jdbc, "SELECT * FROM key_register"));
		written.put("key_change", rows(this.jdbc, "SELECT * FROM key_change WHERE run_date = ?", NEXT_NIGHT));
		written.put("key_finding", rows(this.jdbc, "SELECT * FROM key_finding"));
		written.put("key_first_use", rows(this.jdbc, "SELECT * FROM key_first_use WHERE first_seen = ?", NEXT_NIGHT));
		written.put("unattributed_usage",
				rows(this.jdbc, "SELECT * FROM unattributed_usage WHERE run_date = ?", NEXT_NIGHT));
		return written;
	}

	/**
	 * The landing record of an input file that held no secret: name, lines, size,
	 * checksums.
	 */
	private static String landed(String input, int lines) throws IOException {
		Path file = INPUTS.resolve(input);
		String sha256 = LandingManifest.sha256(file);
		return String.join("\t", file.getFileName().toString(), Integer.toString(lines),
				Long.toString(Files.size(file)), sha256, sha256);
	}

	@Test
	void aPersonNoLongerInTheHrExportIsGoneFromThatNightAndTheirKeysFindTheOwnerLeft() throws IOException {
		givenInputs("basic");
		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);
		givenPeopleWithoutCarl("");

		assertThat(nightly(NEXT_NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(text("SELECT evidence FROM key_finding WHERE key_id = 'epsilon-ci' AND rule_id = 'owner-left'"))
			.isEqualTo("carl@example.com (inventory owner, creator, key not rotated since) left on 2026-11-22");
		assertThat(this.jdbc.queryForList("SELECT run_date, email, event, new_value FROM person_change"))
			.extracting((row) -> row.get("email") + ":" + row.get("event") + ":" + row.get("new_value"))
			.containsExactly("carl@example.com:gone:2026-11-22");

		givenInputs("basic");
		assertThat(nightly(NEXT_NIGHT.plusDays(1))).isEqualTo(ExitCode.DONE);

		assertThat(this.jdbc.queryForList("SELECT email, event FROM person_change WHERE run_date = ?",
				NEXT_NIGHT.plusDays(1)))
			.extracting((row) -> row.get("email") + ":" + row.get("event"))
			.containsExactly("carl@example.com:returned");
		assertThat(count("SELECT COUNT(*) FROM key_finding WHERE key_id = 'epsilon-ci' AND rule_id = 'owner-left'"))
			.isZero();
	}

	@Test
	void anHrExportWithARejectedRowMarksNobodyGone() throws IOException {
		givenInputs("basic");
		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);
		givenPeopleWithoutCarl("dana@example.com,P4,Dana Dean,on-holiday,employee,,,,\n");

		assertThat(nightly(NEXT_NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(count("SELECT COUNT(*) FROM rejected_row WHERE source = 'people'")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM person_change")).isZero();
		assertThat(count("SELECT COUNT(*) FROM key_finding WHERE key_id = 'epsilon-ci' AND rule_id = 'owner-left'"))
			.isZero();
	}

	private void givenPeopleWithoutCarl(String moreRows) throws IOException {
		givenInputs("basic");
		Path people = INPUTS.resolve("people/hr.csv");
		String withoutCarl = Files.readString(people)
			.lines()
			.filter((line) -> !line.startsWith("carl@"))
			.collect(Collectors.joining("\n", "", "\n"));
		Files.writeString(people, withoutCarl + moreRows);
	}

	private String text(String sql) {
		return this.jdbc.queryForObject(sql, String.class);
	}

	private static LocalDateTime localDateTime(Object value) {
		return (value instanceof java.sql.Timestamp timestamp) ? timestamp.toLocalDateTime() : (LocalDateTime) value;
	}

	/**
	 * The fake secrets planted in the inputs, in the order of the files that hold them.
	 */
	private static List<String> secretsIn(Path folder) throws IOException {
		Pattern secret = Pattern
			.compile("sk-(?:proj|ant|admin)-[A-Za-z0-9_-]+|AKIA[0-9A-Z]{16}|(?<=Bearer )[A-Za-z0-9]+");
		List<String> secrets = new ArrayList<>();
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
				secret.matcher(Files.readString(file)).results().forEach((match) -> secrets.add(match.group()));
			}
		}
		return secrets;
	}

	private static String fileNamesIn(Path folder) throws IOException {
		try (Stream<Path> files = Files.walk(folder)) {
			return files.map(Path::toString).toList().toString();
		}
	}

	private static String contentsOf(Path folder) throws IOException {
		StringBuilder contents = new StringBuilder();
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				contents.append(Files.readString(file));
			}
		}
		return contents.toString();
	}

}
