package io.keyreview.rejects;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import io.keyreview.support.CsvExport;
import io.keyreview.support.KeyreviewProperties;
import io.keyreview.run.RunDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Writes tonight's rejected rows to {@code <out>/rejects/<date>/<source>.csv}, one file
 * per source.
 */
@Configuration(proxyBeanMethods = false)
class RejectsConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(RejectsConfiguration.class);

	private static final String[] COLUMNS = { "file", "line", "key_id", "reason", "row" };

	@Bean
	Step exportRejects(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcTemplate jdbc,
			KeyreviewProperties properties) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunkContext) -> {
			LocalDate runDate = RunDate.of(chunkContext);
			Path folder = properties.out().resolve("rejects").resolve(runDate.toString());
			List<String> sources = jdbc.queryForList(
					"SELECT DISTINCT source FROM rejected_row WHERE run_date = ? ORDER BY source", String.class,
					runDate);
			for (String source : sources) {
				Path file = folder.resolve(source + ".csv");
				long rows = CsvExport.write(file, COLUMNS, (out) -> {
					RowCallbackHandler row = (rs) -> out.add(rs.getString(1), rs.getLong(2), rs.getString(3),
							rs.getString(4), rs.getString(5));
					jdbc.query("""
							SELECT input_file, line, key_id, reason, row_text FROM rejected_row
							WHERE run_date = ? AND source = ? ORDER BY input_file, line, reject_no""", row, runDate,
							source);
				});
				contribution.incrementWriteCount(rows);
				logger.info("exportRejects: {} rejected {} row(s) in {}", rows, source, file);
			}
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

}
