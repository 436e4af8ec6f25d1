package io.keyreview.pull;

import io.keyreview.intake.CanonicalColumns;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import io.keyreview.intake.InputSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** Each vendor's pages, from the published samples, mapped to every canonical field. */
class VendorMapperTests {

	private static final LocalDate NIGHT = LocalDate.parse("2026-11-21");

	@TempDir
	Path pulled;

	@Test
	void openAiProjectKeysAdminKeysUsageAndCosts() throws IOException {
		land("projects", sample("openai-projects.json"));
		land("api_keys-proj_abc", sample("openai-project-api-keys.json"));
		land("admin_api_keys", sample("openai-admin-api-keys.json").replace("key_abc", "key_admin"));
		land("usage_completions",
				sample("openai-usage-completions.json").replace("\"api_key_id\": null", "\"api_key_id\": \"key_abc\"")
					.replace("\"model\": null", "\"model\": \"gpt-4o-mini-2024-07-18\""));
		land("costs", sample("openai-costs.json"));

		Canonical canonical = new OpenAiMapper().map("openai-org", new PulledPages(this.pulled), NIGHT);

		assertThat(canonical.rows(InputSource.KEYS)).containsExactly(
				Map.ofEntries(entry("source", "openai-org"), entry("key_id", "key_abc"), entry("alias", "My API Key"),
						entry("created_at", "2024-03-26T16:45:33Z"), entry("last_used_at", "2024-03-26T16:45:34Z"),
						entry("project", "Project example"), entry("status", "active"), entry("owner_type", "user"),
						entry("owner", "user@example.com"), entry("created_by", "user@example.com")),
				Map.ofEntries(entry("source", "openai-org"), entry("key_id", "key_admin"),
						entry("alias", "Main Admin Key"), entry("created_at", "2024-03-26T16:45:33Z"),
						entry("last_used_at", "2024-03-26T16:45:34Z"), entry("project", "organization"),
						entry("status", "active"), entry("owner", "My Service Account"),
						entry("owner_type", "service_account"), entry("expires_at", "2024-04-25T16:45:33Z"),
						entry("scopes", "admin_api")));
		assertThat(canonical.rows(InputSource.USAGE)).containsExactly(
				Map.ofEntries(entry("key_id", "key_abc"), entry("timestamp", "2024-11-01T00:00:00Z"),
						entry("provider", "openai"), entry("failed_requests", "0"),
						entry("model", "gpt-4o-mini-2024-07-18"), entry("requests", "5"), entry("input_tokens", "1000"),
						entry("output_tokens", "500"), entry("cost_usd", "0")),
				Map.ofEntries(entry("key_id", "openai-org:no-key"), entry("timestamp", "2024-11-01T00:00:00Z"),
						entry("provider", "openai"), entry("failed_requests", "0"), entry("requests", "0"),
						entry("cost_usd", "0.06")));
		assertThat(canonical.costs()).containsExactly(
				new ProviderCost(LocalDate.parse("2024-11-01"), "", "", "", new java.math.BigDecimal("0.06")));
	}

