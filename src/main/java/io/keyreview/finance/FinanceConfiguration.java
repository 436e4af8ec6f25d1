package io.keyreview.finance;

import java.nio.file.Path;

import io.keyreview.support.KeyreviewProperties;
import io.keyreview.run.Cycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The monthly finance reconciliation file. */
@Configuration(proxyBeanMethods = false)
class FinanceConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(FinanceConfiguration.class);

	@Bean
	Step exportFinance(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			FinanceExport financeExport, KeyreviewProperties properties) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunkContext) -> {
			Cycle month = Cycle.of(chunkContext.getStepContext().getStepExecution().getJobParameters());
			Path file = properties.out().resolve("finance").resolve("finance-" + month.name() + ".csv");
			long rows = financeExport.write(month, file);
			contribution.incrementWriteCount(rows);
			logger.info("exportFinance: {} row(s) written to {} (and .sha256)", rows, file);
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

}
