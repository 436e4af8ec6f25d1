package io.keyreview.pull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import io.keyreview.intake.InputSource;
import tools.jackson.databind.JsonNode;

import static io.keyreview.pull.VendorJson.orEmpty;
import static io.keyreview.pull.VendorJson.text;
import static io.keyreview.pull.VendorJson.time;

/**
 * OpenRouter: the keys of {@code /keys} (a monthly-reset limit as the monthly budget).
 * The activity rows carry no key, so they stay landed as evidence only.
 */
class OpenRouterMapper implements VendorMapper {

	@Override
	public Canonical map(String source, PulledPages pages, LocalDate runDate) {
		Canonical canonical = new Canonical();
		for (JsonNode page : pages.of("keys")) {
			for (JsonNode key : VendorJson.items(page, "data")) {
				Map<String, String> row = canonical.add(InputSource.KEYS);
				row.put("source", source);
				row.put("key_id", orEmpty(text(key.path("hash"))));
				row.put("alias", orEmpty(text(key.path("name"))));
				row.put("project", orEmpty(text(key.path("workspace_id"))));
				row.put("status", key.path("disabled").asBoolean(false) ? "disabled" : "active");
				row.put("owner", orEmpty(text(key.path("creator_user_id"))));
				row.put("owner_type", (text(key.path("creator_user_id")) != null) ? "user" : "");
				row.put("created_at", orEmpty(time(key.path("created_at"))));
				row.put("last_used_at", orEmpty(time(key.path("last_used_at"))));
				row.put("expires_at", orEmpty(time(key.path("expires_at"))));
				BigDecimal limit = VendorJson.amount(key.path("limit"));
				row.put("monthly_budget_usd", (limit != null && "monthly".equals(text(key.path("limit_reset"))))
						? limit.toPlainString() : "");
			}
		}
		for (JsonNode page : pages.of("activity")) {
			for (JsonNode activity : VendorJson.items(page, "data")) {
				BigDecimal usage = VendorJson.amount(activity.path("usage"));
				if (usage != null && VendorJson.day(activity.path("date")) != null) {
					canonical.addCost(new ProviderCost(VendorJson.costDay(activity.path("date")), "", "",
							orEmpty(text(activity.path("model"))) + " via "
									+ orEmpty(text(activity.path("provider_name"))),
							usage));
				}
			}
		}
		return canonical;
	}

}
