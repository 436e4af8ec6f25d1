package io.keyreview.pull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import io.keyreview.intake.InputSource;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static io.keyreview.pull.VendorJson.orEmpty;
import static io.keyreview.pull.VendorJson.text;
import static io.keyreview.pull.VendorJson.time;

/**
 * Anthropic: API keys in the 2025 shape ({@code workspace_id}, {@code created_by}) and
 * the 2026 shape ({@code scope}, {@code principal}, {@code expires_at}, status
 * {@code expired}), owners resolved to e-mail through the users; the messages usage
 * report by key and model (tokens; the report counts no requests). The cost report cannot
 * be grouped by key, so it stays landed as evidence only.
 */
class AnthropicMapper implements VendorMapper {

	private static final Map<String, String> STATUSES = Map.of("active", "active", "inactive", "disabled", "archived",
			"revoked", "expired", "expired");

	@Override
	public Canonical map(String source, PulledPages pages, LocalDate runDate) {
		Canonical canonical = new Canonical();
		Map<String, String> emails = new HashMap<>();
		pages.of("users")
			.forEach((page) -> VendorJson.items(page, "data")
				.forEach((user) -> emails.put(orEmpty(text(user.path("id"))), orEmpty(text(user.path("email"))))));
		Map<String, String> workspaces = new HashMap<>();
		pages.of("workspaces")
			.forEach((page) -> VendorJson.items(page, "data")
				.forEach((workspace) -> workspaces.put(orEmpty(text(workspace.path("id"))),
						orEmpty(text(workspace.path("name"))))));
		for (JsonNode page : pages.of("api_keys")) {
			for (JsonNode key : VendorJson.items(page, "data")) {
				Map<String, String> row = canonical.add(InputSource.KEYS);
				row.put("source", source);
				row.put("key_id", orEmpty(text(key.path("id"))));
				row.put("alias", orEmpty(text(key.path("name"))));
				String project = project(key);
				String workspaceName = workspaces.get(project);
				row.put("project", (workspaceName != null && !workspaceName.isEmpty()) ? workspaceName : project);
				row.put("status", STATUSES.getOrDefault(orEmpty(text(key.path("status"))), ""));
				String creator = person(key.path("created_by").path("id"), emails);
				JsonNode principal = key.path("principal");
				boolean serviceAccount = "service_account_actor".equals(text(principal.path("type")))
						|| (principal.isMissingNode()
								&& "service_account".equals(text(key.path("created_by").path("type"))));
				String owner = "user_actor".equals(text(principal.path("type")))
						? person(principal.path("user_id"), emails)
						: serviceAccount ? orEmpty((text(principal.path("service_account_id")) != null)
								? text(principal.path("service_account_id")) : text(key.path("created_by").path("id")))
								: creator;
				row.put("owner", owner);
				row.put("owner_type", serviceAccount ? "service_account" : "user");
				row.put("created_by", creator);
				row.put("created_at", orEmpty(time(key.path("created_at"))));
				row.put("expires_at", orEmpty(time(key.path("expires_at"))));
			}
		}
		for (JsonNode page : pages.of("usage_messages")) {
			for (JsonNode bucket : VendorJson.items(page, "data")) {
				for (JsonNode result : bucket.path("results")) {
					Map<String, String> row = canonical.add(InputSource.USAGE);
					String keyId = text(result.path("api_key_id"));
					row.put("key_id", (keyId != null) ? keyId : VendorMapper.noKey(source));
					row.put("timestamp", orEmpty(time(bucket.path("starting_at"))));
					row.put("model", orEmpty(text(result.path("model"))));
					row.put("provider", "anthropic");
					row.put("requests", "0");
					long input = result.path("uncached_input_tokens").asLong(0)
							+ result.path("cache_creation").path("ephemeral_1h_input_tokens").asLong(0)
							+ result.path("cache_creation").path("ephemeral_5m_input_tokens").asLong(0)
							+ result.path("cache_read_input_tokens").asLong(0);
					row.put("input_tokens", Long.toString(input));
					row.put("output_tokens", Long.toString(result.path("output_tokens").asLong(0)));
					row.put("cost_usd", "0");
					row.put("failed_requests", "0");
				}
			}
		}
		for (JsonNode page : pages.of("cost_report")) {
			for (JsonNode bucket : VendorJson.items(page, "data")) {
				for (JsonNode result : bucket.path("results")) {
					BigDecimal cents = VendorJson.amount(result.path("amount"));
					if (cents == null || !"USD".equalsIgnoreCase(orEmpty(text(result.path("currency"))))) {
						continue;
					}
					String workspace = orEmpty(text(result.path("workspace_id")));
					canonical.addCost(new ProviderCost(VendorJson.costDay(bucket.path("starting_at")), "",
							workspaces.getOrDefault(workspace, workspace.isEmpty() ? "default" : workspace),
							orEmpty(text(result.path("description"))), cents.movePointLeft(2)));
				}
			}
		}
		return canonical;
	}

	private static String project(JsonNode key) {
		JsonNode scope = key.path("scope");
		if ("organization".equals(text(scope.path("type")))) {
			return "organization";
		}
		String workspace = (text(scope.path("workspace_id")) != null) ? text(scope.path("workspace_id"))
				: text(key.path("workspace_id"));
		return (workspace != null) ? workspace : "default";
	}

	private static String person(JsonNode id, Map<String, String> emails) {
		@Nullable String userId = text(id);
		if (userId == null) {
			return "";
		}
		String email = emails.get(userId);
		return (email != null && !email.isEmpty()) ? email : userId;
	}

}
