package io.keyreview.mismatches;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.keyreview.support.CsvExport;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The night's disagreements between the sources ({@code source_mismatch}), each kind one
 * set-based statement over tonight's register, policies, unattributed usage, HR and
 * rejects:
 * <ul>
 * <li>{@code key-without-policy}: a key an inventory lists that no policy file covers;
 * <li>{@code policy-without-key}: a policy whose key no inventory lists, or one that is
 * gone from its complete inventory;
 * <li>{@code usage-without-key}: tonight's usage for a key id no inventory lists;
 * <li>{@code owner-unknown}: a key's owner or technical owner that is neither in HR nor a
 * group of {@code owners.yaml}, or a creator with an e-mail address HR does not list (a
 * creator without one is a service identity);
 * <li>{@code listed-twice}: a key id two inventory rows list (the second is rejected,
 * naming the status and owner it differs in);
 * <li>{@code person-status-differs}: a person two people sources (HR and an IdP) list
 * with different statuses, such as terminated in HR and still active in Okta.
 * </ul>
 */
@Component
public class Mismatches {

	static final String[] COLUMNS = { "kind", "key_id", "person", "source", "other_source", "detail" };

	private static final String INSERT = "INSERT INTO source_mismatch (run_date, kind, key_id, person, source, "
			+ "other_source, detail) ";

	private static final String UNKNOWN_TO_HR = """
			SELECT ?, 'owner-unknown', r.key_id, LOWER(r.%1$s), r.source, 'people',
			  CONCAT('%2$s ', r.%1$s, ' is neither in HR nor a group of owners.yaml')
			FROM key_register r
			WHERE r.gone_since IS NULL AND r.%1$s IS NOT NULL
			  AND NOT EXISTS (SELECT 1 FROM person p WHERE p.email = LOWER(r.%1$s))
			  AND NOT EXISTS (SELECT 1 FROM owner_group g WHERE g.name = LOWER(r.%1$s))""";

	private final JdbcTemplate jdbc;

	Mismatches(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Replaces the night's mismatches, and returns how many there are. */
	int record(LocalDate runDate) {
		this.jdbc.update("DELETE FROM source_mismatch WHERE run_date = ?", runDate);
		int found = this.jdbc.update(INSERT + """
				SELECT ?, 'key-without-policy', key_id, NULL, source, 'policies',
				  CONCAT('listed by ', source, ' (', COALESCE(inventory_file, ''), '), covered by no policy file')
				FROM key_register WHERE gone_since IS NULL AND has_policy = FALSE""", runDate);
		found += this.jdbc.update(INSERT + """
				SELECT ?, 'policy-without-key', p.key_id, NULL, 'policies', r.source,
				  CASE WHEN r.key_id IS NULL THEN CONCAT(p.input_file, ': no inventory lists the key')
				    ELSE CONCAT(p.input_file, ': gone from ', r.source, ' since ', r.gone_since) END
				FROM key_policy p LEFT JOIN key_register r ON r.key_id = p.key_id
				WHERE p.seen_on = ? AND (r.key_id IS NULL OR r.gone_since IS NOT NULL)""", runDate, runDate);
		found += this.jdbc.update(INSERT + """
				SELECT run_date, 'usage-without-key', key_id, NULL, source, 'keys',
				  CONCAT(requests, ' request(s), $', CAST(cost_usd AS DECIMAL(24, 2)), ' from ', first_day, ' to ',
				    last_day, ', for a key id no inventory lists')
				FROM unattributed_usage WHERE run_date = ?""", runDate);
		found += this.jdbc.update(INSERT + UNKNOWN_TO_HR.formatted("owner", "owner"), runDate);
		found += this.jdbc.update(INSERT + UNKNOWN_TO_HR.formatted("technical_owner", "technical owner"), runDate);
		found += this.jdbc.update(
				INSERT + UNKNOWN_TO_HR.formatted("created_by", "creator") + " AND r.created_by LIKE '%@%'", runDate);
		found += this.jdbc.update(INSERT + """
				SELECT run_date, 'listed-twice', key_id, NULL, input_file, 'keys', reason
				FROM rejected_row
				WHERE run_date = ? AND source = 'keys' AND key_id IS NOT NULL AND reason LIKE '%is listed again%'""",
				runDate);
		found += this.jdbc.update(
				INSERT + """
						SELECT run_date, 'person-status-differs', NULL, email, input_file, kept_file,
						  CONCAT(kept_file, ' lists ', email, ' as ', kept_status, ', ', input_file, ' as ', status,
						    CASE WHEN termination_date IS NULL THEN '' ELSE CONCAT(' (since ', CAST(termination_date AS CHAR(10)), ')') END)
						FROM person_listing WHERE run_date = ? AND status <> kept_status""",
				runDate);
		return found;
	}

	/** The night's mismatches per kind, in kind order. */
	public Map<String, Long> countsOn(LocalDate runDate) {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.jdbc.query(
				"SELECT kind, COUNT(*) AS n FROM source_mismatch WHERE run_date = ? GROUP BY kind ORDER BY kind",
				(rs) -> {
					counts.put(rs.getString("kind"), rs.getLong("n"));
				}, runDate);
		return counts;
	}

	/** "2 key-without-policy, 1 usage-without-key", or "no mismatch". */
	public static String describe(Map<String, Long> counts) {
		return counts.isEmpty() ? "no mismatch"
				: counts.entrySet()
					.stream()
					.map((count) -> count.getValue() + " " + count.getKey())
					.collect(Collectors.joining(", "));
	}

	/** The last night that recorded mismatches, if any did. */
	public @Nullable LocalDate lastNight() {
		return this.jdbc.queryForObject("SELECT MAX(run_date) FROM source_mismatch", LocalDate.class);
	}

	/** Writes {@code mismatches-<date>.csv} (and its {@code .sha256}) into a folder. */
	Path write(LocalDate runDate, Path folder) {
		Path file = folder.resolve("mismatches-" + runDate + ".csv");
		CsvExport.write(file, COLUMNS, (rows) -> this.jdbc.query("""
				SELECT kind, key_id, person, source, other_source, detail FROM source_mismatch WHERE run_date = ?
				ORDER BY kind, key_id, person""", rows::addRow, runDate));
		CsvExport.writeChecksum(file);
		return file;
	}

}
