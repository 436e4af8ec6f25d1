package io.keyreview.jobs;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The usage load run over a corpus of usage rows of every kind, good and bad
 * ({@code src/test/resources/usage-corpus}): what it rejects (file, line, key id, reason,
 * row text), what it sums into {@code usage_daily} and the secrets it records are
 * compared with what the earlier load, which summed each chunk into a staging table keyed
 * by the cell with an upsert, made of the same files ({@code usage-corpus/expected/}).
 */
@TestPropertySource(properties = "keyreview.skip-limit=1000")
abstract class UsageLoadScenarios extends HostileInputSupport {

	private static final Path CORPUS = Path.of("src/test/resources/usage-corpus");

	private static final Path ACTUAL = Path.of("target/usage-corpus");

	@Test
	void rejectsSumsAndRecordsExactlyWhatTheEarlierLoadDid() throws IOException {
		givenInputs("basic");
		givenCorpus();

		assertThat(nightly(NIGHT)).isEqualTo(ExitCode.DONE);

		List<String> tables = List.of("rejected_row", "usage_daily", "secret_exposure", "loadUsage");
		writeRows("rejected_row", """
				SELECT input_file, line, reject_no, key_id, reason, row_text FROM rejected_row
				WHERE source = 'usage'""");
		writeRows("usage_daily", "SELECT * FROM usage_daily");
		writeRows("secret_exposure", """
				SELECT input_file, line, column_name, fingerprint, key_id FROM secret_exposure
				WHERE source = 'usage'""");
		writeRows("loadUsage", """
				SELECT READ_COUNT, WRITE_COUNT, READ_SKIP_COUNT, PROCESS_SKIP_COUNT, WRITE_SKIP_COUNT
				FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'loadUsage'""");
		for (String table : tables) {
			assertThat(actual(table)).as(table)
				.hasSameTextualContentAs(CORPUS.resolve("expected").resolve(table + ".txt"));
		}
		assertRejectsAgree(NIGHT, "loadUsage", "usage");
	}

	void givenCorpus() throws IOException {
		try (Stream<Path> files = Files.list(CORPUS)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Files.copy(file, INPUTS.resolve("usage").resolve(file.getFileName().toString()));
			}
		}
	}

	/**
	 * Writes the rows of a query as text, one line each in sorted order, to
	 * {@code target/usage-corpus/<test class>/<name>.txt}.
	 */
	private void writeRows(String name, String sql) throws IOException {
		List<String> rows = new ArrayList<>();
		this.jdbc.query(sql, (rs) -> {
			List<String> values = new ArrayList<>();
			for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
				values.add(rs.getMetaData().getColumnLabel(i).toLowerCase() + "=" + text(rs.getObject(i)));
			}
			rows.add(String.join(" | ", values));
		});
		rows.sort(null);
		Files.createDirectories(actual(name).getParent());
		Files.write(actual(name), rows);
	}

	private Path actual(String name) {
		return ACTUAL.resolve(getClass().getSimpleName()).resolve(name + ".txt");
	}

	private static String text(Object value) {
		if (value instanceof BigDecimal decimal) {
			return decimal.stripTrailingZeros().toPlainString();
		}
		if (value instanceof Timestamp timestamp) {
			return timestamp.toLocalDateTime().toString();
		}
		if (value instanceof java.sql.Date date) {
			return date.toLocalDate().toString();
		}
		if (value instanceof Number || value == null) {
			return String.valueOf(value);
		}
		return value.toString().replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
	}

}
