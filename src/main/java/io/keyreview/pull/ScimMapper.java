package io.keyreview.pull;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.keyreview.intake.InputSource;
import tools.jackson.databind.JsonNode;

import static io.keyreview.pull.VendorJson.orEmpty;
import static io.keyreview.pull.VendorJson.text;

/**
 * SCIM 2.0: the users of a ListResponse with the enterprise extension (employee number,
 * cost centre, department, manager); {@code active: false} reads as terminated on the day
 * the user was last modified. A manager given as a bare string (as Entra sometimes sends
 * it) is read as an id or an e-mail address.
 */
class ScimMapper implements VendorMapper {

	private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

	@Override
	public Canonical map(String source, PulledPages pages, LocalDate runDate) {
		Map<String, JsonNode> users = new LinkedHashMap<>();
		pages.of("users")
			.forEach((page) -> VendorJson.items(page, "Resources")
				.forEach((user) -> users.putIfAbsent(orEmpty(text(user.path("id"))), user)));
		Map<String, String> emails = new HashMap<>();
		users.forEach((id, user) -> emails.put(id, email(user)));
		Canonical canonical = new Canonical();
		for (JsonNode user : users.values()) {
			JsonNode enterprise = user.path(ENTERPRISE);
			boolean active = user.path("active").asBoolean(true);
			Map<String, String> row = canonical.add(InputSource.PEOPLE);
			row.put("person_id", orEmpty((text(enterprise.path("employeeNumber")) != null)
					? text(enterprise.path("employeeNumber"))
					: (text(user.path("externalId")) != null) ? text(user.path("externalId")) : text(user.path("id"))));
			row.put("email", email(user));
			row.put("name", orEmpty((text(user.path("displayName")) != null) ? text(user.path("displayName"))
					: text(user.path("name").path("formatted"))));
			row.put("status", active ? "active" : "terminated");
			row.put("termination_date", active ? "" : orEmpty(VendorJson.day(user.path("meta").path("lastModified"))));
			String userType = orEmpty(text(user.path("userType"))).toLowerCase(Locale.ROOT);
			row.put("worker_type", OktaMapper.WORKER_TYPES.contains(userType) ? userType : "");
			JsonNode manager = enterprise.path("manager");
			String managerRef = orEmpty(manager.isString() ? text(manager) : text(manager.path("value")));
			row.put("manager_email", managerRef.contains("@") ? managerRef : emails.getOrDefault(managerRef, ""));
			row.put("department", orEmpty(text(enterprise.path("department"))));
			row.put("cost_center", orEmpty(text(enterprise.path("costCenter"))));
		}
		return canonical;
	}

	private static String email(JsonNode user) {
		String primary = null;
		for (JsonNode email : user.path("emails")) {
			if (primary == null || email.path("primary").asBoolean(false)) {
				primary = text(email.path("value"));
			}
		}
		return orEmpty((primary != null) ? primary : text(user.path("userName")));
	}

}
