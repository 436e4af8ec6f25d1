package io.keyreview.people;

import java.time.LocalDate;

import io.keyreview.intake.InputSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Marks the people tonight's HR export no longer lists as gone from tonight, with a
 * {@code gone} event in {@code person_change}. Only a complete export says who is
 * missing: one that delivered people tonight with no row rejected (a rejected row may be
 * the missing person's).
 */
class PeopleGone {

	private final JdbcTemplate jdbc;

	PeopleGone(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	boolean exportCompleteOn(LocalDate runDate) {
		return count("SELECT COUNT(*) FROM person WHERE seen_on = ?", runDate) > 0
				&& count("SELECT COUNT(*) FROM rejected_row WHERE run_date = ? AND source = ?", runDate,
						InputSource.PEOPLE.sourceName()) == 0;
	}

	/** Marks the people last listed before the night gone from it; how many. */
	int markGoneOn(LocalDate runDate) {
		int gone = this.jdbc.update("""
				INSERT INTO person_change (run_date, email, event, old_value, new_value)
				SELECT ?, email, 'gone', NULL, ? FROM person WHERE seen_on < ? AND gone_since IS NULL""", runDate,
				runDate.toString(), runDate);
		this.jdbc.update("UPDATE person SET gone_since = ? WHERE seen_on < ? AND gone_since IS NULL", runDate, runDate);
		return gone;
	}

	private long count(String sql, Object... args) {
		Long count = this.jdbc.queryForObject(sql, Long.class, args);
		return (count != null) ? count : 0;
	}

}
