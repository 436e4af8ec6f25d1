package io.keyreview.register;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.keyreview.inventory.InventoryKey;
import io.keyreview.policy.Policy;
import io.keyreview.usage.UsageSummary;
import org.jspecify.annotations.Nullable;

/**
 * One row of the key register: the key as its inventory last listed it, what its policy
 * approved, what its usage shows, and when it was first and last seen.
 */
public record RegisterEntry(InventoryKey key, @Nullable Policy policy, UsageSummary usage, List<LocalDate> exposedOn,
		LocalDate firstSeen, LocalDate lastSeen, @Nullable LocalDate goneSince) {

	/**
	 * Secrets of this key seen in the inputs since its last rotation (a rotation resolves
	 * an exposure).
	 */
	public int exposures() {
		Instant lastRotatedAt = lastRotatedAt();
		LocalDate rotatedOn = (lastRotatedAt != null) ? LocalDate.ofInstant(lastRotatedAt, ZoneOffset.UTC)
				: LocalDate.MIN;
		return (int) this.exposedOn.stream().filter((day) -> !day.isBefore(rotatedOn)).count();
	}

	public @Nullable Instant lastUsedAt() {
		return later(this.key.lastUsedAt(), this.usage.lastUsedAt());
	}

	public @Nullable Instant lastRotatedAt() {
		LocalDate policyRotation = (this.policy != null) ? this.policy.rotationLastCompleted() : null;
		return later(this.key.lastRotatedAt(),
				(policyRotation != null) ? policyRotation.atStartOfDay(ZoneOffset.UTC).toInstant() : null);
	}

	/** The approved budget where a policy sets one, else the inventory's. */
	public @Nullable BigDecimal monthlyBudgetUsd() {
		if (this.policy != null && this.policy.monthlyBudgetUsd() != null) {
			return this.policy.monthlyBudgetUsd();
		}
		return this.key.monthlyBudgetUsd();
	}

	public @Nullable String costOwner() {
		if (this.policy == null) {
			return null;
		}
		return (this.policy.financeOwner() != null) ? this.policy.financeOwner() : this.policy.alertOwner();
	}

	KeyState state() {
		Policy approved = this.policy;
		return new KeyState(this.key.status(),
				KeyState.owners(this.key.owner(), (approved != null) ? approved.businessOwner() : null,
						(approved != null) ? approved.technicalOwner() : null),
				this.key.scopes(),
				KeyState.union(this.key.allowedRoutes(), (approved != null) ? approved.routesAllowed() : List.of()),
				KeyState.union(this.key.allowedModels(),
						(approved != null) ? approved.modelGroupsAllowed() : List.of()),
				lastRotatedAt());
	}

	private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.isAfter(b)) ? a : b;
	}

}