	@Test
	void anthropicKeysInThe2025And2026ShapesAndTheUsageReport() throws IOException {
		land("users", sample("anthropic-users.json"));
		land("api_keys", sample("anthropic-api-keys.json"));
		land("api_keys",
				"""
						{"data":[{"id":"apikey_2026","type":"api_key","name":"Batch","created_at":"2026-01-02T03:04:05.123456Z",
						 "created_by":{"id":"user_01WCz1FkmYMm4gnmykNKUu3Q","type":"user"},"status":"expired",
						 "expires_at":"2026-06-30T00:00:00Z","principal":{"type":"service_account_actor","service_account_id":"sa_9"},
						 "scope":{"type":"workspace","workspace_id":"wrkspc_2"},"workspace_id":null,"future_field":{"x":1}},
						 {"id":"apikey_org","type":"api_key","name":"Org","created_at":"2026-02-01T00:00:00Z","created_by":null,
						 "status":"paused_by_admin","principal":{"type":"user_actor","user_id":"user_01WCz1FkmYMm4gnmykNKUu3Q"},
						 "scope":{"type":"organization"}}],"has_more":false}""");
		land("usage_messages", sample("anthropic-usage-report-messages.json"));
		land("workspaces", "{\"data\":[{\"id\":\"wrkspc_2\",\"name\":\"Batch jobs\"}],\"has_more\":false}");
		land("cost_report", sample("anthropic-cost-report.json"));

		Canonical canonical = new AnthropicMapper().map("claude", new PulledPages(this.pulled), NIGHT);

		assertThat(canonical.rows(InputSource.KEYS)).containsExactly(
				Map.ofEntries(entry("source", "claude"), entry("key_id", "apikey_01Rj2N8SVvo6BePZj99NhmiT"),
						entry("alias", "Developer Key"), entry("project", "wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ"),
						entry("status", "active"), entry("owner", "user@emaildomain.com"), entry("owner_type", "user"),
						entry("created_by", "user@emaildomain.com"), entry("created_at", "2024-10-30T23:58:27.427722Z"),
						entry("expires_at", "")),
				Map.ofEntries(entry("source", "claude"), entry("key_id", "apikey_2026"), entry("alias", "Batch"),
						entry("project", "Batch jobs"), entry("status", "expired"), entry("owner", "sa_9"),
						entry("owner_type", "service_account"), entry("created_by", "user@emaildomain.com"),
						entry("created_at", "2026-01-02T03:04:05.123456Z"),
						entry("expires_at", "2026-06-30T00:00:00Z")),
				Map.ofEntries(entry("source", "claude"), entry("key_id", "apikey_org"), entry("alias", "Org"),
						entry("project", "organization"), entry("status", ""), entry("owner", "user@emaildomain.com"),
						entry("owner_type", "user"), entry("created_by", ""),
						entry("created_at", "2026-02-01T00:00:00Z"), entry("expires_at", "")));
		assertThat(canonical.rows(InputSource.USAGE))
			.containsExactly(Map.ofEntries(entry("key_id", "apikey_01Rj2N8SVvo6BePZj99NhmiT"),
					entry("timestamp", "2023-11-07T05:31:56Z"), entry("model", "claude-sonnet-4-20250514"),
					entry("provider", "anthropic"), entry("requests", "0"), entry("input_tokens", "492"),
					entry("output_tokens", "123"), entry("cost_usd", "0"), entry("failed_requests", "0")));
	}

	@Test
	void liteLlmFullKeyObjectsAndSpendLogsJoinedOnTheHash() throws IOException {
		land("keys", sample("litellm-key-list.json"));
		land("keys", "{\"keys\":[\"0123abcd\"],\"current_page\":2,\"total_pages\":2}");
		land("spend_logs", sample("litellm-spend-logs.json"));

		Canonical canonical = new LiteLlmMapper().map("gateway", new PulledPages(this.pulled), NIGHT);

		String hash = "88dc28d0f030c55ed4ab77ed8faf098196cb1c05df778539800c9f1243fe6b4b";
		assertThat(canonical.rows(InputSource.KEYS)).containsExactly(
				Map.ofEntries(entry("source", "gateway"), entry("key_id", hash), entry("alias", "billing-batch-prod"),
						entry("project", "e8d1460f-846c-45d7-9b43-55f3cc52ac32"), entry("environment", "production"),
						entry("status", "active"), entry("owner", "ishaan@berri.ai"), entry("owner_type", "user"),
						entry("created_by", "default_user_id"), entry("created_at", "2025-01-15T10:00:00Z"),
						entry("last_used_at", "2025-06-10T14:02:11Z"), entry("last_rotated_at", "2025-04-01T09:00:00Z"),
						entry("expires_at", ""), entry("allowed_models", "gpt-4o;claude-sonnet-4"),
						entry("allowed_routes", ""), entry("monthly_budget_usd", "100.0")),
				Map.of("source", "gateway", "key_id", "0123abcd"));
		assertThat(canonical.rows(InputSource.USAGE)).containsExactly(Map.ofEntries(entry("key_id", hash),
				entry("timestamp", "2025-06-10T14:02:10.512Z"), entry("model", "llama3"), entry("provider", "groq"),
				entry("requests", "1"), entry("input_tokens", "20"), entry("output_tokens", "80"),
				entry("cost_usd", "0.000002"), entry("failed_requests", "0"), entry("client_ip", "10.0.0.12")));
	}

	@Test
	void openRouterKeysAndActivity() throws IOException {
		land("keys", sample("openrouter-keys.json").replace("\"limit_reset\": null", "\"limit_reset\": \"monthly\""));
		land("activity", """
				{"data":[{"date":"2026-11-19","model":"openai/gpt-4o","model_permaslug":"openai/gpt-4o-2024-08-06",
				 "endpoint_id":"e1","provider_name":"OpenAI","usage":0.015,"byok_usage_inference":0,"requests":3,
				 "prompt_tokens":300,"completion_tokens":60,"reasoning_tokens":0}]}""");

		Canonical canonical = new OpenRouterMapper().map("openrouter", new PulledPages(this.pulled), NIGHT);

		assertThat(canonical.rows(InputSource.KEYS))
			.containsExactly(Map.ofEntries(entry("source", "openrouter"), entry("key_id", "<YOUR_KEY_HASH>"),
					entry("alias", "Customer Key"), entry("project", ""), entry("status", "active"), entry("owner", ""),
					entry("owner_type", ""), entry("created_at", "2025-02-19T20:52:27.363244Z"),
					entry("last_used_at", ""), entry("expires_at", ""), entry("monthly_budget_usd", "10")));
	}

