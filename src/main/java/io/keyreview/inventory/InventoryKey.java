package io.keyreview.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.keyreview.secrets.Exposed;
import io.keyreview.secrets.Exposure;
import org.jspecify.annotations.Nullable;

/** One key as tonight's inventory lists it ({@code keys.csv}). */
public record InventoryKey(String source, String keyId, @Nullable String alias, @Nullable String project,
		String environment, @Nullable String status, @Nullable String owner, @Nullable String ownerType,
		@Nullable String createdBy, @Nullable Instant createdAt, @Nullable Instant lastUsedAt,
		@Nullable Instant lastRotatedAt, @Nullable Instant expiresAt, List<String> scopes, List<String> allowedModels,
		List<String> allowedRoutes, @Nullable BigDecimal monthlyBudgetUsd, @Nullable String secretLocation,
		String inputFile, List<Exposure> exposures) implements Exposed {

	/** The longest value (characters) each column of {@code inventory_key} holds. */
	public static final Map<String, Integer> MAX_LENGTHS = Map.of("source", 64, "key_id", 128, "alias", 300, "project",
			200, "owner", 300, "created_by", 300, "scopes", 16000, "allowed_models", 16000, "allowed_routes", 16000,
			"secret_location", 500);

	public static final List<String> ENVIRONMENTS = List.of("production", "staging", "development", "ci", "vendor",
			"break-glass");

}
