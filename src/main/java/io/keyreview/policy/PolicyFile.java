package io.keyreview.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A route policy YAML file exactly as the policy schema writes it. Every section is
 * optional; a missing section reads as an empty one and a missing list as an empty list.
 */
record PolicyFile(@Nullable String keyId, Owners owners, @Nullable String environment, Workload workload, Routes routes,
		Models models, Scopes scopes, Quotas quotas, Logging logging, Rotation rotation, Offboarding offboarding,
		Exceptions exceptions) {

	PolicyFile {
		owners = (owners != null) ? owners : new Owners(null, null, null, null, null);
		workload = (workload != null) ? workload : new Workload(null, null, null);
		routes = (routes != null) ? routes : new Routes(null, null);
		models = (models != null) ? models : new Models(null, null);
		scopes = (scopes != null) ? scopes : new Scopes(null, null);
		quotas = (quotas != null) ? quotas : new Quotas(null, null, null);
		logging = (logging != null) ? logging : new Logging(null, null, null);
		rotation = (rotation != null) ? rotation : new Rotation(null, null, null);
		offboarding = (offboarding != null) ? offboarding : new Offboarding(null);
		exceptions = (exceptions != null) ? exceptions : new Exceptions(null, null, null, null);
	}

	record Owners(@Nullable String business, @Nullable String technical, @Nullable String security,
			@Nullable String finance, @Nullable String backup) {
	}

	record Workload(@Nullable String service, @Nullable String repository, @Nullable String deployment) {
	}

	record Routes(List<String> allowed, List<String> denied) {
		Routes {
			allowed = orEmpty(allowed);
			denied = orEmpty(denied);
		}
	}

	record Models(List<String> allowedGroups, @Nullable Boolean fallbackRequiresSameDataPolicy) {
		Models {
			allowedGroups = orEmpty(allowedGroups);
		}
	}

	record Scopes(List<String> allow, List<String> deny) {
		Scopes {
			allow = orEmpty(allow);
			deny = orEmpty(deny);
		}
	}

	record Quotas(@Nullable BigDecimal monthlyBudgetUsd, @Nullable String alertOwner, @Nullable String burstLimit) {
	}

	record Logging(@Nullable String requestMetadata, @Nullable String rawPayloadStorage,
			List<String> auditEventsRequired) {
		Logging {
			auditEventsRequired = orEmpty(auditEventsRequired);
		}
	}

	record Rotation(@Nullable String cadence, @Nullable String method, @Nullable LocalDate lastCompleted) {
	}

	record Offboarding(List<String> triggers) {
		Offboarding {
			triggers = orEmpty(triggers);
		}
	}

	record Exceptions(@Nullable Boolean allowed, @Nullable String reason, @Nullable String approver,
			@Nullable LocalDate expires) {
	}

	private static List<String> orEmpty(@Nullable List<String> items) {
		return (items != null) ? items : List.of();
	}

}
