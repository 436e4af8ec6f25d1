package io.keyreview.review;

import java.time.LocalDate;
import java.util.Map;

import javax.sql.DataSource;

import io.keyreview.support.KeyreviewProperties;
import io.keyreview.intake.LoadSteps;
import io.keyreview.run.RunDate;
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
@EnableConfigurationProperties(RuleSettings.class)
class ReviewConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(ReviewConfiguration.class);

	@Bean
	@StepScope
	JdbcPagingItemReader<ReviewedKey> reviewedKeysReader(DataSource dataSource, KeyreviewProperties properties)
			throws Exception {
		return new JdbcPagingItemReaderBuilder<ReviewedKey>().name("reviewedKeysReader")
			.dataSource(dataSource)
			.selectClause("SELECT *")
			.fromClause("FROM (" + ReviewedKeys.QUERY + ") reviewed")
			.sortKeys(Map.of("key_id", Order.ASCENDING))
			.pageSize(properties.chunkSize())
			.rowMapper(ReviewedKeys.ROW_MAPPER)
			.build();
	}

	@Bean
	@StepScope
	ReviewProcessor reviewProcessor(@Value("#{jobParameters['runDate']}") LocalDate runDate, ReviewRegister register) {
		return new ReviewProcessor(register.context(runDate));
	}

	@Bean
	@StepScope
	ReviewWriter reviewWriter(Findings findings, @Value("#{jobParameters['runDate']}") LocalDate runDate) {
		return new ReviewWriter(findings, runDate);
	}

	@Bean
	Step evaluateKeys(LoadSteps loadSteps, JdbcPagingItemReader<ReviewedKey> reviewedKeysReader,
			ReviewProcessor reviewProcessor, ReviewWriter reviewWriter) {
		return loadSteps.chunked(reviewedKeysReader, reviewProcessor, reviewWriter);
	}

	@Bean
	Step recordFirstUse(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunkContext) -> {
			LocalDate runDate = RunDate.of(chunkContext);
			int recorded = 0;
			for (String kind : new String[] { "route", "model", "provider" }) {
				recorded += jdbc.update("""
						INSERT INTO key_first_use (key_id, kind, used, first_seen)
						SELECT DISTINCT u.key_id, '%1$s', u.%1$s, ? FROM usage_daily u
						WHERE u.%1$s <> '' AND u.usage_day <= ?
						  AND EXISTS (SELECT 1 FROM key_register r WHERE r.key_id = u.key_id)
						  AND NOT EXISTS (SELECT 1 FROM key_first_use f
						    WHERE f.key_id = u.key_id AND f.kind = '%1$s' AND f.used = u.%1$s)""".formatted(kind),
						runDate, runDate);
			}
			contribution.incrementWriteCount(recorded);
			logger.info("recordFirstUse: {} route(s), model(s) or provider(s) used by a key for the first time",
					recorded);
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

}
