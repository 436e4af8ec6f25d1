package io.keyreview.pull;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Pulling pages from a real HTTP server: paging, retries, timeouts, restarts,
 * credentials.
 */
@ExtendWith(OutputCaptureExtension.class)
class SourcePullTests {

	private static final String CREDENTIAL = "sk-test-FAKEpullCredential0123456789abcdefXYZ";

	private static final LocalDate NIGHT = LocalDate.parse("2026-11-21");

	private final MockWebServer server = new MockWebServer();

	@TempDir
	Path landing;

	@BeforeEach
	void start() throws IOException {
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void followsEveryPageAndLandsEachUnchanged() throws Exception {
		List<String> pages = List.of(scimPage(1, 5, "ann", "bob"), scimPage(3, 5, "carl", "dana"),
				scimPage(5, 5, "eve"));
		pages.forEach((page) -> this.server.enqueue(ok(page)));

		int fetched = pull(scim(Duration.ofSeconds(5)));

		assertThat(fetched).isEqualTo(3);
		assertThat(targets()).containsExactly("/scim/Users?startIndex=1&count=2", "/scim/Users?startIndex=3&count=2",
				"/scim/Users?startIndex=5&count=2");
		Path users = this.landing.resolve("users");
		for (int i = 0; i < 3; i++) {
			assertThat(users.resolve("page-000" + (i + 1) + ".json")).hasContent(pages.get(i));
		}
		assertThat(users.resolve(".complete")).exists();
	}

	@Test
	void retriesA429AfterItsRetryAfterAndA500ThenLandsThePage() throws Exception {
		this.server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").build());
		this.server.enqueue(new MockResponse.Builder().code(500).build());
		this.server.enqueue(ok(scimPage(1, 1, "ann")));

		assertThat(pull(scim(Duration.ofSeconds(5)))).isEqualTo(1);

		assertThat(this.server.getRequestCount()).isEqualTo(3);
		assertThat(this.landing.resolve("users/page-0001.json")).content().contains("ann@example.com");
	}

	@Test
	void waitsWhatRetryAfterAsksInSecondsOrAsADateCappedAtTheMaximumBackoff(CapturedOutput output) throws Exception {
		this.server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "30").build());
		this.server.enqueue(
				new MockResponse.Builder().code(503).addHeader("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT").build());
		this.server.enqueue(ok(scimPage(1, 1, "ann")));

		assertThat(pull(scim(Duration.ofSeconds(5)))).isEqualTo(1);

