package io.keyreview.review;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every review rule, on its failing and its passing side, without Spring. */
class ReviewRulesTests {

	private final Keys key = new Keys();

	@Test
	void aHealthyKeyFailsNoRuleAndIsKept() {
		Review review = new KeyReviewer().review(this.key.build(), this.key.context());

		assertThat(review.findings()).isEmpty();
		assertThat(review.decision()).isEqualTo(Decision.KEEP);
	}

	@Test
	void exposureRotatesAKeyWhoseSecretWasFound() {
		this.key.exposures = 2;

		assertThat(check(new ExposureRule())).hasValueSatisfying((finding) -> {
			assertThat(finding.decision()).isEqualTo(Decision.ROTATE);
			assertThat(finding.evidence()).startsWith("2 secret(s) of this key found");
		});
	}

	@Test
	void exposurePassesWithoutAnExposure() {
		assertThat(check(new ExposureRule())).isEmpty();
	}

	@Test
	void ownerLeftReassignsWhenAGroupsAccountablePersonLeft() {
		this.key.person("ann@example.com", "terminated", "employee", "2026-11-21");

		assertThat(check(new OwnerLeftRule())).hasValueSatisfying((finding) -> {
			assertThat(finding.decision()).isEqualTo(Decision.REASSIGN);
			assertThat(finding.evidence()).isEqualTo("ann@example.com (accountable for business owner team_a, "
					+ "accountable for inventory owner team_a) left on 2026-11-21");
		});
	}

	@Test
	void ownerLeftRotatesWhenTheCreatorLeftAndTheKeyWasNotRotatedSince() {
		this.key.person("bob@example.com", "terminated", "employee", "2026-10-15");

		assertThat(check(new OwnerLeftRule())).hasValueSatisfying((finding) -> {
			assertThat(finding.decision()).isEqualTo(Decision.ROTATE);
			assertThat(finding.evidence())
				.isEqualTo("bob@example.com (creator, key not rotated since) left on 2026-10-15");
		});
	}

	@Test
	void ownerLeftPassesWhenTheCreatorLeftBeforeTheLastRotationOrLeavesLater() {
		this.key.person("bob@example.com", "terminated", "employee", "2026-09-15");
		this.key.person("carl@example.com", "terminated", "employee", "2026-11-22");

		assertThat(check(new OwnerLeftRule())).isEmpty();
	}

	@Test
	void vendorExitDisablesWhenAContractorsContractEndedThoughHrStillSaysActive() {
		this.key.person("carl@example.com", "active", "contractor", "2026-10-31");

		assertThat(check(new VendorExitRule())).hasValueSatisfying((finding) -> {
			assertThat(finding.decision()).isEqualTo(Decision.DISABLE);
			assertThat(finding.evidence())
				.isEqualTo("contractor carl@example.com: contract ended 2026-10-31 (HR status active)");
		});
	}

	@Test
	void vendorExitCountsAnEmployeeOwningAVendorKey() {
		this.key.owner = "bob@example.com";
		this.key.ownerType = "vendor";
		this.key.person("bob@example.com", "terminated", "employee", "2026-11-05");

		assertThat(check(new VendorExitRule())).map(Finding::evidence)
			.hasValue("vendor bob@example.com: contract ended 2026-11-05 (HR status terminated)");
	}

	@Test
	void vendorExitPassesWhileTheContractRuns() {
		this.key.person("carl@example.com", "active", "contractor", "2026-11-21");

		assertThat(check(new VendorExitRule())).isEmpty();
	}

	@Test
	void noOwnerEscalatesAKeyWithoutAPolicy() {
		this.key.withPolicy = false;

		assertThat(check(new NoOwnerRule())).hasValueSatisfying((finding) -> {
			assertThat(finding.decision()).isEqualTo(Decision.ESCALATE);
			assertThat(finding.evidence()).isEqualTo("no policy file names this key's owners");
		});
	}

	@Test
	void noOwnerEscalatesAMailboxOnlyOrUnknownOwner() {
		this.key.businessOwner = "shared";
		this.key.owner = "dave@example.com";
		this.key.ownerType = "user";

		assertThat(check(new NoOwnerRule())).map(Finding::evidence)
			.hasValue("business owner shared is the shared mailbox shared@example.com with no accountable person; "
					+ "inventory owner dave@example.com is not a person in HR");
	}

