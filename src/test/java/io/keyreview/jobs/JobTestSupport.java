package io.keyreview.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Runs the jobs as the command line does, against inputs copied from test fixtures into a
 * work folder, on a database emptied before each test.
 */
@SpringBootTest(properties = { "keyreview.inputs=target/test-work/inputs", "keyreview.out=target/test-work/out",
		"keyreview.chunk-size=2", "keyreview.usage.chunk-size=2", "keyreview.skip-limit=10",
		"keyreview.progress-interval=0s" })
@Import(FailureInjector.class)
abstract class JobTestSupport {

	static final Path INPUTS = Path.of("target/test-work/inputs");

	static final Path OUT = Path.of("target/test-work/out");

	static final List<String> APPLICATION_TABLES = List.of("inventory_key", "person", "key_policy", "owner_group",
			"model_group_member", "route_environment", "usage_staging", "usage_daily", "unattributed_usage",
			"key_register", "key_change", "rejected_row", "secret_exposure", "key_finding", "key_first_use",
			"worklist_item", "worklist_recipient", "mail_outbox", "provider_cost", "person_change",
			"usage_day_rolled_up", "review_answer", "review_action", "owner_delegate", "source_mismatch",
			"person_listing", "usage_hour_staging", "usage_hourly", "usage_client_staging", "usage_client",
			"remediation_request");

	private static final List<String> BATCH_TABLES = List.of("BATCH_STEP_EXECUTION_CONTEXT",
			"BATCH_JOB_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION", "BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION",
			"BATCH_JOB_INSTANCE");

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	KeyreviewCommandLine commandLine;

	@Autowired
	FailureInjector failureInjector;

	@BeforeEach
	void emptyDatabaseAndWorkFolder() throws IOException {
		emptyDatabase(this.jdbc);
		FileSystemUtils.deleteRecursively(INPUTS.getParent());
		Files.createDirectories(INPUTS);
		this.failureInjector.reset();
	}

	/**
	 * Replaces the inputs with the fixture folder
	 * {@code src/test/resources/nightly/<name>}.
	 */
	void givenInputs(String fixture) throws IOException {
		FileSystemUtils.deleteRecursively(INPUTS);
		Path from = Path.of("src/test/resources/nightly", fixture);
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.toList()) {
				Path to = INPUTS.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(to);
				}
				else {
					Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	void givenInputFile(String path, String content) throws IOException {
		Path file = INPUTS.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

	ExitCode nightly(LocalDate date) {
		return this.commandLine.execute(new DefaultApplicationArguments("nightly", "--date=" + date));
	}

	ExitCode monthly(String period) {
		return this.commandLine.execute(new DefaultApplicationArguments("monthly", "--period=" + period));
	}

	ExitCode quarterly(String period) {
		return this.commandLine.execute(new DefaultApplicationArguments("quarterly", "--period=" + period));
	}

	Map<String, List<String>> applicationTables() {
		return applicationTables(this.jdbc);
	}

	/**
	 * Every row of every application table, in a stable order, as text; when a message
	 * was sent is left out.
	 */
	static Map<String, List<String>> applicationTables(JdbcTemplate jdbc) {
		Map<String, List<String>> tables = new LinkedHashMap<>();
		for (String table : APPLICATION_TABLES) {
			tables.put(table, rows(jdbc, "SELECT * FROM " + table));
		}
		return tables;
	}

	/** The rows a query returns, sorted, as text; when a message was sent is left out. */
	static List<String> rows(JdbcTemplate jdbc, String sql, Object... args) {
		List<String> rows = new ArrayList<>();
		jdbc.query(sql, (rs) -> {
			StringBuilder row = new StringBuilder();
			for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
				String column = rs.getMetaData().getColumnLabel(i).toLowerCase();
				String value = rs.getString(i);
				row.append(column)
					.append('=')
					.append(column.equals("sent_at") && value != null ? "(sent)" : value)
					.append(' ');
			}
			rows.add(row.toString());
		}, args);
		rows.sort(null);
		return rows;
	}

	/** Empties the job repository and the application tables. */
	static void emptyDatabase(JdbcTemplate jdbc) {
		BATCH_TABLES.forEach((table) -> jdbc.update("DELETE FROM " + table));
		APPLICATION_TABLES.forEach((table) -> jdbc.update("DELETE FROM " + table));
	}

	long count(String sql, Object... args) {
		Long count = this.jdbc.queryForObject(sql, Long.class, args);
		return (count != null) ? count : 0;
	}

}
