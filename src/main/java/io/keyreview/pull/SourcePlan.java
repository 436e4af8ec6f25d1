package io.keyreview.pull;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

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
					endpoint("projects", base + "/organization/projects?include_archived=true&limit=" + size,
							Paging.cursor("after")),
					endpoint("admin_api_keys", base + "/organization/admin_api_keys?limit=" + size,
							Paging.cursor("after")),
					endpoint("users", base + "/organization/users?limit=" + size, Paging.cursor("after")),
					usage(base, "completions", start, end), usage(base, "embeddings", start, end),
					usage(base, "images", start, end), usage(base, "moderations", start, end),
					usage(base, "audio_speeches", start, end), usage(base, "audio_transcriptions", start, end),
					endpoint("costs",
							base + "/organization/costs?start_time=" + start + "&end_time=" + end
									+ "&bucket_width=1d&group_by%5B%5D=api_key_id&group_by%5B%5D=project_id&limit=180",
							Paging.nextPageToken()));
			case ANTHROPIC -> List.of(
					endpoint("api_keys", base + "/v1/organizations/api_keys?limit=" + size, Paging.cursor("after_id")),
					endpoint("users", base + "/v1/organizations/users?limit=" + size, Paging.cursor("after_id")),
					endpoint("workspaces", base + "/v1/organizations/workspaces?include_archived=true&limit=" + size,
							Paging.cursor("after_id")),
					endpoint("usage_messages",
							base + "/v1/organizations/usage_report/messages?starting_at=" + rfc3339(from)
									+ "&ending_at=" + rfc3339(runDate)
									+ "&bucket_width=1d&group_by%5B%5D=api_key_id&group_by%5B%5D=model&limit=31",
							Paging.nextPageToken()),
					endpoint("cost_report",
							base + "/v1/organizations/cost_report?starting_at=" + rfc3339(from) + "&ending_at="
									+ rfc3339(runDate) + "&bucket_width=1d&group_by%5B%5D=workspace_id&limit=31",
							Paging.nextPageToken()));
			case LITELLM -> List.of(
					endpoint("keys",
							base + "/key/list?return_full_object=true&include_team_keys=true&page=1&size=" + size,
							Paging.pageNumbers("current_page")),
					endpoint("spend_logs", base + "/spend/logs/v2?start_date=" + litellmTime(from) + "&end_date="
							+ litellmTime(runDate) + "&page=1&page_size=" + size, Paging.pageNumbers("page")));
			case OPENROUTER ->
				List.of(endpoint("keys", base + "/keys?include_disabled=true&offset=0", Paging.offset("data", 100)),
						endpoint("activity", base + "/activity", Paging.none()));
			case OKTA ->
				List.of(endpoint("users", base + "/api/v1/users?limit=" + Math.min(size, 200), Paging.linkHeader()),
						endpoint(
								"users_deprovisioned", base + "/api/v1/users?search="
										+ encode("status eq \"DEPROVISIONED\"") + "&limit=" + Math.min(size, 200),
								Paging.linkHeader()));
			case SCIM -> List.of(endpoint("users", base + "/Users?startIndex=1&count=" + size, Paging.scim()));
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
				String projectUrl = base + "/organization/projects/" + encode(id);
				children.add(endpoint("api_keys-" + id,
						projectUrl + "/api_keys?owner_project_access=any&limit=" + source.pageSize(),
						Paging.cursor("after")));
				children.add(endpoint("service_accounts-" + id,
						projectUrl + "/service_accounts?limit=" + source.pageSize(), Paging.cursor("after")));
			}
		}
		return children;
	}

	/** An OpenAI usage family, by key, model and project, a bucket a day. */
	private static Endpoint usage(String base, String family, long start, long end) {
		return endpoint("usage_" + family,
				base + "/organization/usage/" + family + "?start_time=" + start + "&end_time=" + end
						+ "&bucket_width=1d&group_by%5B%5D=api_key_id&group_by%5B%5D=model&group_by%5B%5D=project_id"
						+ "&limit=31",
				Paging.nextPageToken());
	}

	private static String baseOf(SourceSettings source) {
		String base = String.valueOf(source.baseUrl());
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	private static Endpoint endpoint(String name, String first, Paging paging) {
		return new Endpoint(name, URI.create(first), paging);
	}

	private static String rfc3339(LocalDate day) {
		return day + "T00:00:00Z";
	}

	private static String litellmTime(LocalDate day) {
		return encode(day.format(DateTimeFormatter.ISO_LOCAL_DATE) + " 00:00:00");
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
	}

}
