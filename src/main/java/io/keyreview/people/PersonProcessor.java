package io.keyreview.people;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import io.keyreview.intake.CsvRow;
import io.keyreview.intake.FirstRowWins;
import io.keyreview.intake.FirstRowWins.Listing;
import io.keyreview.support.EmailAddresses;
import io.keyreview.support.Identities;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Turns a {@code people.csv} row into a {@link Person}, or rejects it with the reason. A
 * person another file already listed (an IdP's users beside the HR export) is not loaded
 * again: where that listing's status differs, it goes to {@code person_listing}, in the
 * chunk's transaction, for the mismatch report; listed twice in one file, the second row
 * is rejected.
 */
class PersonProcessor implements ItemProcessor<CsvRow, Person> {

	private static final Set<String> STATUSES = Set.of("active", "terminated", "leave");

	private static final Set<String> WORKER_TYPES = Set.of("employee", "contractor", "vendor");

	private final FirstRowWins firstRowWins;

	private final JdbcTemplate jdbc;

	private final LocalDate runDate;

	/**
	 * @param peopleAlreadyLoaded the people an interrupted attempt loaded, each with its
	 * file and status
	 */
	PersonProcessor(Map<String, Listing> peopleAlreadyLoaded, JdbcTemplate jdbc, LocalDate runDate) {
		this.firstRowWins = new FirstRowWins(peopleAlreadyLoaded);
		this.jdbc = jdbc;
		this.runDate = runDate;
	}

	static Map<String, @Nullable String> compared(String status) {
		return Map.of("status", status);
	}

	@Override
	public @Nullable Person process(CsvRow row) {
		row.requireAllColumns();
		String email = Identities.normalise(row.required("email", 300));
		if (!EmailAddresses.isValid(email)) {
			throw row.bad("email '" + email + "' is not an e-mail address");
		}
		String managerEmail = Identities.normalise(row.text("manager_email"));
		if (managerEmail != null && !EmailAddresses.isValid(managerEmail)) {
			throw row.bad("manager_email '" + managerEmail + "' is not an e-mail address");
		}
		String status = row.oneOf("status", STATUSES);
		if (status == null) {
			throw row.bad("has no status");
		}
		Person person = new Person(email, row.text("person_id"), row.text("name"), status,
				row.oneOf("worker_type", WORKER_TYPES), row.date("termination_date"), managerEmail,
				row.text("department"), row.text("cost_center"), row.exposures(), row.file());
		Listing first = this.firstRowWins.firstListing(row, email, compared(status));
		if (first == null) {
			return person;
		}
		if (first.file().equals(row.file())) {
			this.firstRowWins.check(row, "email", email, compared(status));
		}
		if (status.equals(first.values().get("status"))) {
			return null;
		}
		this.jdbc.update("""
				INSERT INTO person_listing (run_date, input_file, line, email, status, termination_date, kept_file,
				  kept_status)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", this.runDate, row.file(), row.line(), email, status,
				person.terminationDate(), first.file(), first.values().get("status"));
		return null;
	}

}
