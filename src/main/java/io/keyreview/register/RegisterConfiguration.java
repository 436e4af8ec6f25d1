package io.keyreview.register;

import java.nio.file.Path;
import java.time.LocalDate;

import io.keyreview.inventory.InventoryKeys;
import io.keyreview.policy.Policies;
import io.keyreview.support.KeyreviewProperties;
import io.keyreview.support.StreamingReads;
import io.keyreview.intake.LoadSteps;
import io.keyreview.run.RunDate;
import io.keyreview.usage.UsageSummaries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
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

	/**
	 * Every key tonight's inventories list or the register holds, in key order, streamed:
	 * a restart runs the query again and skips the keys already reconciled (the set does
	 * not change, as every key reconciled tonight is listed tonight or was registered).
	 */
	@Bean
	@StepScope
	JdbcCursorItemReader<String> registerKeysReader(StreamingReads reads,
			@Value("#{jobParameters['runDate']}") LocalDate runDate) {
		return reads.cursor("registerKeysReader",
				"SELECT key_id FROM inventory_key WHERE seen_on = ? UNION SELECT key_id FROM key_register ORDER BY key_id",
				(statement) -> statement.setObject(1, runDate), (rs, row) -> rs.getString("key_id"));
	}

	@Bean
	@StepScope
	ReconcileWriter reconcileWriter(@Value("#{jobParameters['runDate']}") LocalDate runDate,
			InventoryKeys inventoryKeys, Policies policies, UsageSummaries usageSummaries, Register register) {
		return new ReconcileWriter(new TonightsFacts(runDate, inventoryKeys, policies, usageSummaries, register),
				register, runDate);
	}

	@Bean
	Step reconcileRegister(LoadSteps loadSteps, JdbcCursorItemReader<String> registerKeysReader,
			ReconcileWriter reconcileWriter) {
		return loadSteps.chunked(registerKeysReader, reconcileWriter);
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
					GROUP BY u.source, u.key_id""", runDate, UsageSummaries.windowStart(runDate), runDate);
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