	@Test
	void oktaUsersWithTheDeprovisionedOnes() throws IOException {
		land("users", sample("okta-users.json"));
		land("users_deprovisioned", """
				[{"id":"00u2","status":"DEPROVISIONED","statusChanged":"2026-10-15T09:30:00.000Z",
				  "profile":{"login":"bob@example.com","email":"Bob@Example.com","firstName":"Bob","lastName":"Brown",
				  "userType":"Contractor","employeeNumber":"E2","department":"Eval","costCenter":"CC-2",
				  "managerId":"00u118oQYT4TBTemp0g4"}}]""");

		Canonical canonical = new OktaMapper().map("okta", new PulledPages(this.pulled), NIGHT);

		assertThat(canonical.rows(InputSource.PEOPLE)).containsExactly(
				Map.ofEntries(entry("person_id", "00u118oQYT4TBTemp0g4"), entry("email", "alice.smith@example.com"),
						entry("name", "Alice Smith"), entry("status", "active"), entry("termination_date", ""),
						entry("worker_type", ""), entry("manager_email", ""), entry("department", ""),
						entry("cost_center", "")),
				Map.ofEntries(entry("person_id", "E2"), entry("email", "Bob@Example.com"), entry("name", "Bob Brown"),
						entry("status", "terminated"), entry("termination_date", "2026-10-15"),
						entry("worker_type", "contractor"), entry("manager_email", "alice.smith@example.com"),
						entry("department", "Eval"), entry("cost_center", "CC-2")));
	}

	@Test
	void scimUsersWithTheEnterpriseExtension() throws IOException {
		String user = sample("scim-user.json");
		String inactive = """
				{"id":"26118915-6090-4610-87e4-49d8ca9f808d","userName":"jsmith@example.com","displayName":"John Smith",
				 "active":false,"meta":{"lastModified":"2026-09-30T17:00:00Z"},
				 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":"boss@example.com"}}""";
		land("users", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],\"totalResults\":2,"
				+ "\"startIndex\":1,\"itemsPerPage\":2,\"Resources\":[" + user + "," + inactive + "]}");

		Canonical canonical = new ScimMapper().map("entra", new PulledPages(this.pulled), NIGHT);

		assertThat(canonical.rows(InputSource.PEOPLE)).containsExactly(
				Map.ofEntries(entry("person_id", "701984"), entry("email", "bjensen@example.com"),
						entry("name", "Babs Jensen"), entry("status", "active"), entry("termination_date", ""),
						entry("worker_type", "employee"), entry("manager_email", "jsmith@example.com"),
						entry("department", "Tour Operations"), entry("cost_center", "4130")),
				Map.ofEntries(entry("person_id", "26118915-6090-4610-87e4-49d8ca9f808d"),
						entry("email", "jsmith@example.com"), entry("name", "John Smith"),
						entry("status", "terminated"), entry("termination_date", "2026-09-30"),
						entry("worker_type", ""), entry("manager_email", "boss@example.com"), entry("department", ""),
						entry("cost_center", "")));
	}

	@Test
	void writesTheCanonicalCsvTheLoadStepsRead() throws IOException {
		land("keys", sample("openrouter-keys.json"));

		new OpenRouterMapper().map("openrouter", new PulledPages(this.pulled), NIGHT)
			.write((kind) -> this.pulled.resolve(kind.sourceName()), "openrouter");

		assertThat(Files.readAllLines(this.pulled.resolve("keys/openrouter.csv"))).containsExactly(
				String.join(",", io.keyreview.intake.CanonicalColumns.KEYS),
				"openrouter,<YOUR_KEY_HASH>,Customer Key,,,active,,,,2025-02-19T20:52:27.363244Z,,,,,,,,");
	}

	private void land(String endpoint, String body) {
		new PageStore(this.pulled.resolve(endpoint)).land(new Page(URI.create("https://api.example.com/" + endpoint),
				HttpHeaders.of(Map.of(), (a, b) -> true), body), null);
	}

	private static String sample(String name) throws IOException {
		return Files.readString(Path.of("src/test/resources/vendor", name));
	}

}