	@Test
	void noOwnerPassesForAKnownGroupOrPerson() {
		this.key.businessOwner = "ann@example.com";

		assertThat(check(new NoOwnerRule())).isEmpty();
	}

	@Test
	void environmentBoundaryNarrowsAStagingKeyOnAProductionRoute() {
		this.key.environment = "staging";
		this.key.policyEnvironment = "staging";
		this.key.routesSeen = List.of("chat-staging", "chat-prod");

		assertThat(check(new EnvironmentBoundaryRule())).hasValueSatisfying((finding) -> {
			assertThat(finding.decision()).isEqualTo(Decision.NARROW);
			assertThat(finding.evidence())
				.isEqualTo("staging key used production route(s) chat-prod in the last 90 days");
		});
	}

	@Test
	void environmentBoundaryNarrowsWhenInventoryAndPolicyDisagree() {
		this.key.policyEnvironment = "staging";

		assertThat(check(new EnvironmentBoundaryRule())).map(Finding::evidence)
			.hasValue("the inventory says production, the policy says staging");
	}

	@Test
	void environmentBoundaryTakesThePolicysEnvironmentWhereTheInventoryStatesNone() {
		this.key.environment = "unknown";
		this.key.policyEnvironment = "staging";
		this.key.routesSeen = List.of("chat-prod");

		assertThat(check(new EnvironmentBoundaryRule())).map(Finding::evidence)
			.hasValue("staging key used production route(s) chat-prod in the last 90 days");

		this.key.policyEnvironment = "production";
		assertThat(check(new EnvironmentBoundaryRule())).isEmpty();
	}

	@Test
	void environmentBoundaryPassesForAStagingKeyOnStagingRoutes() {
		this.key.environment = "staging";
		this.key.policyEnvironment = "staging";
		this.key.routesSeen = List.of("chat-staging");

		assertThat(check(new EnvironmentBoundaryRule())).isEmpty();
	}

	@Test
	void outsidePolicyNarrowsDeniedRoutesForeignModelsAndDeniedScopes() {
		this.key.routesSeen = List.of("chat-prod", "admin-tools");
		this.key.modelsSeen = List.of("gpt-4o-mini", "deepseek-r1");
		this.key.scopes = List.of("model_request", "key_management");

		assertThat(check(new OutsidePolicyRule())).hasValueSatisfying((finding) -> {
			assertThat(finding.decision()).isEqualTo(Decision.NARROW);
			assertThat(finding.evidence())
				.isEqualTo("used denied route(s) admin-tools; " + "holds scope(s) the policy denies: key_management; "
						+ "used model(s) outside the allowed model groups (chat-models): deepseek-r1");
		});
	}

	@Test
	void outsidePolicyChecksModelsAgainstTheInventoryWithoutAPolicy() {
		this.key.withPolicy = false;
		this.key.modelsSeen = List.of("gpt-4o-mini", "claude-3-5-haiku");

		assertThat(check(new OutsidePolicyRule())).map(Finding::evidence)
			.hasValue("used model(s) outside the inventory's allowed models: claude-3-5-haiku");
	}

	@Test
	void outsidePolicyPassesForModelsOfTheAllowedGroups() {
		this.key.modelsSeen = List.of("gpt-4o-mini", "claude-3-5-haiku");

		assertThat(check(new OutsidePolicyRule())).isEmpty();
	}

	@Test
	void staleDisablesAnActiveKeyUnusedForNinetyDays() {
		this.key.lastUsedAt = Keys.at("2026-08-22");

		assertThat(check(new StaleRule())).hasValueSatisfying((finding) -> {
			assertThat(finding.decision()).isEqualTo(Decision.DISABLE);
			assertThat(finding.evidence()).isEqualTo("last used 2026-08-22 (91 days ago; stale after 90)");
		});
	}

	@Test
	void staleCountsAKeyNeverUsedOnceItIsThirtyDaysOld() {
		this.key.lastUsedAt = null;
		this.key.createdAt = Keys.at("2026-10-22");

		assertThat(check(new StaleRule())).map(Finding::evidence)
			.hasValue("never used since it was created on 2026-10-22 (30 days ago; grace 30)");
	}

