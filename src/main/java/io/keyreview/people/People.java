package io.keyreview.people;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Everyone an HR export listed, by e-mail address, as last listed. A person a complete
 * export no longer lists reads as terminated on the night they went missing, unless the
 * export's own termination date was earlier.
 */
@Component
public class People {

	private static final int EMAILS_PER_QUERY = 1000;

	private static final RowMapper<Person> PERSON = (rs, row) -> {
		LocalDate goneSince = rs.getObject("gone_since", LocalDate.class);
		LocalDate terminationDate = rs.getObject("termination_date", LocalDate.class);
		if (goneSince != null && (terminationDate == null || terminationDate.isAfter(goneSince))) {
			terminationDate = goneSince;
		}
		return new Person(rs.getString("email"), rs.getString("person_id"), rs.getString("name"),
				(goneSince != null) ? "terminated" : rs.getString("status"), rs.getString("worker_type"),
				terminationDate, rs.getString("manager_email"), rs.getString("department"), rs.getString("cost_center"),
				List.of(), rs.getString("input_file"));
	};

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	People(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
	}

	public Map<String, Person> byEmail() {
		return this.jdbc.query("SELECT * FROM person", PERSON)
			.stream()
			.collect(Collectors.toUnmodifiableMap(Person::email, Function.identity()));
	}

	/**
	 * The people with these (normalised) e-mail addresses that HR lists, by e-mail
	 * address.
	 */
	public Map<String, Person> byEmail(Collection<String> emails) {
		Map<String, Person> people = new HashMap<>();
		List<String> all = List.copyOf(emails);
		for (int from = 0; from < all.size(); from += EMAILS_PER_QUERY) {
			List<String> some = all.subList(from, Math.min(all.size(), from + EMAILS_PER_QUERY));
			this.named.query("SELECT * FROM person WHERE email IN (:emails)", Map.of("emails", some), PERSON)
				.forEach((person) -> people.put(person.email(), person));
		}
		return people;
	}

}
