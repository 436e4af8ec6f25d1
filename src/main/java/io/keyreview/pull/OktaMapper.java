package io.keyreview.pull;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.keyreview.intake.InputSource;
import tools.jackson.databind.JsonNode;

import static io.keyreview.pull.VendorJson.orEmpty;
import static io.keyreview.pull.VendorJson.text;

/**
 * Okta: every user, the DEPROVISIONED ones included (terminated on the day their status
 * changed); SUSPENDED reads as leave; the manager's e-mail resolved from
 * {@code managerId}.
 */
class OktaMapper implements VendorMapper {

	static final Set<String> WORKER_TYPES = Set.of("employee", "contractor", "vendor");

	@Override
	public Canonical map(String source, PulledPages pages, LocalDate runDate) {
		Map<String, JsonNode> users = new LinkedHashMap<>();
		for (String endpoint : List.of("users", "users_deprovisioned")) {
			pages.of(endpoint)
				.forEach((page) -> VendorJson.items(page)
					.forEach((user) -> users.putIfAbsent(orEmpty(text(user.path("id"))), user)));
		}
		Map<String, String> emails = new HashMap<>();
		users.forEach((id, user) -> emails.put(id, orEmpty(email(user))));
		Canonical canonical = new Canonical();
		for (JsonNode user : users.values()) {
			JsonNode profile = user.path("profile");
			String status = orEmpty(text(user.path("status")));
			Map<String, String> row = canonical.add(InputSource.PEOPLE);
			row.put("person_id", orEmpty((text(profile.path("employeeNumber")) != null)
					? text(profile.path("employeeNumber")) : text(user.path("id"))));
			row.put("email", orEmpty(email(user)));
			row.put("name",
					orEmpty((text(profile.path("displayName")) != null) ? text(profile.path("displayName"))
							: (orEmpty(text(profile.path("firstName"))) + " " + orEmpty(text(profile.path("lastName"))))
								.strip()));
			row.put("status", switch (status) {
				case "DEPROVISIONED" -> "terminated";
				case "SUSPENDED" -> "leave";
				default -> "active";
			});
			row.put("termination_date",
					status.equals("DEPROVISIONED") ? orEmpty(VendorJson.day(user.path("statusChanged"))) : "");
			String userType = orEmpty(text(profile.path("userType"))).toLowerCase(Locale.ROOT);
			row.put("worker_type", WORKER_TYPES.contains(userType) ? userType : "");
			row.put("manager_email", emails.getOrDefault(orEmpty(text(profile.path("managerId"))), ""));
			row.put("department", orEmpty(text(profile.path("department"))));
			row.put("cost_center", orEmpty(text(profile.path("costCenter"))));
		}
		return canonical;
	}

	private static String email(JsonNode user) {
		JsonNode profile = user.path("profile");
		return orEmpty(
				(text(profile.path("email")) != null) ? text(profile.path("email")) : text(profile.path("login")));
	}

}