	@Test
	void staleDeletesAKeyDisabledForThirtyDays() {
		this.key.status = "disabled";
		this.key.disabledSince = LocalDate.parse("2026-10-22");

		assertThat(check(new StaleRule())).hasValueSatisfying((finding) -> {
			assertThat(finding.decision()).isEqualTo(Decision.DELETE);
			assertThat(finding.evidence()).isEqualTo("disabled since 2026-10-22 (30 days; delete after 30)");
		});
	}

	@Test
	void stalePassesForARecentlyUsedKeyANewKeyAndARecentlyDisabledKey() {
		this.key.lastUsedAt = Keys.at("2026-08-23");
		assertThat(check(new StaleRule())).isEmpty();

		this.key.lastUsedAt = null;
		this.key.createdAt = Keys.at("2026-10-23");
		assertThat(check(new StaleRule())).isEmpty();

		this.key.status = "disabled";
		this.key.disabledSince = LocalDate.parse("2026-10-23");
		assertThat(check(new StaleRule())).isEmpty();
	}

	@Test
	void broadScopeNarrowsUnusedRoutesModelsGroupsAndPrivilegedScopes() {
		this.key.routes = List.of("chat-prod", "chat-staging");
		this.key.models = List.of("gpt-4o-mini", "gpt-image-1");
		this.key.modelGroups = List.of("chat-models", "image-models");
		this.key.scopes = List.of("model_request", "admin_api");

		assertThat(check(new BroadScopeRule())).hasValueSatisfying((finding) -> {
			assertThat(finding.decision()).isEqualTo(Decision.NARROW);
			assertThat(finding.evidence())
				.isEqualTo("route(s) chat-staging unused in 90 days; " + "model(s) gpt-image-1 unused in 90 days; "
						+ "model group(s) image-models (gpt-image-1) unused in 90 days; "
						+ "privileged scope(s) admin_api not allowed by a policy");
		});
	}

	@Test
	void broadScopePassesForAKeyYoungerThanTheWindowAndAnAllowedPrivilegedScope() {
		this.key.createdAt = Keys.at("2026-10-01");
		this.key.routes = List.of("chat-prod", "chat-staging");
		this.key.scopes = List.of("model_request", "admin_api");
		this.key.scopesAllowed = List.of("model_request", "admin_api");

		assertThat(check(new BroadScopeRule())).isEmpty();
	}

	@Test
	void rotationOverdueRotatesPastThePolicyCadence() {
		this.key.rotationCadence = "30d";
		this.key.lastRotatedAt = Keys.at("2026-10-21");

		assertThat(check(new RotationOverdueRule())).hasValueSatisfying((finding) -> {
			assertThat(finding.decision()).isEqualTo(Decision.ROTATE);
			assertThat(finding.evidence()).isEqualTo("last rotated 2026-10-21 (31 days ago; cadence 30 days)");
		});
	}

	@Test
	void rotationOverdueRotatesAfterAnOwnerChangeOrWithNeitherRotationNorExpiry() {
		this.key.ownerChangedOn = LocalDate.parse("2026-11-02");
		assertThat(check(new RotationOverdueRule())).map(Finding::evidence)
			.hasValue("owners changed on 2026-11-02, after the last rotation on 2026-10-01");

		this.key.lastRotatedAt = null;
		this.key.expiresAt = null;
		assertThat(check(new RotationOverdueRule())).map(Finding::evidence)
			.hasValue("never rotated and no expiry date");
	}

	@Test
	void rotationOverduePassesWithinTheCadenceOrWithAnExpiry() {
		this.key.lastRotatedAt = Keys.at("2026-08-23");
		assertThat(check(new RotationOverdueRule())).isEmpty();

		this.key.lastRotatedAt = null;
		assertThat(check(new RotationOverdueRule())).isEmpty();
	}

	@Test
	void budgetEscalatesSpendOverBudgetOrWithoutAFinanceOwner() {
		this.key.spendMonth = new BigDecimal("50.005");
		this.key.financeOwner = null;

		assertThat(check(new BudgetRule())).hasValueSatisfying((finding) -> {
			assertThat(finding.decision()).isEqualTo(Decision.ESCALATE);
			assertThat(finding.evidence()).isEqualTo("spent $50.00 this month against a monthly budget of $50.00; "
					+ "spent $50.00 this month with no finance owner named");
		});
	}

	@Test
	void budgetPassesAtTheBudgetAndWithoutSpend() {
		this.key.spendMonth = new BigDecimal("50");
		assertThat(check(new BudgetRule())).isEmpty();

		this.key.withPolicy = false;
		this.key.spendMonth = BigDecimal.ZERO;
		assertThat(check(new BudgetRule())).isEmpty();
	}

