package io.keyreview.register;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import javax.sql.DataSource;

import io.keyreview.inventory.InventoryKeys;
import io.keyreview.policy.Policies;
import io.keyreview.support.KeyreviewProperties;
import io.keyreview.intake.LoadSteps;
import io.keyreview.run.RunDate;
import io.keyreview.usage.UsageSummaries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Reconciles every key tonight's inventories list or the register holds into
 * {@code key_register}, writes the change log, records usage no inventory knows, and
 * exports the register.
 */
@Configuration(proxyBeanMethods = false)
class RegisterConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(RegisterConfiguration.class);

	@Bean
	@StepScope
	JdbcPagingItemReader<String> registerKeysReader(DataSource dataSource, KeyreviewProperties properties,
			@Value("#{jobParameters['runDate']}") LocalDate runDate) throws Exception {
		return new JdbcPagingItemReaderBuilder<String>().name("registerKeysReader")
			.dataSource(dataSource)
			.selectClause("SELECT key_id")
			.fromClause("FROM (SELECT key_id FROM inventory_key WHERE seen_on = :runDate "
					+ "UNION SELECT key_id FROM key_register) known_keys")
			.sortKeys(Map.of("key_id", Order.ASCENDING))
			.parameterValues(Map.of("runDate", runDate))
			.pageSize(properties.chunkSize())
			.rowMapper((rs, row) -> rs.getString("key_id"))
			.build();
	}

	@Bean
	@StepScope
	ReconcileProcessor reconcileProcessor(@Value("#{jobParameters['runDate']}") LocalDate runDate,
			InventoryKeys inventoryKeys, Policies policies, UsageSummaries usageSummaries, Register register) {
		return new ReconcileProcessor(runDate, inventoryKeys, policies, usageSummaries, register);
	}

	@Bean
	@StepScope
	RegisterWriter registerWriter(Register register, @Value("#{jobParameters['runDate']}") LocalDate runDate) {
		return new RegisterWriter(register, runDate);
	}

	@Bean
	Step reconcileRegister(LoadSteps loadSteps, JdbcPagingItemReader<String> registerKeysReader,
			ReconcileProcessor reconcileProcessor, RegisterWriter registerWriter) {
		return loadSteps.chunked(registerKeysReader, reconcileProcessor, registerWriter);
	}

	@Bean
	Step recordUnattributedUsage(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcTemplate jdbc) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunkContext) -> {
			LocalDate runDate = RunDate.of(chunkContext);
			jdbc.update("DELETE FROM unattributed_usage WHERE run_date = ?", runDate);
			int keys = jdbc.update("""
					INSERT INTO unattributed_usage (run_date, source, key_id, first_day, last_day, requests, cost_usd)
					SELECT ?, u.source, u.key_id, MIN(u.usage_day), MAX(u.usage_day), SUM(u.requests), SUM(u.cost_usd)
					FROM usage_daily u
					WHERE u.usage_day > ? AND u.usage_day <= ?
					  AND NOT EXISTS (SELECT 1 FROM key_register r WHERE r.key_id = u.key_id)
					GROUP BY u.source, u.key_id""", runDate, runDate.minusDays(90), runDate);
			contribution.incrementWriteCount(keys);
			logger.info("recordUnattributedUsage: {} key id(s) with usage in the last 90 days that no inventory lists",
					keys);
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	@Bean
	Step exportRegister(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RegisterExport registerExport, KeyreviewProperties properties) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunkContext) -> {
			LocalDate runDate = RunDate.of(chunkContext);
			Path file = properties.out().resolve("register").resolve("register-" + runDate + ".csv");
			long rows = registerExport.write(file);
			contribution.incrementWriteCount(rows);
			logger.info("exportRegister: {} key(s) written to {}", rows, file);
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

}
