package io.keyreview.people;

import java.time.LocalDate;
import java.util.Set;

import javax.sql.DataSource;

import io.keyreview.support.CsvRow;
import io.keyreview.support.ExposureWriter;
import io.keyreview.support.InputSource;
import io.keyreview.support.LoadSteps;
import io.keyreview.support.Writers;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.item.file.MultiResourceItemReader;
import org.springframework.batch.infrastructure.item.support.CompositeItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Loads tonight's HR export ({@code people/*.csv}) into {@code person}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PeopleSettings.class)
class PeopleConfiguration {

	@Bean
	@StepScope
	MultiResourceItemReader<CsvRow> peopleReader(LoadSteps loadSteps, PeopleSettings settings,
			@Value("#{jobParameters['runDate']}") LocalDate runDate) {
		return loadSteps.csvReader(InputSource.PEOPLE, runDate, Set.of("email", "status"), Person.MAX_LENGTHS,
				settings.mapping());
	}

	@Bean
	@StepScope
	PersonProcessor personProcessor(JdbcTemplate jdbc, @Value("#{jobParameters['runDate']}") LocalDate runDate) {
		return new PersonProcessor(
				jdbc.queryForList("SELECT email FROM person WHERE seen_on = ?", String.class, runDate));
	}

	@Bean
	@StepScope
	CompositeItemWriter<Person> personWriter(DataSource dataSource, JdbcTemplate jdbc,
			@Value("#{jobParameters['runDate']}") LocalDate runDate) {
		return Writers.inOrder(Writers.sql(dataSource, runDate, "DELETE FROM person WHERE email = :email"),
				Writers.sql(dataSource, runDate, """
						INSERT INTO person (email, person_id, name, status, worker_type, termination_date,
						  manager_email, department, cost_center, seen_on)
						VALUES (:email, :personId, :name, :status, :workerType, :terminationDate,
						  :managerEmail, :department, :costCenter, :runDate)"""),
				new ExposureWriter<>(jdbc, InputSource.PEOPLE, runDate));
	}

	@Bean
	Step loadPeople(LoadSteps loadSteps, MultiResourceItemReader<CsvRow> peopleReader, PersonProcessor personProcessor,
			CompositeItemWriter<Person> personWriter) {
		return loadSteps.load(InputSource.PEOPLE, peopleReader, personProcessor, personWriter,
				"DELETE FROM person WHERE seen_on = ?");
	}

}
