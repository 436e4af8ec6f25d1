package io.keyreview.offboarding;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.keyreview.review.RuleSettings;
import io.keyreview.support.CsvExport;
import io.keyreview.support.SqlValues;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tests offboarding ({@code <out>/reports/offboarding-<name>.csv}, with its
 * {@code .sha256}): each HR exit in a window (a person terminated, a contractor or vendor
 * whose contract ended, or one a complete HR export stopped listing), each key that
 * person was the inventory owner, business owner, technical owner or creator of, and a
 * verdict: {@code used after exit} (a use on a day after the exit), else
 * {@code still alive} (not disabled, revoked, expired, deleted or gone), else
 * {@code removed in time} (within {@code keyreview.rules.offboarding-sla} of the exit, or
 * before it) or {@code removed late}.
 */
@Component
public class OffboardingReport {

	/**
	 * The quarterly job's context entry holding the summary, which opens the security
	 * owner's digest.
	 */
	public static final String SUMMARY = "offboarding.summary";

	static final String[] COLUMNS = { "email", "name", "worker_type", "exit_date", "key_id", "alias", "role",
			"status_on_exit", "status_now", "last_used_at", "disabled_on", "days_to_disable", "verdict" };

	private static final String REMOVED = "'disabled', 'revoked', 'expired', 'deleted'";

	private final JdbcTemplate jdbc;

	private final RuleSettings settings;

	OffboardingReport(JdbcTemplate jdbc, RuleSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/** What the report found, for the run summary and the security owner's digest. */
	public record Summary(Path file, int exits, int keys, int removedInTime, long slaDays) {

		@Override
		public String toString() {
			return this.exits + " exit(s) tested, " + this.keys + " key(s), " + this.removedInTime + " removed within "
					+ this.slaDays + " day(s)"
					+ ((this.keys > 0) ? " (" + (100 * this.removedInTime / this.keys) + "%)" : "");
		}

	}

	/** One exit against one key. */
	record Row(String email, @Nullable String name, @Nullable String workerType, LocalDate exitDate, String keyId,
			@Nullable String alias, String role, String statusOnExit, String statusNow, @Nullable Instant lastUsedAt,
			@Nullable LocalDate disabledOn, @Nullable Long daysToDisable, String verdict) {

	}

	/** Tests the exits from {@code since} to {@code until} (both included). */
	public Summary write(LocalDate since, LocalDate until, String name, Path folder) {
		List<Row> rows = rows(since, until);
		Path file = folder.resolve("offboarding-" + name + ".csv");
		CsvExport.write(file, COLUMNS,
				(csv) -> rows.forEach((row) -> csv.add(new Object[] { row.email(), row.name(), row.workerType(),
						row.exitDate(), row.keyId(), row.alias(), row.role(), row.statusOnExit(), row.statusNow(),
						row.lastUsedAt(), row.disabledOn(), row.daysToDisable(), row.verdict() })));
		CsvExport.writeChecksum(file);
		int exits = this.jdbc.queryForObject("SELECT COUNT(*) FROM (" + EXITS + ") e", Integer.class, since, until);
		int inTime = (int) rows.stream().filter((row) -> row.verdict().equals("removed in time")).count();
		return new Summary(file, exits, rows.size(), inTime, this.settings.offboardingSla().toDays());
	}

	/**
	 * Every exit: the day a person left, ended their contract or was no longer listed.
	 */
	private static final String EXITS = """
			SELECT email, name, worker_type, COALESCE(termination_date, gone_since) AS exit_date FROM person
			WHERE COALESCE(termination_date, gone_since) BETWEEN ? AND ?
			  AND (status = 'terminated' OR worker_type IN ('contractor', 'vendor') OR gone_since IS NOT NULL)""";

	List<Row> rows(LocalDate since, LocalDate until) {
		List<Row> rows = new ArrayList<>();
		this.jdbc.query("""
				SELECT e.email, e.name, e.worker_type, e.exit_date, r.key_id, r.alias, r.status, r.gone_since,
				  r.last_used_at, r.first_seen,
				  (SELECT c.new_value FROM key_change c WHERE c.key_id = r.key_id
				     AND c.event IN ('created', 'status_changed') AND c.run_date <= e.exit_date
				   ORDER BY c.run_date DESC LIMIT 1) AS status_on_exit,
				  (SELECT MIN(c.run_date) FROM key_change c WHERE c.key_id = r.key_id
				     AND c.event IN ('created', 'status_changed') AND LOWER(c.new_value) IN (%2$s)
				     AND c.run_date >= e.exit_date) AS disabled_on,
				  CASE WHEN LOWER(r.owner) = e.email THEN 'inventory owner'
				    WHEN LOWER(r.business_owner) = e.email THEN 'business owner'
				    WHEN LOWER(r.technical_owner) = e.email THEN 'technical owner' ELSE 'creator' END AS role
				FROM (%1$s) e JOIN key_register r ON LOWER(r.owner) = e.email OR LOWER(r.business_owner) = e.email
				  OR LOWER(r.technical_owner) = e.email OR LOWER(r.created_by) = e.email
				ORDER BY e.exit_date, e.email, r.key_id""".formatted(EXITS, REMOVED), (rs) -> {
			LocalDate exit = rs.getObject("exit_date", LocalDate.class);
			String keyId = rs.getString("key_id");
			LocalDate goneSince = rs.getObject("gone_since", LocalDate.class);
			String onExit = rs.getObject("first_seen", LocalDate.class).isAfter(exit) ? "not listed yet"
					: Objects.requireNonNullElse(rs.getString("status_on_exit"), "unknown");
			LocalDate removedOn = REMOVED.contains("'" + onExit + "'") ? exit
					: earlier(rs.getObject("disabled_on", LocalDate.class), goneSince);
			Instant lastUsed = SqlValues.instant(rs, "last_used_at");
			boolean usedAfter = lastUsed != null && LocalDate.ofInstant(lastUsed, ZoneOffset.UTC).isAfter(exit);
			Long days = (removedOn != null) ? Math.max(0, ChronoUnit.DAYS.between(exit, removedOn)) : null;
			String verdict = usedAfter ? "used after exit" : (days == null) ? "still alive"
					: (days <= this.settings.offboardingSla().toDays()) ? "removed in time" : "removed late";
			rows.add(new Row(rs.getString("email"), rs.getString("name"), rs.getString("worker_type"), exit, keyId,
					rs.getString("alias"), rs.getString("role"), onExit,
					(goneSince != null) ? "gone since " + goneSince : String.valueOf(rs.getString("status")), lastUsed,
					removedOn, days, verdict));
		}, since, until);
		return rows;
	}

	private static @Nullable LocalDate earlier(@Nullable LocalDate one, @Nullable LocalDate other) {
		if (one == null || other == null) {
			return (one != null) ? one : other;
		}
		return one.isBefore(other) ? one : other;
	}

}