	@Test
	void anExceptionExpiredWithoutAnExpiryDateOrWithoutAnApproverEscalates() {
		this.key.exceptionReason = "burst for backfill";
		this.key.exceptionExpires = LocalDate.parse("2026-10-01");
		assertThat(check(new ExceptionExpiredRule())).hasValueSatisfying((finding) -> {
			assertThat(finding.decision()).isEqualTo(Decision.ESCALATE);
			assertThat(finding.evidence()).isEqualTo(
					"exception 'burst for backfill' approved by ann@example.com expired on 2026-10-01 (51 days ago)");
		});

		this.key.exceptionExpires = null;
		assertThat(check(new ExceptionExpiredRule())).map(Finding::evidence)
			.hasValue("exception 'burst for backfill' approved by ann@example.com has no expiry date");

		this.key.exceptionExpires = LocalDate.parse("2027-01-01");
		this.key.exceptionApprover = null;
		assertThat(check(new ExceptionExpiredRule())).map(Finding::ruleId).hasValue("exception-expired");
		assertThat(check(new ExceptionExpiredRule())).map(Finding::evidence)
			.hasValue("exception 'burst for backfill' approved by (none) has no approver");
	}

	@Test
	void exceptionPassesUntilItExpires() {
		this.key.exceptionReason = "burst for backfill";
		this.key.exceptionExpires = Keys.RUN_DATE;

		assertThat(check(new ExceptionExpiredRule())).isEmpty();
	}

	@Test
	void theDecisionIsTheFirstByPrecedenceAndEveryFindingIsKept() {
		this.key.exposures = 1;
		this.key.lastUsedAt = Keys.at("2026-01-01");
		this.key.withPolicy = false;

		Review review = new KeyReviewer().review(this.key.build(), this.key.context());

		assertThat(review.ruleIds()).isEqualTo("exposure;no-owner;stale;budget");
		assertThat(review.decision()).isEqualTo(Decision.DISABLE);
		assertThat(Decision.forFindings(List.of(new Finding("a", Decision.ESCALATE, ""),
				new Finding("b", Decision.NARROW, ""), new Finding("c", Decision.REASSIGN, ""))))
			.isEqualTo(Decision.REASSIGN);
		assertThat(Decision
			.forFindings(List.of(new Finding("a", Decision.ROTATE, ""), new Finding("b", Decision.DELETE, ""))))
			.isEqualTo(Decision.DELETE);
	}

	@Test
	void aKeyGoneFromItsInventoryOrRevokedIsNotReviewed() {
		this.key.exposures = 1;
		this.key.goneSince = LocalDate.parse("2026-11-20");
		assertThat(new KeyReviewer().review(this.key.build(), this.key.context()).decision()).isNull();

		this.key.goneSince = null;
		this.key.status = "revoked";
		assertThat(new KeyReviewer().review(this.key.build(), this.key.context()).findings()).isEmpty();
	}

	@Test
	void thresholdsComeFromTheSettings() {
		RuleSettings settings = new Binder(new MapConfigurationPropertySource(Map.of("keyreview.rules.stale-after",
				"30d", "keyreview.rules.rotation-cadence", "14d", "keyreview.rules.privileged-scopes", "billing")))
			.bindOrCreate("keyreview.rules", RuleSettings.class);
		this.key.lastUsedAt = Keys.at("2026-10-01");
		this.key.rotationCadence = "on_owner_change";
		this.key.scopes = List.of("billing");

		Review review = new KeyReviewer().review(this.key.build(), this.key.context(settings));

		assertThat(review.findings()).extracting(Finding::evidence)
			.containsExactly("last used 2026-10-01 (51 days ago; stale after 30)",
					"privileged scope(s) billing not allowed by a policy",
					"last rotated 2026-10-01 (51 days ago; cadence 14 days)");
		assertThat(Keys.DEFAULTS).isEqualTo(new RuleSettings(Duration.ofDays(90), Duration.ofDays(30),
				Duration.ofDays(30), Duration.ofDays(90), Duration.ofDays(90),
				List.of("admin_api", "key_management", "route_management", "admin"), Duration.ofDays(1)));
	}

	private Optional<Finding> check(Rule rule) {
		return rule.check(this.key.build(), this.key.context());
	}

}
