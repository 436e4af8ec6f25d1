package io.keyreview.policy;

import java.time.LocalDate;

import javax.sql.DataSource;

import io.keyreview.intake.ExposureWriter;
import io.keyreview.intake.InputSource;
import io.keyreview.intake.LandingArea;
import io.keyreview.intake.LoadSteps;
import io.keyreview.intake.Writers;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.support.CompositeItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Loads the directory ({@code owners.yaml}) and tonight's route policies
 * ({@code policies/*.yaml}, one per key) into {@code owner_group},
 * {@code model_group_member}, {@code route_environment} and {@code key_policy}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(YamlSettings.class)
class PolicyConfiguration {

	@Bean
	Step loadDirectory(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcTemplate jdbc,
			LandingArea landingArea, YamlSettings yaml) {
		return new StepBuilder(jobRepository)
			.tasklet(new DirectoryLoading(jdbc, landingArea, yaml.maxSize()), transactionManager)
			.build();
	}

	@Bean
	@StepScope
	YamlDocumentReader policiesReader(LandingArea landingArea, YamlSettings yaml,
			@Value("#{jobParameters['runDate']}") LocalDate runDate) {
		return new YamlDocumentReader(InputSource.POLICIES.sourceName(),
				landingArea.landedFiles(runDate, InputSource.POLICIES), yaml.maxSize());
	}

	@Bean
	@StepScope
	PolicyProcessor policyProcessor(JdbcTemplate jdbc, @Value("#{jobParameters['runDate']}") LocalDate runDate) {
		return new PolicyProcessor(
				jdbc.queryForList("SELECT key_id FROM key_policy WHERE seen_on = ?", String.class, runDate));
	}

	@Bean
	@StepScope
	CompositeItemWriter<Policy> policyWriter(DataSource dataSource, JdbcTemplate jdbc,
			@Value("#{jobParameters['runDate']}") LocalDate runDate) {
		return Writers.inOrder(
				Writers.forKeys(dataSource, runDate, Policy::keyId, "DELETE FROM key_policy WHERE key_id IN (:keys)"),
				Writers.sql(dataSource, runDate,
						"""
								INSERT INTO key_policy (key_id, business_owner, technical_owner, security_owner, finance_owner, backup_owner,
								  environment, workload_service, workload_repository, workload_deployment, routes_allowed,
								  routes_denied, model_groups_allowed, fallback_requires_same_data_policy, scopes_allow,
								  scopes_deny, monthly_budget_usd, alert_owner, burst_limit, request_metadata_logging,
								  raw_payload_storage, audit_events_required, rotation_cadence, rotation_method,
								  rotation_last_completed, offboarding_triggers, exceptions_allowed, exception_reason,
								  exception_approver, exception_expires, input_file, seen_on)
								VALUES (:keyId, :businessOwner, :technicalOwner, :securityOwner, :financeOwner, :backupOwner,
								  :environment, :workloadService, :workloadRepository, :workloadDeployment, :routesAllowed,
								  :routesDenied, :modelGroupsAllowed, :fallbackRequiresSameDataPolicy, :scopesAllow,
								  :scopesDeny, :monthlyBudgetUsd, :alertOwner, :burstLimit, :requestMetadataLogging,
								  :rawPayloadStorage, :auditEventsRequired, :rotationCadence, :rotationMethod,
								  :rotationLastCompleted, :offboardingTriggers, :exceptionsAllowed, :exceptionReason,
								  :exceptionApprover, :exceptionExpires, :inputFile, :runDate)"""),
				new ExposureWriter<>(jdbc, InputSource.POLICIES, runDate));
	}

	@Bean
	Step loadPolicies(LoadSteps loadSteps, YamlDocumentReader policiesReader, PolicyProcessor policyProcessor,
			CompositeItemWriter<Policy> policyWriter) {
		return loadSteps.load(InputSource.POLICIES, policiesReader, policyProcessor, policyWriter,
				"DELETE FROM key_policy WHERE seen_on = ?");
	}

}
