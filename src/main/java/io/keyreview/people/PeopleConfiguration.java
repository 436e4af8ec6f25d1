package io.keyreview.people;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.sql.DataSource;

import io.keyreview.intake.CsvRow;
import io.keyreview.intake.ExposureWriter;
import io.keyreview.intake.FirstRowWins.Listing;
import io.keyreview.intake.InputSource;
import io.keyreview.intake.LoadSteps;
import io.keyreview.run.RunDate;
import io.keyreview.intake.Writers;
import io.keyreview.pull.PullSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.file.MultiResourceItemReader;
import org.springframework.batch.infrastructure.item.support.CompositeItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Loads tonight's HR export ({@code people/*.csv}) into {@code person}, then marks the
 * people it no longer lists gone. The files are read in name order, those of the identity
 * providers pulled (Okta, SCIM) after the others, so that a person both list is loaded as
 * HR lists them, and compared with the identity provider's listing.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PeopleSettings.class)
class PeopleConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(PeopleConfiguration.class);

	@Bean
	@StepScope
	MultiResourceItemReader<CsvRow> peopleReader(LoadSteps loadSteps, PeopleSettings settings,
			PullSettings pullSettings, @Value("#{jobParameters['runDate']}") LocalDate runDate) {
		MultiResourceItemReader<CsvRow> reader = loadSteps.csvReader(InputSource.PEOPLE, runDate,
				Set.of("email", "status"), Person.MAX_LENGTHS, settings.mapping());
		reader.setComparator(identityProvidersLast(pullSettings.identityProviderFiles()));
		return reader;
	}

	/** Files in name order, the identity providers' after the others. */
	static Comparator<Resource> identityProvidersLast(Set<String> identityProviderFiles) {
		Comparator<Resource> byName = Comparator
			.comparing((Resource file) -> Objects.requireNonNullElse(file.getFilename(), ""));
		return Comparator.comparing((Resource file) -> identityProviderFiles.contains(file.getFilename()))
			.thenComparing(byName);
	}

	@Bean
	@StepScope
	PersonProcessor personProcessor(JdbcTemplate jdbc, @Value("#{jobParameters['runDate']}") LocalDate runDate) {
		Map<String, Listing> loaded = new HashMap<>();
		jdbc.query("SELECT email, input_file, status FROM person WHERE seen_on = ?", (rs) -> {
			loaded.put(rs.getString("email"), new Listing(Objects.requireNonNullElse(rs.getString("input_file"), ""),
					"an earlier chunk", PersonProcessor.compared(rs.getString("status"))));
		}, runDate);
		return new PersonProcessor(loaded, jdbc, runDate);
	}

	@Bean
	@StepScope
	CompositeItemWriter<Person> personWriter(DataSource dataSource, JdbcTemplate jdbc,
			@Value("#{jobParameters['runDate']}") LocalDate runDate) {
		return Writers.inOrder(Writers.forKeys(dataSource, runDate, Person::email, """
				INSERT INTO person_change (run_date, email, event, old_value, new_value)
				SELECT :runDate, email, 'returned', CAST(gone_since AS CHAR(10)), NULL FROM person
				WHERE email IN (:keys) AND gone_since IS NOT NULL"""),
				Writers.forKeys(dataSource, runDate, Person::email, "DELETE FROM person WHERE email IN (:keys)"),
				Writers.sql(dataSource, runDate, """
						INSERT INTO person (email, person_id, name, status, worker_type, termination_date,
						  manager_email, department, cost_center, input_file, seen_on)
						VALUES (:email, :personId, :name, :status, :workerType, :terminationDate,
						  :managerEmail, :department, :costCenter, :inputFile, :runDate)"""),
				new ExposureWriter<>(jdbc, InputSource.PEOPLE, runDate));
	}

	@Bean
	Step loadPeople(LoadSteps loadSteps, MultiResourceItemReader<CsvRow> peopleReader, PersonProcessor personProcessor,
			CompositeItemWriter<Person> personWriter) {
		return loadSteps.load(InputSource.PEOPLE, peopleReader, personProcessor, personWriter,
				"DELETE FROM person WHERE seen_on = ?", "DELETE FROM person_listing WHERE run_date = ?");
	}

	@Bean
	Step markPeopleGone(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
		PeopleGone peopleGone = new PeopleGone(jdbc);
		return new StepBuilder(jobRepository).tasklet((contribution, chunkContext) -> {
			LocalDate runDate = RunDate.of(chunkContext);
			if (!peopleGone.exportCompleteOn(runDate)) {
				logger.warn("markPeopleGone: tonight's HR export is not complete (a row was rejected), so nobody is "
						+ "marked gone tonight; fix the rejected rows for people missing from the export to count as gone");
				return RepeatStatus.FINISHED;
			}
			int gone = peopleGone.markGoneOn(runDate);
			contribution.incrementWriteCount(gone);
			logger.info("markPeopleGone: {} person(s) no longer in the HR export, gone from {}", gone, runDate);
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

}
