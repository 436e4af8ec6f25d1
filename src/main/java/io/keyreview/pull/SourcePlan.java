package io.keyreview.pull;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The endpoints pulled from each kind of source: the listings of keys, people and usage,
 * and the listings that hang off another (OpenAI's keys per project). Usage covers the
 * {@code usage-days} days up to the run date (exclusive).
 */
final class SourcePlan {

	private SourcePlan() {
	}

	static List<Endpoint> roots(SourceSettings source, LocalDate runDate) {
		String base = baseOf(source);
		int size = source.pageSize();
		LocalDate from = runDate.minusDays(source.usageDays());
		long start = from.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
		long end = runDate.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
		return switch (source.type()) {
			case OPENAI -> List.of(
					endpoint("projects",
							at(base, "/organization/projects").queryParam("include_archived", true)
								.queryParam("limit", size),
							Paging.cursor("after")),
					endpoint("admin_api_keys", at(base, "/organization/admin_api_keys").queryParam("limit", size),
							Paging.cursor("after")),
					endpoint("users", at(base, "/organization/users").queryParam("limit", size),
							Paging.cursor("after")),
					usage(base, "completions", start, end), usage(base, "embeddings", start, end),
					usage(base, "images", start, end), usage(base, "moderations", start, end),
					usage(base, "audio_speeches", start, end), usage(base, "audio_transcriptions", start, end),
					endpoint("costs",
							at(base, "/organization/costs").queryParam("start_time", start)
								.queryParam("end_time", end)
								.queryParam("bucket_width", "1d")
								.queryParam("group_by[]", "api_key_id", "project_id")
								.queryParam("limit", 180),
							Paging.nextPageToken()));
			case ANTHROPIC -> List.of(
					endpoint("api_keys", at(base, "/v1/organizations/api_keys").queryParam("limit", size),
							Paging.cursor("after_id")),
					endpoint("users", at(base, "/v1/organizations/users").queryParam("limit", size),
							Paging.cursor("after_id")),
					endpoint("workspaces",
							at(base, "/v1/organizations/workspaces").queryParam("include_archived", true)
								.queryParam("limit", size),
							Paging.cursor("after_id")),
					endpoint("usage_messages",
							at(base, "/v1/organizations/usage_report/messages").queryParam("starting_at", rfc3339(from))
								.queryParam("ending_at", rfc3339(runDate))
								.queryParam("bucket_width", "1d")
								.queryParam("group_by[]", "api_key_id", "model")
								.queryParam("limit", 31),
							Paging.nextPageToken()),
					endpoint("cost_report",
							at(base, "/v1/organizations/cost_report").queryParam("starting_at", rfc3339(from))
								.queryParam("ending_at", rfc3339(runDate))
								.queryParam("bucket_width", "1d")
								.queryParam("group_by[]", "workspace_id")
								.queryParam("limit", 31),
							Paging.nextPageToken()));
			case LITELLM -> List.of(
					endpoint("keys",
							at(base, "/key/list").queryParam("return_full_object", true)
								.queryParam("include_team_keys", true)
								.queryParam("page", 1)
								.queryParam("size", size),
							Paging.pageNumbers("current_page")),
					endpoint("spend_logs",
							at(base, "/spend/logs/v2").queryParam("start_date", litellmTime(from))
								.queryParam("end_date", litellmTime(runDate))
								.queryParam("page", 1)
								.queryParam("page_size", size),
							Paging.pageNumbers("page")));
			case OPENROUTER ->
				List.of(endpoint("keys", at(base, "/keys").queryParam("include_disabled", true).queryParam("offset", 0),
						Paging.offset("data", 100)), endpoint("activity", at(base, "/activity"), Paging.none()));
			case OKTA -> List.of(
					endpoint("users", at(base, "/api/v1/users").queryParam("limit", Math.min(size, 200)),
							Paging.linkHeader()),
					endpoint("users_deprovisioned",
							at(base, "/api/v1/users").queryParam("search", "status eq \"DEPROVISIONED\"")
								.queryParam("limit", Math.min(size, 200)),
							Paging.linkHeader()));
			case SCIM -> List.of(endpoint("users",
					at(base, "/Users").queryParam("startIndex", 1).queryParam("count", size), Paging.scim()));
		};
	}

	/**
	 * Listings found in the pages of another: OpenAI's keys and service accounts per
	 * project. The pages are read only for such a parent.
	 */
	static List<Endpoint> children(SourceSettings source, Endpoint parent, Supplier<List<JsonNode>> pages) {
		if (source.type() != SourceType.OPENAI || !parent.name().equals("projects")) {
			return List.of();
		}
		String base = baseOf(source);
		List<Endpoint> children = new ArrayList<>();
		for (JsonNode page : pages.get()) {
			for (JsonNode project : page.path("data")) {
				String id = project.path("id").asString("");
				if (id.isEmpty() || "archived".equals(project.path("status").asString(""))) {
					continue;
				}
				children.add(endpoint("api_keys-" + id,
						at(base, "/organization/projects").pathSegment(id, "api_keys")
							.queryParam("owner_project_access", "any")
							.queryParam("limit", source.pageSize()),
						Paging.cursor("after")));
				children.add(endpoint("service_accounts-" + id,
						at(base, "/organization/projects").pathSegment(id, "service_accounts")
							.queryParam("limit", source.pageSize()),
						Paging.cursor("after")));
			}
		}
		return children;
	}

	/** An OpenAI usage family, by key, model and project, a bucket a day. */
	private static Endpoint usage(String base, String family, long start, long end) {
		return endpoint("usage_" + family,
				at(base, "/organization/usage").pathSegment(family)
					.queryParam("start_time", start)
					.queryParam("end_time", end)
					.queryParam("bucket_width", "1d")
					.queryParam("group_by[]", "api_key_id", "model", "project_id")
					.queryParam("limit", 31),
				Paging.nextPageToken());
	}

	private static UriComponentsBuilder at(String base, String path) {
		return UriComponentsBuilder.fromUriString(base).path(path);
	}

	static String baseOf(SourceSettings source) {
		String base = String.valueOf(source.baseUrl());
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	/** The endpoint's first page, every query value percent-encoded. */
	private static Endpoint endpoint(String name, UriComponentsBuilder first, Paging paging) {
		return new Endpoint(name, first.encode().build().toUri(), paging);
	}

	private static String rfc3339(LocalDate day) {
		return day + "T00:00:00Z";
	}

	private static String litellmTime(LocalDate day) {
		return day.format(DateTimeFormatter.ISO_LOCAL_DATE) + " 00:00:00";
	}

}
