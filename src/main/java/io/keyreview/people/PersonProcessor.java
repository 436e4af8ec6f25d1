package io.keyreview.people;

import java.util.Collection;
import java.util.Set;

import io.keyreview.intake.CsvRow;
import io.keyreview.support.EmailAddresses;
import io.keyreview.intake.FirstRowWins;
import io.keyreview.support.Identities;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns a {@code people.csv} row into a {@link Person}, or rejects it with the reason.
 */
class PersonProcessor implements ItemProcessor<CsvRow, Person> {

	private static final Set<String> STATUSES = Set.of("active", "terminated", "leave");

	private static final Set<String> WORKER_TYPES = Set.of("employee", "contractor", "vendor");

	private final FirstRowWins firstRowWins;

	PersonProcessor(Collection<String> peopleAlreadyLoaded) {
		this.firstRowWins = new FirstRowWins(peopleAlreadyLoaded);
	}

	@Override
	public Person process(CsvRow row) {
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
				row.text("department"), row.text("cost_center"), row.exposures());
		this.firstRowWins.check(row, "email", email);
		return person;
	}

}