		assertThat(output).contains("answered HTTP 429; retrying in 10 ms (attempt 2 of 3)")
			.contains("answered HTTP 503; retrying in 0 ms (attempt 3 of 3)");
	}

	@Test
	void aReadTimeoutIsRetriedThenFailsTheSourceInOneSentence() {
		for (int i = 0; i < 3; i++) {
			this.server.enqueue(
					new MockResponse.Builder().body(scimPage(1, 1, "ann")).headersDelay(2, TimeUnit.SECONDS).build());
		}

		assertThatExceptionOfType(PullException.class).isThrownBy(() -> pull(scim(Duration.ofMillis(200))))
			.withMessage("scim-test: GET " + this.server.url("/scim/Users?startIndex=1&count=2")
					+ " failed: HttpTimeoutException after 3 attempt(s)");
		assertThat(this.landing.resolve("users/.complete")).doesNotExist();
	}

	@Test
	void aRestartAfterPageTwoOfThreeFetchesOnlyWhatIsMissing() throws Exception {
		this.server.enqueue(ok(scimPage(1, 5, "ann", "bob")));
		this.server.enqueue(ok(scimPage(3, 5, "carl", "dana")));
		for (int i = 0; i < 3; i++) {
			this.server.enqueue(new MockResponse.Builder().code(503).build());
		}
		assertThatExceptionOfType(PullException.class).isThrownBy(() -> pull(scim(Duration.ofSeconds(5))))
			.withMessageEndingWith("answered HTTP 503 after 3 attempt(s)");
		this.server.enqueue(ok(scimPage(5, 5, "eve")));

		assertThat(pull(scim(Duration.ofSeconds(5)))).isEqualTo(1);

		assertThat(targets()).containsExactly("/scim/Users?startIndex=1&count=2", "/scim/Users?startIndex=3&count=2",
				"/scim/Users?startIndex=5&count=2", "/scim/Users?startIndex=5&count=2",
				"/scim/Users?startIndex=5&count=2", "/scim/Users?startIndex=5&count=2");
		assertThat(this.landing.resolve("users/page-0003.json")).content().contains("eve@example.com");
		assertThat(pull(scim(Duration.ofSeconds(5)))).as("a third run fetches nothing").isZero();
	}

	@Test
	void sendsTheCredentialOnlyInItsHeaderAndNeverLogsIt(CapturedOutput output) throws Exception {
		this.server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").build());
		this.server.enqueue(ok(scimPage(1, 1, "ann")));
		pull(scim(Duration.ofSeconds(5)));
		this.server.enqueue(new MockResponse.Builder().code(401).build());

		assertThatExceptionOfType(PullException.class)
			.isThrownBy(() -> new SourcePull(scim(Duration.ofSeconds(5)), this.landing.resolve("again"),
					Credential.of(scim(Duration.ofSeconds(5)), Map.of("SCIM_TOKEN", CREDENTIAL)::get))
				.pull(NIGHT))
			.withMessageContaining("answered HTTP 401 (check the source's credential)")
			.withMessageNotContaining(CREDENTIAL);

		RecordedRequest first = this.server.takeRequest();
		assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer " + CREDENTIAL);
		assertThat(first.getTarget()).doesNotContain(CREDENTIAL);
		assertThat(output).contains("retrying in 0 ms (attempt 2 of 3)").doesNotContain(CREDENTIAL);
	}

	@Test
	void readsTheCredentialFromAMountedFileAndNeverPrintsIt(@TempDir Path secrets) throws Exception {
		Path file = secrets.resolve("scim-token");
		Files.writeString(file, CREDENTIAL + "\n");
		SourceSettings source = new SourceSettings("scim-test", SourceType.SCIM,
				URI.create(this.server.url("/scim").toString()), null, null, file, 2, Duration.ofSeconds(2),
				Duration.ofSeconds(2), 0, Duration.ZERO, Duration.ZERO, 7, null, true);
		this.server.enqueue(ok(scimPage(1, 1, "ann")));

		Credential credential = Credential.of(source, Map.<String, String>of()::get);
		new SourcePull(source, this.landing, credential).pull(NIGHT);

		assertThat(this.server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + CREDENTIAL);
		assertThat(credential).hasToString("****");
		assertThatExceptionOfType(PullException.class)
			.isThrownBy(() -> Credential.of(scim(Duration.ofSeconds(1)), Map.<String, String>of()::get))
			.withMessage("scim-test: the environment variable SCIM_TOKEN is not set");
	}

	@Test
	void followsOpenAiCursorsAndPullsTheKeysOfEveryActiveProject() throws Exception {
		this.server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				String target = request.getTarget();
				if (target.startsWith("/v1/organization/projects?") && !target.contains("after=")) {
					return ok("{\"object\":\"list\",\"data\":[{\"id\":\"proj_1\",\"status\":\"active\"}],"
							+ "\"first_id\":\"proj_1\",\"last_id\":\"proj_1\",\"has_more\":true}");
				}
				if (target.startsWith("/v1/organization/projects?")) {
					return ok("{\"object\":\"list\",\"data\":[{\"id\":\"proj_2\",\"status\":\"archived\"}],"
							+ "\"first_id\":\"proj_2\",\"last_id\":\"proj_2\",\"has_more\":false}");
				}
				if (target.contains("/usage/") || target.startsWith("/v1/organization/costs")) {
					return ok("{\"object\":\"page\",\"data\":[],\"has_more\":false,\"next_page\":null}");
				}
				return ok("{\"object\":\"list\",\"data\":[],\"has_more\":false}");
			}
		});
		SourceSettings openai = settings("openai-test", SourceType.OPENAI, "/v1", Duration.ofSeconds(5), 100);

		new SourcePull(openai, this.landing, Credential.of(openai, Map.of("SCIM_TOKEN", CREDENTIAL)::get)).pull(NIGHT);

		assertThat(targets())
			.contains("/v1/organization/projects?include_archived=true&limit=100",
					"/v1/organization/projects?include_archived=true&limit=100&after=proj_1",
					"/v1/organization/projects/proj_1/api_keys?owner_project_access=any&limit=100",
					"/v1/organization/projects/proj_1/service_accounts?limit=100",
					"/v1/organization/usage/completions?start_time=1794614400&end_time=1795219200&bucket_width=1d"
							+ "&group_by%5B%5D=api_key_id&group_by%5B%5D=model&group_by%5B%5D=project_id&limit=31")
			.noneMatch((target) -> target.contains("proj_2/"));
		assertThat(this.landing.resolve("projects/page-0002.json")).exists();
		assertThat(this.landing.resolve("api_keys-proj_1/.complete")).exists();
	}

	@Test
	void landsSavedResponsesAsPagesOfTheirEndpoint(@TempDir Path inputs) throws Exception {
		Files.writeString(inputs.resolve("keys.1.json"), "{\"keys\":[],\"current_page\":1,\"total_pages\":2}");
		Files.writeString(inputs.resolve("keys.2.json"), "{\"keys\":[],\"current_page\":2,\"total_pages\":2}");
		SourceSettings saved = new SourceSettings("litellm-saved", SourceType.LITELLM, null, null, null, null, 100,
				Duration.ofSeconds(1), Duration.ofSeconds(1), 0, Duration.ZERO, Duration.ZERO, 7, null, true);

		assertThat(new SourcePull(saved, this.landing, null).landSaved(inputs + "/keys.*.json")).isEqualTo(2);

		assertThat(this.landing.resolve("keys/page-0002.json"))
			.hasContent("{\"keys\":[],\"current_page\":2,\"total_pages\":2}");
		assertThat(this.landing.resolve("keys/.complete")).exists();
	}

	private int pull(SourceSettings source) {
		return new SourcePull(source, this.landing, Credential.of(source, Map.of("SCIM_TOKEN", CREDENTIAL)::get))
			.pull(NIGHT);
	}

	private SourceSettings scim(Duration readTimeout) {
		return settings("scim-test", SourceType.SCIM, "/scim", readTimeout, 2);
	}

	private SourceSettings settings(String name, SourceType type, String path, Duration readTimeout, int pageSize) {
		return new SourceSettings(name, type, URI.create(this.server.url(path).toString()), null, "SCIM_TOKEN", null,
				pageSize, Duration.ofSeconds(2), readTimeout, 2, Duration.ofMillis(1), Duration.ofMillis(10), 7, null,
				true);
	}

	private List<String> targets() throws InterruptedException {
		List<String> targets = new ArrayList<>();
		for (int i = this.server.getRequestCount(); i > 0; i--) {
			targets.add(this.server.takeRequest().getTarget());
		}
		return targets;
	}

	private static MockResponse ok(String body) {
		return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
	}

	private static String scimPage(int startIndex, int total, String... users) {
		StringBuilder resources = new StringBuilder();
		for (String user : users) {
			resources.append((resources.length() > 0) ? "," : "")
				.append("{\"id\":\"")
				.append(user)
				.append("\",\"userName\":\"")
				.append(user)
				.append("@example.com\",\"active\":true}");
		}
		return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],\"totalResults\":" + total
				+ ",\"itemsPerPage\":" + users.length + ",\"startIndex\":" + startIndex + ",\"Resources\":[" + resources
				+ "]}";
	}

}
