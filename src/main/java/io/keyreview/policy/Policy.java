package io.keyreview.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.keyreview.secrets.Exposed;
import io.keyreview.secrets.Exposure;
import org.jspecify.annotations.Nullable;

/**
 * What was approved for one key, flattened from its policy file for the register.
 *
 * @param backupOwner who receives the owners' review items while they are on leave or
 * gone, and may answer for the key: a person or a group
 */
public record Policy(String keyId, @Nullable String businessOwner, @Nullable String technicalOwner,
		@Nullable String securityOwner, @Nullable String financeOwner, @Nullable String backupOwner,
		@Nullable String environment, @Nullable String workloadService, @Nullable String workloadRepository,
		@Nullable String workloadDeployment, List<String> routesAllowed, List<String> routesDenied,
		List<String> modelGroupsAllowed, @Nullable Boolean fallbackRequiresSameDataPolicy, List<String> scopesAllow,
		List<String> scopesDeny, @Nullable BigDecimal monthlyBudgetUsd, @Nullable String alertOwner,
		@Nullable String burstLimit, @Nullable String requestMetadataLogging, @Nullable String rawPayloadStorage,
		List<String> auditEventsRequired, @Nullable String rotationCadence, @Nullable String rotationMethod,
		@Nullable LocalDate rotationLastCompleted, List<String> offboardingTriggers,
		@Nullable Boolean exceptionsAllowed, @Nullable String exceptionReason, @Nullable String exceptionApprover,
		@Nullable LocalDate exceptionExpires, String inputFile, List<Exposure> exposures) implements Exposed {

}
