package io.keyreview.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One nightly that pulls a source of every type from local stub servers next to the file
 * drop, and reconciles everything into one register.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:pulled;MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE,YEAR,MONTH,DAY;"
				+ "DB_CLOSE_DELAY=-1",
		"OPENAI_ADMIN_KEY=sk-admin-testFAKEopenai0123456789abcdefABCDEF",
		"ANTHROPIC_ADMIN_KEY=sk-ant-admin01-testFAKEanthropic0123456789abcdef",
		"LITELLM_MASTER_KEY=sk-testFAKElitellm0123456789abcdefABCDEF", "OPENROUTER_KEY=sk-or-v1-testFAKE0123456789abcd",
		"OKTA_TOKEN=00testFAKEoktaToken0123456789abcdefABCDEF", "SCIM_TOKEN=testFAKEscimToken0123456789abcdefABCDEF" })
class PulledSourcesNightlyTests extends JobTestSupport {

	static final MockWebServer server = new MockWebServer();

	static final AtomicInteger failuresLeft = new AtomicInteger();

	static final List<String> requested = new CopyOnWriteArrayList<>();

	static {
		server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				requested.add(request.getTarget());
				return respond(request.getTarget());
			}
		});
		try {
			server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@DynamicPropertySource
	static void sources(DynamicPropertyRegistry registry) {
		String[][] sources = { { "openai-org", "openai", "/openai/v1", "OPENAI_ADMIN_KEY" },
				{ "claude", "anthropic", "/anthropic", "ANTHROPIC_ADMIN_KEY" },
				{ "litellm-gw", "litellm", "/litellm", "LITELLM_MASTER_KEY" },
				{ "openrouter", "openrouter", "/openrouter/api/v1", "OPENROUTER_KEY" },
				{ "okta", "okta", "/okta", "OKTA_TOKEN" }, { "entra", "scim", "/scim/v2", "SCIM_TOKEN" } };
		for (int i = 0; i < sources.length; i++) {
			String prefix = "keyreview.pull.sources[" + i + "].";
			String[] source = sources[i];
			registry.add(prefix + "name", () -> source[0]);
			registry.add(prefix + "type", () -> source[1]);
			registry.add(prefix + "base-url", () -> server.url(source[2]).toString());
			registry.add(prefix + "credential-env", () -> source[3]);
			registry.add(prefix + "backoff", () -> "5ms");
			registry.add(prefix + "retries", () -> "1");
		}
	}

	@DynamicPropertySource
	static void savedResponses(DynamicPropertyRegistry registry) {
		registry.add("keyreview.pull.sources[6].name", () -> "saved-litellm");
		registry.add("keyreview.pull.sources[6].type", () -> "litellm");
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void oneNightlyPullsEverySourceIntoOneRegister(CapturedOutput output) throws IOException {
		givenInputs("basic");
		givenSavedResponse();

		assertThat(nightly(NightlyJobScenarios.NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(this.jdbc.queryForList("SELECT key_id, source, owner FROM key_register ORDER BY source, key_id"))
			.extracting((row) -> row.get("source") + ":" + row.get("key_id") + ":" + row.get("owner"))
			.contains("openai-org:key_user:alice@example.com", "openai-org:key_svc:batch-runner",
					"claude:apikey_01:alice@example.com", "litellm-gw:abc123hash:carol@example.com",
					"openrouter:orhash1:member_1", "saved-litellm:savedhash:dan@example.com",
					"gateway:alpha-prod:team_a");
		Map<String, Object> litellm = this.jdbc.queryForMap("SELECT * FROM key_register WHERE key_id = 'abc123hash'");
		assertThat((BigDecimal) litellm.get("spend_month_usd")).isEqualByComparingTo("0.375");
		assertThat((BigDecimal) litellm.get("monthly_budget_usd")).isEqualByComparingTo("50");
		assertThat(localDateTime(litellm.get("last_used_at"))).isEqualTo(LocalDateTime.parse("2026-11-20T18:00:00"));
		assertThat(litellm).containsEntry("environment", "production")
			.containsEntry("models", "gpt-4o;claude-sonnet-4");
		Map<String, Object> openai = this.jdbc.queryForMap("SELECT * FROM key_register WHERE key_id = 'key_user'");
		assertThat((BigDecimal) openai.get("spend_month_usd")).isEqualByComparingTo("1.25");
		assertThat(localDateTime(openai.get("last_used_at"))).isEqualTo(LocalDateTime.parse("2026-11-20T08:00:00"));
		assertThat(count("SELECT requests_30d FROM key_register WHERE key_id = 'key_user'")).isEqualTo(12);
		assertThat(count("SELECT requests_30d FROM key_register WHERE key_id = 'apikey_01'")).isZero();
		assertThat(this.jdbc.queryForObject("SELECT status FROM key_register WHERE key_id = 'apikey_01'", String.class))
			.isEqualTo("expired");
		assertThat(this.jdbc.queryForObject("SELECT status FROM key_register WHERE key_id = 'savedhash'", String.class))
			.as("a blocked LiteLLM key, from a saved response")
			.isEqualTo("disabled");
		assertThat(this.jdbc.queryForList("SELECT email, status FROM person ORDER BY email"))
			.extracting((row) -> row.get("email") + ":" + row.get("status"))
			.contains("alice@example.com:active", "dave@example.com:terminated", "erin@example.com:active",
					"frank@example.com:terminated", "ann@example.com:active");
		assertThat(output).contains("mapPulledSources: litellm-gw: 1 key(s), 2 usage row(s), 0 people")
			.doesNotContain("testFAKE");

		assertThat(monthly("2026-11")).isEqualTo(ExitCode.DONE);

		assertThat(java.nio.file.Files.readAllLines(OUT.resolve("finance/finance-2026-11.csv")))
			.contains("2026-11,key,key_user,support bot,openai-org,unknown,,,1.25,1.25,0.00,",
					"2026-11,provider_without_key,,wrk_1,claude,,,,,2.50,,",
					"2026-11,provider_without_key,,,openrouter,,,,,0.50,,")
			.last()
			.asString()
			.startsWith("2026-11,control_total,,,,,,,")
			.endsWith(",4.25,,");
	}

	@Test
	void aSourceThatKeepsFailingFailsThePullAndTheRerunFetchesOnlyWhatIsMissing(CapturedOutput output)
			throws IOException {
		givenInputs("basic");
		givenSavedResponse();
		requested.clear();
		failuresLeft.set(2);

		assertThat(nightly(NightlyJobScenarios.NIGHT)).isEqualTo(ExitCode.FAILED);

		assertThat(output).contains("pullSources failed: okta: GET " + server.url("/okta/api/v1/users?limit=100")
				+ " answered HTTP 503 after 2 attempt(s)");
		assertThat(OUT.resolve("landing/2026-11-21/pulled/entra/users/.complete")).exists();
		assertThat(OUT.resolve("landing/2026-11-21/pulled/okta/users/.complete")).doesNotExist();
		requested.clear();

		assertThat(nightly(NightlyJobScenarios.NIGHT)).isEqualTo(ExitCode.DONE);

		assertThat(requested).containsExactly("/okta/api/v1/users?limit=100",
				"/okta/api/v1/users?search=status%20eq%20%22DEPROVISIONED%22&limit=100");
		assertThat(count("SELECT COUNT(*) FROM person WHERE email = 'alice@example.com'")).isEqualTo(1);
	}

	/**
	 * A LiteLLM key list saved to a file and dropped in the inputs, read like a pulled
	 * page.
	 */
	private void givenSavedResponse() throws IOException {
		givenInputFile("sources/saved-litellm/keys.json", """
				{"keys":[{"token":"savedhash","key_alias":"offline-gw","user_id":"dan@example.com",
				 "created_at":"2026-05-01 10:00:00","models":[],"blocked":true}],
				 "total_count":1,"current_page":1,"total_pages":1}""");
	}

	private static MockResponse respond(String target) {
		String body;
		if (target.startsWith("/openai/v1/organization/projects?")) {
			body = "{\"data\":[{\"id\":\"proj_1\",\"name\":\"Support\",\"status\":\"active\"}],\"has_more\":false}";
		}
		else if (target.startsWith("/openai/v1/organization/projects/proj_1/api_keys")) {
			body = """
					{"data":[{"id":"key_user","name":"support bot","created_at":1767225600,"last_used_at":1795161600,
					  "owner":{"type":"user","user":{"id":"user_1","email":"alice@example.com"}}},
					 {"id":"key_svc","name":"batch","created_at":1767225600,"last_used_at":null,
					  "owner":{"type":"service_account","service_account":{"id":"svc_1","name":"batch-runner"}}}],
					 "has_more":false}""";
		}
		else if (target.startsWith("/openai/v1/organization/usage/completions")) {
			body = """
					{"object":"page","data":[{"start_time":1795132800,"end_time":1795219200,"results":[
					 {"api_key_id":"key_user","model":"gpt-4o","project_id":"proj_1","num_model_requests":12,
					  "input_tokens":1000,"output_tokens":200}]}],"has_more":false,"next_page":null}""";
		}
		else if (target.startsWith("/openai/v1/organization/costs")) {
			body = """
					{"object":"page","data":[{"start_time":1795132800,"end_time":1795219200,"results":[
					 {"amount":{"value":1.25,"currency":"usd"},"api_key_id":"key_user","project_id":"proj_1"}]}],
					 "has_more":false,"next_page":null}""";
		}
		else if (target.startsWith("/openai/v1/organization/usage/") || target.startsWith("/openai/v1/organization/")) {
			body = "{\"data\":[],\"has_more\":false}";
		}
		else if (target.startsWith("/anthropic/v1/organizations/api_keys")) {
			body = """
					{"data":[{"id":"apikey_01","name":"claude prod","created_at":"2026-01-05T10:00:00.123456Z",
					 "created_by":{"id":"user_a","type":"user"},"status":"expired","expires_at":"2026-11-01T00:00:00Z",
					 "principal":{"type":"user_actor","user_id":"user_a"},"scope":{"type":"workspace","workspace_id":"wrk_1"}}],
					 "has_more":false}""";
		}
		else if (target.startsWith("/anthropic/v1/organizations/users")) {
			body = "{\"data\":[{\"id\":\"user_a\",\"email\":\"alice@example.com\"}],\"has_more\":false}";
		}
		else if (target.startsWith("/anthropic/v1/organizations/usage_report/messages")) {
			body = """
					{"data":[{"starting_at":"2026-11-18T00:00:00Z","ending_at":"2026-11-19T00:00:00Z","results":[
					 {"api_key_id":"apikey_01","model":"claude-sonnet-4","uncached_input_tokens":10,
					  "cache_read_input_tokens":5,"output_tokens":7}]}],"has_more":false,"next_page":null}""";
		}
		else if (target.startsWith("/anthropic/v1/organizations/cost_report")) {
			body = """
					{"data":[{"starting_at":"2026-11-18T00:00:00Z","ending_at":"2026-11-19T00:00:00Z","results":[
					 {"currency":"USD","amount":"250","workspace_id":"wrk_1","description":"Claude Sonnet 4 Usage"}]}],
					 "has_more":false,"next_page":null}""";
		}
		else if (target.startsWith("/anthropic/")) {
			body = "{\"data\":[],\"has_more\":false}";
		}
		else if (target.startsWith("/litellm/key/list")) {
			body = """
					{"keys":[{"token":"abc123hash","key_alias":"support-gw","models":["gpt-4o","claude-sonnet-4"],
					 "max_budget":50.0,"budget_duration":"30d","user_id":"carol@example.com","team_id":"support",
					 "metadata":{"environment":"prod"},"created_at":"2026-02-01T00:00:00+00:00",
					 "last_active":"2026-11-20T18:00:00+00:00","last_rotation_at":"2026-10-01T00:00:00+00:00",
					 "expires":null,"blocked":false}],"total_count":1,"current_page":1,"total_pages":1}""";
		}
		else if (target.startsWith("/litellm/spend/logs/v2")) {
			body = """
					{"data":[{"request_id":"r1","api_key":"abc123hash","spend":0.125,"prompt_tokens":10,
					  "completion_tokens":5,"startTime":"2026-11-20 17:00:00","model_group":"gpt-4o",
					  "custom_llm_provider":"openai","status":"success"},
					 {"request_id":"r2","api_key":"abc123hash","spend":0.25,"prompt_tokens":20,"completion_tokens":0,
					  "startTime":"2026-11-20T18:00:00.000000+00:00","model_group":"gpt-4o","custom_llm_provider":"openai",
					  "status":"failure"}],"total":2,"page":1,"page_size":100,"total_pages":1}""";
		}
		else if (target.startsWith("/openrouter/api/v1/keys")) {
			body = """
					{"data":[{"hash":"orhash1","name":"research","disabled":false,"limit":20,"limit_reset":"monthly",
					 "created_at":"2026-03-01T00:00:00Z","creator_user_id":"member_1"}]}""";
		}
		else if (target.startsWith("/openrouter/api/v1/activity")) {
			body = "{\"data\":[{\"date\":\"2026-11-19\",\"model\":\"openai/gpt-4o\",\"provider_name\":\"OpenAI\","
					+ "\"usage\":0.5,\"requests\":3}]}";
		}
		else if (target.startsWith("/okta/api/v1/users?search=")) {
			body = """
					[{"id":"00u2","status":"DEPROVISIONED","statusChanged":"2026-10-15T09:30:00.000Z",
					  "profile":{"login":"dave@example.com","email":"dave@example.com","firstName":"Dave","lastName":"Dunn"}}]""";
		}
		else if (target.startsWith("/okta/api/v1/users")) {
			if (failuresLeft.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) {
				return new MockResponse.Builder().code(503).build();
			}
			body = """
					[{"id":"00u1","status":"ACTIVE","profile":{"login":"alice@example.com","email":"alice@example.com",
					  "firstName":"Alice","lastName":"Smith","userType":"employee"}}]""";
		}
		else if (target.startsWith("/scim/v2/Users")) {
			body = """
					{"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":2,"startIndex":1,
					 "itemsPerPage":2,"Resources":[
					 {"id":"s1","userName":"erin@example.com","displayName":"Erin","active":true},
					 {"id":"s2","userName":"frank@example.com","displayName":"Frank","active":false,
					  "meta":{"lastModified":"2026-11-01T00:00:00Z"}}]}""";
		}
		else {
			return new MockResponse.Builder().code(404).build();
		}
		return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
	}

	private static LocalDateTime localDateTime(Object value) {
		return (value instanceof java.sql.Timestamp timestamp) ? timestamp.toLocalDateTime() : (LocalDateTime) value;
	}

}
