package io.keyreview.intake;

import io.keyreview.secrets.Exposed;
import io.keyreview.secrets.Exposure;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/** Records where secrets were found, against the key of the row they were in. */
public class ExposureWriter<T extends Exposed> implements ItemWriter<T> {

	private final JdbcTemplate jdbc;

	private final String source;

	private final LocalDate runDate;

	public ExposureWriter(JdbcTemplate jdbc, InputSource source, LocalDate runDate) {
		this.jdbc = jdbc;
		this.source = source.sourceName();
		this.runDate = runDate;
	}

	@Override
	public void write(Chunk<? extends T> chunk) {
		List<Object[]> rows = new ArrayList<>();
		for (T item : chunk) {
			for (Exposure exposure : item.exposures()) {
				rows.add(new Object[] { this.runDate, exposure.file(), exposure.line(), exposure.column(),
						exposure.fingerprint(), this.source, item.keyId() });
			}
		}
		if (!rows.isEmpty()) {
			record(this.jdbc, rows);
		}
	}

	/**
	 * Rows of run date, file, line, column, fingerprint, source, key id; a repeated
	 * sighting replaces itself.
	 */
	public static void record(JdbcTemplate jdbc, List<Object[]> rows) {
		jdbc.batchUpdate("""
				DELETE FROM secret_exposure
				WHERE run_date = ? AND input_file = ? AND line = ? AND column_name = ? AND fingerprint = ?""",
				rows.stream().map((row) -> new Object[] { row[0], row[1], row[2], row[3], row[4] }).toList());
		jdbc.batchUpdate("""
				INSERT INTO secret_exposure (run_date, input_file, line, column_name, fingerprint, source, key_id)
				VALUES (?, ?, ?, ?, ?, ?, ?)""", rows);
	}

}
