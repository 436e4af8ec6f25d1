package io.keyreview.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A key as the register holds it after tonight's reconciliation: what the rules look at.
 *
 * @param routes the routes the inventory grants
 * @param models the models the inventory grants
 * @param scopes the scopes the inventory grants
 * @param disabledSince the run date the change log first saw the key disabled, if it is
 * @param ownerChangedOn the last run date the change log saw the key's owners change
 * @param anomalies tonight's usage anomalies, with their evidence, if there are any
 * @param policy what the key's policy file approved, or {@code null} without one
 */
public record ReviewedKey(String keyId, @Nullable String alias, @Nullable String environment, @Nullable String status,
		@Nullable String owner, @Nullable String ownerType, @Nullable String createdBy, @Nullable Instant createdAt,
		@Nullable Instant lastUsedAt, @Nullable Instant lastRotatedAt, @Nullable Instant expiresAt, List<String> routes,
		List<String> models, List<String> scopes, List<String> routesSeen90d, List<String> modelsSeen90d,
		BigDecimal spendMonthUsd, @Nullable BigDecimal monthlyBudgetUsd, int exposures, @Nullable LocalDate goneSince,
		@Nullable LocalDate disabledSince, @Nullable LocalDate ownerChangedOn, @Nullable String anomalies,
		@Nullable Approval policy) {

	private static final Set<String> RETIRED = Set.of("revoked", "expired", "deleted");

	/** A key that is gone from its inventory or can no longer be used is not reviewed. */
	public boolean retired() {
		return this.goneSince != null || (this.status != null && RETIRED.contains(this.status));
	}

	/**
	 * The environment the inventory states, else the policy's (vendor inventories state
	 * none).
	 */
	public @Nullable String effectiveEnvironment() {
		if (stated(this.environment) || this.policy == null) {
			return this.environment;
		}
		return this.policy.environment();
	}

	public boolean isProduction() {
		return "production".equals(effectiveEnvironment());
	}

	static boolean stated(@Nullable String environment) {
		return environment != null && !environment.equals("unknown");
	}

	/** What a key's policy approved, as far as the rules need it. */
	public record Approval(@Nullable String businessOwner, @Nullable String technicalOwner,
			@Nullable String securityOwner, @Nullable String financeOwner, @Nullable String backupOwner,
			@Nullable String environment, List<String> routesAllowed, List<String> routesDenied,
			List<String> modelGroups, List<String> scopesAllowed, List<String> scopesDenied,
			@Nullable String rotationCadence, @Nullable String exceptionReason, @Nullable String exceptionApprover,
			@Nullable LocalDate exceptionExpires) {

	}

}
