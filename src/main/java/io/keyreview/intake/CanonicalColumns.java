package io.keyreview.intake;

import java.util.List;

/** The columns of the canonical CSV inputs, in the order the spec lists them. */
public final class CanonicalColumns {

	public static final List<String> KEYS = List.of("source", "key_id", "alias", "project", "environment", "status",
			"owner", "owner_type", "created_by", "created_at", "last_used_at", "last_rotated_at", "expires_at",
			"scopes", "allowed_models", "allowed_routes", "monthly_budget_usd", "secret_location");

	public static final List<String> USAGE = List.of("key_id", "timestamp", "route", "model", "provider", "requests",
			"input_tokens", "output_tokens", "cost_usd", "failed_requests", "client_ip");

	public static final List<String> PEOPLE = List.of("person_id", "email", "name", "status", "worker_type",
			"termination_date", "manager_email", "department", "cost_center");

	private CanonicalColumns() {
	}

}
