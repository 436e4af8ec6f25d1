package io.keyreview.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The directory ({@code owners.yaml}) as the last nightly loaded it. */
@Component
public class Directories {

	private final JdbcTemplate jdbc;

	Directories(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Directory current() {
		Map<String, Directory.Group> groups = new LinkedHashMap<>();
		this.jdbc.query("SELECT name, mailbox, accountable FROM owner_group ORDER BY name", (rs) -> {
			groups.put(rs.getString("name"), new Directory.Group(rs.getString("mailbox"), rs.getString("accountable")));
		});
		Map<String, List<String>> modelGroups = new LinkedHashMap<>();
		this.jdbc.query("SELECT group_name, model FROM model_group_member ORDER BY group_name, model", (rs) -> {
			modelGroups.computeIfAbsent(rs.getString("group_name"), (name) -> new ArrayList<>())
				.add(rs.getString("model"));
		});
		Map<String, String> routes = new LinkedHashMap<>();
		this.jdbc.query("SELECT route, environment FROM route_environment ORDER BY route", (rs) -> {
			routes.put(rs.getString("route"), rs.getString("environment"));
		});
		return new Directory(groups, modelGroups, routes);
	}

}
