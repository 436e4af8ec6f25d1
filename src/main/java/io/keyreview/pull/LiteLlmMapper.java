package io.keyreview.pull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.keyreview.intake.InputSource;
import tools.jackson.databind.JsonNode;

import static io.keyreview.pull.VendorJson.orEmpty;
import static io.keyreview.pull.VendorJson.text;
import static io.keyreview.pull.VendorJson.time;

/**
 * LiteLLM: the full key objects of {@code /key/list} (models, routes, budget, expiry,
 * team, user, blocked, rotation, last activity, environment from the metadata) and the
 * spend logs, joined on the hashed token; a key listed only by its hash becomes a bare
 * key id.
 */
class LiteLlmMapper implements VendorMapper {

	private static final Map<String, String> ENVIRONMENTS = Map.of("prod", "production", "production", "production",
			"stage", "staging", "staging", "staging", "dev", "development", "development", "development", "ci", "ci",
			"test", "ci");

	private static final Set<String> MONTHLY = Set.of("30d", "1mo", "1M", "monthly");

	@Override
	public Canonical map(String source, PulledPages pages, LocalDate runDate) {
		Canonical canonical = new Canonical();
		Instant now = runDate.atStartOfDay(ZoneOffset.UTC).toInstant();
		for (JsonNode page : pages.of("keys")) {
			for (JsonNode key : VendorJson.items(page, "keys")) {
				Map<String, String> row = canonical.add(InputSource.KEYS);
				row.put("source", source);
				if (key.isString()) {
					row.put("key_id", key.asString());
					continue;
				}
				JsonNode metadata = key.path("metadata");
				row.put("key_id", orEmpty(text(key.path("token"))));
				row.put("alias", orEmpty((text(key.path("key_alias")) != null) ? text(key.path("key_alias"))
						: text(key.path("key_name"))));
				row.put("project", orEmpty((text(key.path("team_id")) != null) ? text(key.path("team_id"))
						: text(key.path("project_id"))));
				String environment = text(metadata.path("environment"));
				row.put("environment", (environment != null)
						? ENVIRONMENTS.getOrDefault(environment.toLowerCase(Locale.ROOT), environment) : "");
				String expires = time(key.path("expires"));
				row.put("status", key.path("blocked").asBoolean(false) ? "disabled"
						: VendorJson.before(expires, now) ? "expired" : "active");
				String owner = (text(metadata.path("owner_email")) != null) ? text(metadata.path("owner_email"))
						: text(key.path("user_id"));
				row.put("owner", orEmpty(owner));
				row.put("owner_type", (owner != null && owner.contains("@")) ? "user" : "service_account");
				row.put("created_by", orEmpty(text(key.path("created_by"))));
				row.put("created_at", orEmpty(time(key.path("created_at"))));
				row.put("last_used_at", orEmpty(time(key.path("last_active"))));
				row.put("last_rotated_at", orEmpty(time(key.path("last_rotation_at"))));
				row.put("expires_at", orEmpty(expires));
				row.put("allowed_models", VendorJson.joined(key.path("models")));
				row.put("allowed_routes", VendorJson.joined(key.path("allowed_routes")));
				BigDecimal budget = VendorJson.amount(key.path("max_budget"));
				row.put("monthly_budget_usd",
						(budget != null && MONTHLY.contains(orEmpty(text(key.path("budget_duration")))))
								? budget.toPlainString() : "");
			}
		}
		for (JsonNode page : pages.of("spend_logs")) {
			for (JsonNode log : VendorJson.items(page, "data")) {
				Map<String, String> row = canonical.add(InputSource.USAGE);
				String keyId = text(log.path("api_key"));
				row.put("key_id", (keyId != null) ? keyId : VendorMapper.noKey(source));
				row.put("timestamp", orEmpty(time(log.path("startTime"))));
				row.put("model", orEmpty((text(log.path("model_group")) != null) ? text(log.path("model_group"))
						: text(log.path("model"))));
				row.put("provider", orEmpty(text(log.path("custom_llm_provider"))));
				row.put("requests", "1");
				row.put("input_tokens", orEmpty(text(log.path("prompt_tokens"))));
				row.put("output_tokens", orEmpty(text(log.path("completion_tokens"))));
				BigDecimal spend = VendorJson.amount(log.path("spend"));
				row.put("cost_usd", (spend != null) ? spend.toPlainString() : "0");
				String status = (text(log.path("status")) != null) ? text(log.path("status"))
						: text(log.path("metadata").path("status"));
				row.put("failed_requests", "failure".equals(status) ? "1" : "0");
				row.put("client_ip",
						orEmpty((text(log.path("requester_ip_address")) != null)
								? text(log.path("requester_ip_address"))
								: text(log.path("metadata").path("requester_ip_address"))));
			}
		}
		return canonical;
	}

}
