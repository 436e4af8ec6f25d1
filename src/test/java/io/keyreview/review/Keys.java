package io.keyreview.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.keyreview.people.Person;
import io.keyreview.policy.Directory;
import io.keyreview.review.ReviewedKey.Approval;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * A healthy production key and the world around it on {@link #RUN_DATE}; each test
 * changes the one thing its rule looks at.
 */
final class Keys {

	static final LocalDate RUN_DATE = LocalDate.parse("2026-11-21");

	/**
	 * The thresholds as bound with no settings given: the defaults of
	 * {@link RuleSettings}.
	 */
	static final RuleSettings DEFAULTS = new Binder(new MapConfigurationPropertySource(Map.of()))
		.bindOrCreate("keyreview.rules", RuleSettings.class);

	static final Directory DIRECTORY = new Directory(
			Map.of("team_a", new Directory.Group("team-a@example.com", "ann@example.com"), "shared",
					new Directory.Group("shared@example.com", null)),
			Map.of("chat-models", List.of("gpt-4o-mini", "claude-3-5-haiku"), "image-models", List.of("gpt-image-1")),
			Map.of("chat-prod", "production", "chat-staging", "staging"));

	static final Map<String, Person> PEOPLE = Map.of("ann@example.com", person("ann@example.com", "active", null),
			"bob@example.com", person("bob@example.com", "active", null), "carl@example.com",
			person("carl@example.com", "active", null));

	String environment = "production";

	String status = "active";

	@Nullable String owner = "team_a";

	String ownerType = "service_account";

	@Nullable String createdBy = "bob@example.com";

	@Nullable Instant createdAt = at("2025-06-01");

	@Nullable Instant lastUsedAt = at("2026-11-20");

	@Nullable Instant lastRotatedAt = at("2026-10-01");

	@Nullable Instant expiresAt = at("2027-04-01");

	List<String> routes = List.of("chat-prod");

	List<String> models = List.of("gpt-4o-mini");

	List<String> scopes = List.of("model_request");

	List<String> routesSeen = List.of("chat-prod");

	List<String> modelsSeen = List.of("gpt-4o-mini");

	BigDecimal spendMonth = new BigDecimal("40.00");

	@Nullable BigDecimal budget = new BigDecimal("50");

	int exposures;

	@Nullable LocalDate goneSince;

	@Nullable LocalDate disabledSince;

	@Nullable LocalDate ownerChangedOn;

	@Nullable String anomalies;

	boolean withPolicy = true;

	@Nullable String businessOwner = "team_a";

	@Nullable String technicalOwner = "carl@example.com";

	@Nullable String financeOwner = "finops";

	@Nullable String policyEnvironment = "production";

	List<String> routesDenied = List.of("admin-tools");

	List<String> modelGroups = List.of("chat-models");

	List<String> scopesAllowed = List.of("model_request");

	List<String> scopesDenied = List.of("key_management");

	String rotationCadence = "90d_or_owner_change";

	@Nullable String backupOwner;

	@Nullable String exceptionReason;

	@Nullable LocalDate exceptionExpires;

	@Nullable String exceptionApprover = "ann@example.com";

	Map<String, Person> people = new java.util.HashMap<>(PEOPLE);

	ReviewedKey build() {
		Approval policy = this.withPolicy ? new Approval(this.businessOwner, this.technicalOwner, "appsec",
				this.financeOwner, this.backupOwner, this.policyEnvironment, this.routes, this.routesDenied,
				this.modelGroups, this.scopesAllowed, this.scopesDenied, this.rotationCadence, this.exceptionReason,
				(this.exceptionReason != null) ? this.exceptionApprover : null, this.exceptionExpires) : null;
		return new ReviewedKey("key-1", "alias-1", this.environment, this.status, this.owner, this.ownerType,
				this.createdBy, this.createdAt, this.lastUsedAt, this.lastRotatedAt, this.expiresAt, this.routes,
				this.models, this.scopes, this.routesSeen, this.modelsSeen, this.spendMonth, this.budget,
				this.exposures, this.goneSince, this.disabledSince, this.ownerChangedOn, this.anomalies, policy);
	}

	ReviewContext context() {
		return context(DEFAULTS);
	}

	ReviewContext context(RuleSettings settings) {
		return new ReviewContext(RUN_DATE, settings, this.people, DIRECTORY);
	}

	Keys person(String email, String status, String workerType, @Nullable String terminationDate) {
		this.people.put(email,
				new Person(email, null, null, status, workerType,
						(terminationDate != null) ? LocalDate.parse(terminationDate) : null, "boss@example.com", null,
						null, List.of(), null));
		return this;
	}

	static Instant at(String day) {
		return LocalDate.parse(day).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
	}

	private static Person person(String email, String status, @Nullable LocalDate terminationDate) {
		return new Person(email, null, null, status, "employee", terminationDate, "boss@example.com", null, null,
				List.of(), null);
	}

}
