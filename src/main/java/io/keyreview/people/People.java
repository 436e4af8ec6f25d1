package io.keyreview.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Everyone an HR export listed, by e-mail address, as last listed. A person a complete
 * export no longer lists reads as terminated on the night they went missing, unless the
 * export's own termination date was earlier.
 */
@Component
public class People {

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	People(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
	}

	public Map<String, Person> byEmail() {
		return this.jdbc.query("SELECT * FROM person", (rs, row) -> person(rs))
			.stream()
			.collect(Collectors.toUnmodifiableMap(Person::email, Function.identity()));
	}

	/**
	 * Those of some e-mail addresses (normalised) that an HR export listed, by e-mail
	 * address.
	 */
	public Map<String, Person> byEmail(Collection<String> emails) {
		if (emails.isEmpty()) {
			return Map.of();
		}
		return this.named
			.query("SELECT * FROM person WHERE email IN (:emails)", Map.of("emails", emails), (rs, row) -> person(rs))
			.stream()
			.collect(Collectors.toUnmodifiableMap(Person::email, Function.identity()));
	}

	private static Person person(ResultSet rs) throws SQLException {
		LocalDate goneSince = rs.getObject("gone_since", LocalDate.class);
		LocalDate terminationDate = rs.getObject("termination_date", LocalDate.class);
		if (goneSince != null && (terminationDate == null || terminationDate.isAfter(goneSince))) {
			terminationDate = goneSince;
		}
		return new Person(rs.getString("email"), rs.getString("person_id"), rs.getString("name"),
				(goneSince != null) ? "terminated" : rs.getString("status"), rs.getString("worker_type"),
				terminationDate, rs.getString("manager_email"), rs.getString("department"), rs.getString("cost_center"),
				List.of());
	}

}
