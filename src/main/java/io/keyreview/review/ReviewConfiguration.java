package io.keyreview.review;

import java.time.LocalDate;

import io.keyreview.intake.LoadSteps;
import io.keyreview.run.RunDate;
import io.keyreview.support.GroupingMemory;
import io.keyreview.support.StreamingReads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly review: records the routes, models and providers each key uses for the
 * first time, then evaluates every key against the review rules.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ RuleSettings.class, AnomalySettings.class })
class ReviewConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(ReviewConfiguration.class);

	/**
	 * Every register key with the dates its change log knows, in key order, streamed: a
	 * restart runs the query again and skips the keys already reviewed.
	 */
	@Bean
	@StepScope
	JdbcCursorItemReader<ReviewedKey> reviewedKeysReader(StreamingReads reads) {
		return reads.cursor("reviewedKeysReader", ReviewedKeys.QUERY + " ORDER BY r.key_id", (statement) -> {
		}, ReviewedKeys.ROW_MAPPER);
	}

	@Bean
	@StepScope
	ReviewWriter reviewWriter(ReviewRegister register, Findings findings,
			@Value("#{jobParameters['runDate']}") LocalDate runDate) {
		return new ReviewWriter(register.contexts(runDate), findings, runDate);
	}

	@Bean
	Step evaluateKeys(LoadSteps loadSteps, JdbcCursorItemReader<ReviewedKey> reviewedKeysReader,
			ReviewWriter reviewWriter) {
		return loadSteps.chunked(reviewedKeysReader, reviewWriter);
	}

	/**
	 * Records each route, model and provider a registered key used for the first time.
	 * Only the rollups of the days tonight's usage files covered are read (the nights
	 * before read the days they rolled up), and the whole history of the keys registered
	 * tonight: usage from before they were listed.
	 */
	@Bean
	Step recordFirstUse(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunkContext) -> {
			LocalDate runDate = RunDate.of(chunkContext);
			int recorded = GroupingMemory.around(jdbc, () -> recordFirstUse(jdbc, runDate));
			contribution.incrementWriteCount(recorded);
			logger.info("recordFirstUse: {} route(s), model(s) or provider(s) used by a key for the first time",
					recorded);
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	/**
	 * Records tonight's first uses of each kind; the number recorded. Tonight's days are
	 * made distinct before they are checked against the register and the first uses
	 * known: a key uses a route on many rows (a day, model and provider each), and the
	 * checks then run once per key and route.
	 */
	private static int recordFirstUse(JdbcTemplate jdbc, LocalDate runDate) {
		int recorded = 0;
		for (String kind : new String[] { "route", "model", "provider" }) {
			recorded += jdbc.update("""
					INSERT INTO key_first_use (key_id, kind, used, first_seen)
					SELECT t.key_id, '%1$s', t.used, ? FROM (
					  SELECT DISTINCT u.key_id, u.%1$s AS used FROM usage_day_rolled_up d
					  JOIN usage_daily u ON u.usage_day = d.usage_day AND u.source = d.source
					  WHERE d.run_date = ? AND u.%1$s <> '') t
					WHERE EXISTS (SELECT 1 FROM key_register r WHERE r.key_id = t.key_id)
					  AND NOT EXISTS (SELECT 1 FROM key_first_use f
					    WHERE f.key_id = t.key_id AND f.kind = '%1$s' AND f.used = t.used)""".formatted(kind), runDate,
					runDate);
			recorded += jdbc.update("""
					INSERT INTO key_first_use (key_id, kind, used, first_seen)
					SELECT DISTINCT u.key_id, '%1$s', u.%1$s, ? FROM key_register r
					JOIN usage_daily u ON u.key_id = r.key_id
					WHERE r.first_seen = ? AND u.%1$s <> ''
					  AND NOT EXISTS (SELECT 1 FROM key_first_use f
					    WHERE f.key_id = u.key_id AND f.kind = '%1$s' AND f.used = u.%1$s)""".formatted(kind), runDate,
					runDate);
		}
		return recorded;
	}

	/** Tonight's usage anomalies, for the anomaly rule (AnomalyDetection). */
	@Bean
	Step detectAnomalies(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcTemplate jdbc,
			StreamingReads reads, AnomalySettings settings) {
		AnomalyDetection detection = new AnomalyDetection(jdbc, reads.template(), settings);
		return new StepBuilder(jobRepository).tasklet((contribution, chunkContext) -> {
			int keys = detection.detect(RunDate.of(chunkContext));
			contribution.incrementWriteCount(keys);
			logger.info("detectAnomalies: {} key(s) with a usage anomaly tonight", keys);
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

}
