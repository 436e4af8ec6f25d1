package io.keyreview.people;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.keyreview.intake.CsvRow;
import io.keyreview.intake.CsvRowReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HRIS exports read through the header and value mapping of {@code keyreview.people.*}.
 */
class HrExportTests {

	@TempDir
	Path folder;

	@Test
	void readsAWorkdayReportWithItsOwnColumnNamesAndValues() throws Exception {
		PeopleSettings workday = bind(Map.of("keyreview.people.columns.person_id", "Employee_ID",
				"keyreview.people.columns.email", "Primary_Work_Email", "keyreview.people.columns.name", "Worker",
				"keyreview.people.columns.status", "Active_Status", "keyreview.people.columns.worker-type",
				"Worker_Type", "keyreview.people.columns.termination_date", "Termination_Date",
				"keyreview.people.columns.cost_center", "Cost_Center", "keyreview.people.values.status.[1]", "active",
				"keyreview.people.values.status.[0]", "terminated",
				"keyreview.people.values.worker_type.[Contingent Worker]", "contractor"));
		Path export = this.folder.resolve("workday.csv");
		Files.writeString(export,
				"""
						Employee_ID,Worker,Worker_Type,Active_Status,Hire_Date,Termination_Date,Primary_Work_Email,Cost_Center
						21001,Jane Smith,Employee,1,2021-03-01,,jane.smith@example.com,CC-4130 Platform
						C-3102,Pat Contractor,Contingent Worker,0,2024-09-01,2025-05-31,pat.contractor@example.com,CC-4130 Platform
						""");

		List<Person> people = read(export, workday);

		assertThat(people).containsExactly(
				new Person("jane.smith@example.com", "21001", "Jane Smith", "active", "employee", null, null, null,
						"CC-4130 Platform", List.of(), "people/workday.csv"),
				new Person("pat.contractor@example.com", "C-3102", "Pat Contractor", "terminated", "contractor",
						LocalDate.parse("2025-05-31"), null, null, "CC-4130 Platform", List.of(),
						"people/workday.csv"));
	}

	@Test
	void readsABambooHrReportWhereAnEmptyDateIsZeros() throws Exception {
		PeopleSettings bamboo = bind(Map.of("keyreview.people.columns.person_id", "Employee #",
				"keyreview.people.columns.email", "Work Email", "keyreview.people.columns.status", "Status",
				"keyreview.people.columns.worker_type", "Employment Status",
				"keyreview.people.columns.termination_date", "Termination Date",
				"keyreview.people.columns.manager_email", "Supervisor email",
				"keyreview.people.values.status.[Inactive]", "terminated",
				"keyreview.people.values.worker_type.[Full-Time]", "employee",
				"keyreview.people.values.worker_type.[Contractor]", "contractor"));
		Path export = this.folder.resolve("bamboohr.csv");
		Files.writeString(export, """
				Employee #,Work Email,Status,Employment Status,Hire Date,Termination Date,Supervisor email,Department
				E-0042,jane.smith@example.com,Active,Full-Time,2021-03-01,0000-00-00,john.doe@example.com,Platform
				E-0077,sam.vendor@example.com,Inactive,Contractor,2024-01-15,2026-10-31,john.doe@example.com,Platform
				""");

		List<Person> people = read(export, bamboo);

		assertThat(people)
			.extracting(Person::email, Person::status, Person::workerType, Person::terminationDate,
					Person::managerEmail, Person::department)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("jane.smith@example.com", "active", "employee", null,
							"john.doe@example.com", "Platform"),
					org.assertj.core.groups.Tuple.tuple("sam.vendor@example.com", "terminated", "contractor",
							java.time.LocalDate.parse("2026-10-31"), "john.doe@example.com", "Platform"));
	}

	private static PeopleSettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bind("keyreview.people", PeopleSettings.class)
			.get();
	}

	private static List<Person> read(Path export, PeopleSettings settings) throws Exception {
		CsvRowReader reader = new CsvRowReader("people", Set.of("email", "status"), true, settings.mapping());
		reader.setResource(new FileSystemResource(export));
		reader.open(new ExecutionContext());
		PersonProcessor processor = new PersonProcessor(Map.of(), new JdbcTemplate(), LocalDate.parse("2026-11-21"));
		List<Person> people = new ArrayList<>();
		for (CsvRow row = reader.read(); row != null; row = reader.read()) {
			people.add(processor.process(row));
		}
		reader.close();
		return people;
	}

}
