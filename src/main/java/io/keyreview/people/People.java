package io.keyreview.people;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The people of the last HR export loaded, by e-mail address. */
@Component
public class People {

	private final JdbcTemplate jdbc;

	People(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Map<String, Person> byEmail() {
		return this.jdbc
			.query("SELECT * FROM person",
					(rs, row) -> new Person(rs.getString("email"), rs.getString("person_id"), rs.getString("name"),
							rs.getString("status"), rs.getString("worker_type"),
							rs.getObject("termination_date", java.time.LocalDate.class), rs.getString("manager_email"),
							rs.getString("department"), rs.getString("cost_center"), List.of()))
			.stream()
			.collect(Collectors.toUnmodifiableMap(Person::email, Function.identity()));
	}

}
