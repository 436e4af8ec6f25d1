package io.keyreview.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * LiteLLM, OpenAI, Anthropic and OpenRouter admin APIs with a few keys each, whose state
 * the admin requests change and the readbacks show. Quirks: Anthropic answers the first
 * update with a 429, OpenRouter the first PATCH with a 503, LiteLLM's {@code lt-gone} is
 * already deleted (404) though its info still shows it, and OpenRouter's {@code orstuck}
 * ignores every PATCH.
 */
final class VendorAdminStub extends Dispatcher {

	final MockWebServer server = new MockWebServer();

	/**
	 * Every request other than a GET: method, path, credential header, idempotency
	 * marker, body.
	 */
	final List<String> writes = new CopyOnWriteArrayList<>();

	private final Set<String> gone = ConcurrentHashMap.newKeySet();

	private final Set<String> disabled = ConcurrentHashMap.newKeySet();

	private final Map<String, String> models = new ConcurrentHashMap<>();

	private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();

	VendorAdminStub() {
		this.server.setDispatcher(this);
		try {
			this.server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void reset() {
		this.writes.clear();
		this.gone.clear();
		this.disabled.clear();
		this.failedOnce.clear();
		this.models.clear();
		this.models.put("lt-narrow", "[\"gpt-4o\",\"gpt-4o-mini\",\"claude-3-5-haiku\"]");
	}

	@Override
	public MockResponse dispatch(RecordedRequest request) {
		String target = request.getTarget();
		String method = request.getMethod();
		if (!method.equals("GET")) {
			String credential = (request.getHeaders().get("Authorization") != null)
					? request.getHeaders().get("Authorization") : request.getHeaders().get("x-api-key");
			this.writes.add(method + " " + target + " " + credential + " " + request.getHeaders().get("Idempotency-Key")
					+ " " + ((request.getBody() != null) ? request.getBody().utf8() : ""));
			return write(method, target, (request.getBody() != null) ? request.getBody().utf8() : "");
		}
		return read(target);
	}

	private MockResponse write(String method, String target, String body) {
		if (target.equals("/anthropic/v1/organizations/api_keys/apikey_ant") && this.failedOnce.add(target)) {
			return new MockResponse.Builder().code(429).addHeader("Retry-After", "0").build();
		}
		if (target.equals("/openrouter/api/v1/keys/orhash") && this.failedOnce.add(target)) {
			return new MockResponse.Builder().code(503).build();
		}
		if (target.equals("/litellm/key/block")) {
			this.disabled.add(idIn(body, "key"));
		}
		else if (target.equals("/litellm/key/delete")) {
			if (body.contains("lt-gone")) {
				return new MockResponse.Builder().code(404).build();
			}
		}
		else if (target.equals("/litellm/key/update")) {
			this.models.put(idIn(body, "key"), body.substring(body.indexOf('[')).replace("}", ""));
		}
		else if (method.equals("DELETE")) {
			this.gone.add(target.substring(target.lastIndexOf('/') + 1));
		}
		else if (target.startsWith("/anthropic/") && body.contains("inactive")) {
			this.disabled.add("apikey_ant");
		}
		else if (target.equals("/openrouter/api/v1/keys/orhash")) {
			this.disabled.add("orhash");
		}
		return json("{}");
	}

	private MockResponse read(String target) {
		if (target.startsWith("/litellm/key/list")) {
			return json("""
					{"keys":[%s,%s,%s,%s],"total_count":4,"current_page":1,"total_pages":1}""".formatted(
					liteLlmKey("lt-block", "production"), liteLlmKey("lt-gone", "production"),
					liteLlmKey("lt-narrow", "production"), liteLlmKey("lt-prod", "production")));
		}
		if (target.startsWith("/litellm/key/info?key=")) {
			String key = target.substring("/litellm/key/info?key=".length());
			return this.gone.contains(key) ? new MockResponse.Builder().code(404).build()
					: json("{\"key\":\"" + key + "\",\"info\":{\"token\":\"" + key + "\",\"blocked\":"
							+ this.disabled.contains(key) + ",\"models\":" + this.models.getOrDefault(key, "[]")
							+ "}}");
		}
		if (target.startsWith("/openai/v1/organization/projects?")) {
			return json(
					"{\"data\":[{\"id\":\"proj_1\",\"name\":\"Support\",\"status\":\"active\"}],\"has_more\":false}");
		}
		if (target.startsWith("/openai/v1/organization/projects/proj_1/api_keys/key_oa")) {
			return this.gone.contains("key_oa") ? new MockResponse.Builder().code(404).build()
					: json("{\"id\":\"key_oa\",\"name\":\"support bot\"}");
		}
		if (target.startsWith("/openai/v1/organization/projects/proj_1/api_keys")) {
			return json("""
					{"data":[{"id":"key_oa","name":"support bot","created_at":1767225600,"last_used_at":1795161600,
					  "owner":{"type":"user","user":{"id":"user_1","email":"ann@example.com"}}}],"has_more":false}""");
		}
		if (target.startsWith("/anthropic/v1/organizations/api_keys")) {
			String status = this.disabled.contains("apikey_ant") ? "inactive" : "active";
			String key = "{\"id\":\"apikey_ant\",\"name\":\"claude batch\",\"status\":\"" + status
					+ "\",\"created_at\":\"2026-01-02T00:00:00Z\",\"created_by\":{\"id\":\"user_a\",\"type\":\"user\"}}";
			return json(target.contains("/apikey_ant") ? key : "{\"data\":[" + key + "],\"has_more\":false}");
		}
		if (target.startsWith("/openrouter/api/v1/keys/")) {
			String hash = target.substring(target.lastIndexOf('/') + 1);
			return json("{\"data\":{\"hash\":\"" + hash + "\",\"disabled\":" + this.disabled.contains(hash) + "}}");
		}
		if (target.startsWith("/openrouter/api/v1/keys")) {
			return json("""
					{"data":[{"hash":"orhash","name":"router","disabled":false,"created_at":"2026-01-02T00:00:00Z",
					  "creator_user_id":"ann@example.com"},
					 {"hash":"orstuck","name":"router 2","disabled":false,"created_at":"2026-01-02T00:00:00Z",
					  "creator_user_id":"ann@example.com"}]}""");
		}
		if (target.contains("/organization/usage/") || target.contains("/organization/costs")
				|| target.contains("usage_report") || target.contains("cost_report")) {
			return json("{\"data\":[],\"has_more\":false,\"next_page\":null}");
		}
		if (target.startsWith("/litellm/spend/logs")) {
			return json("{\"data\":[],\"total\":0,\"page\":1,\"page_size\":100,\"total_pages\":1}");
		}
		return json("{\"data\":[],\"has_more\":false}");
	}

	private static String liteLlmKey(String token, String environment) {
		return """
				{"token":"%s","key_alias":"%s","user_id":"ann@example.com","created_at":"2026-01-02T00:00:00Z",
				 "models":[],"blocked":false,"metadata":{"environment":"%s"}}""".formatted(token, token, environment);
	}

	private static String idIn(String body, String field) {
		String from = body.substring(body.indexOf("\"" + field + "\":\"") + field.length() + 4);
		return from.substring(0, from.indexOf('"'));
	}

	private static MockResponse json(String body) {
		return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
	}

}
