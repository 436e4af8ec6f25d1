package io.keyreview.pull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import io.keyreview.intake.InputSource;
import tools.jackson.databind.JsonNode;

import static io.keyreview.pull.VendorJson.orEmpty;
import static io.keyreview.pull.VendorJson.text;
import static io.keyreview.pull.VendorJson.time;

/**
 * OpenAI: project API keys (owner user or service account, last use), admin keys (with
 * the {@code admin_api} scope), the usage buckets grouped by key, model and project
 * (requests and tokens), and the cost buckets grouped by key (amounts in dollars).
 */
class OpenAiMapper implements VendorMapper {

	@Override
	public Canonical map(String source, PulledPages pages, LocalDate runDate) {
		Canonical canonical = new Canonical();
		Map<String, String> projectNames = new HashMap<>();
		pages.of("projects")
			.forEach((page) -> VendorJson.items(page, "data")
				.forEach((project) -> projectNames.put(orEmpty(text(project.path("id"))),
						orEmpty(text(project.path("name"))))));
		for (String endpoint : pages.endpointsStartingWith("api_keys-")) {
			String projectId = endpoint.substring("api_keys-".length());
			for (JsonNode page : pages.of(endpoint)) {
				for (JsonNode key : VendorJson.items(page, "data")) {
					Map<String, String> row = key(canonical, source, key);
					row.put("project", projectNames.getOrDefault(projectId, projectId));
					row.put("status",
							"inactive".equals(text(key.path("owner_project_access"))) ? "disabled" : "active");
					JsonNode owner = key.path("owner");
					String type = orEmpty(text(owner.path("type")));
					row.put("owner_type", type.equals("service_account") ? "service_account" : "user");
					if (type.equals("service_account")) {
						JsonNode account = owner.path("service_account");
						row.put("owner", orEmpty((text(account.path("name")) != null) ? text(account.path("name"))
								: text(account.path("id"))));
					}
					else {
						row.put("owner", orEmpty(text(owner.path("user").path("email"))));
						row.put("created_by", orEmpty(text(owner.path("user").path("email"))));
					}
				}
			}
		}
		for (JsonNode page : pages.of("admin_api_keys")) {
			for (JsonNode key : VendorJson.items(page, "data")) {
				Map<String, String> row = key(canonical, source, key);
				row.put("project", "organization");
				row.put("status", "active");
				row.put("owner", orEmpty(text(key.path("owner").path("name"))));
				row.put("owner_type",
						"service_account".equals(text(key.path("owner").path("type"))) ? "service_account" : "user");
				row.put("expires_at", orEmpty(time(key.path("expires_at"))));
				row.put("scopes", "admin_api");
			}
		}
		for (String endpoint : pages.endpointsStartingWith("usage_")) {
			for (JsonNode page : pages.of(endpoint)) {
				for (JsonNode bucket : VendorJson.items(page, "data")) {
					for (JsonNode result : bucket.path("results")) {
						Map<String, String> row = usage(canonical, source, bucket, result);
						row.put("model", orEmpty(text(result.path("model"))));
						row.put("requests", Long.toString(result.path("num_model_requests").asLong(0)));
						row.put("input_tokens", Long.toString(result.path("input_tokens").asLong(0)));
						row.put("output_tokens", Long.toString(result.path("output_tokens").asLong(0)));
						row.put("cost_usd", "0");
					}
				}
			}
		}
		for (JsonNode page : pages.of("costs")) {
			for (JsonNode bucket : VendorJson.items(page, "data")) {
				for (JsonNode result : bucket.path("results")) {
					JsonNode amount = result.path("amount");
					if (!"usd".equalsIgnoreCase(orEmpty(text(amount.path("currency"))))) {
						continue;
					}
					Map<String, String> row = usage(canonical, source, bucket, result);
					BigDecimal value = VendorJson.amount(amount.path("value"));
					row.put("requests", "0");
					row.put("cost_usd", (value != null) ? value.toPlainString() : "0");
					if (value != null) {
						canonical.addCost(new ProviderCost(VendorJson.costDay(bucket.path("start_time")),
								orEmpty(text(result.path("api_key_id"))), orEmpty(text(result.path("project_id"))),
								orEmpty(text(result.path("line_item"))), value));
					}
				}
			}
		}
		return canonical;
	}

	private static Map<String, String> key(Canonical canonical, String source, JsonNode key) {
		Map<String, String> row = canonical.add(InputSource.KEYS);
		row.put("source", source);
		row.put("key_id", orEmpty(text(key.path("id"))));
		row.put("alias", orEmpty(text(key.path("name"))));
		row.put("created_at", orEmpty(time(key.path("created_at"))));
		row.put("last_used_at", orEmpty(time(key.path("last_used_at"))));
		return row;
	}

	private static Map<String, String> usage(Canonical canonical, String source, JsonNode bucket, JsonNode result) {
		Map<String, String> row = canonical.add(InputSource.USAGE);
		String keyId = text(result.path("api_key_id"));
		row.put("key_id", (keyId != null) ? keyId : VendorMapper.noKey(source));
		row.put("timestamp", orEmpty(time(bucket.path("start_time"))));
		row.put("provider", "openai");
		row.put("failed_requests", "0");
		return row;
	}

}
