package io.keyreview.pull;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/** How an API says where its next page is; {@code null} after the last page. */
@FunctionalInterface
interface Paging {

	@Nullable URI next(Page page, JsonNode body);

	/** One page only. */
	static Paging none() {
		return (page, body) -> null;
	}

	/**
	 * {@code has_more} with the last item's id passed back: OpenAI's {@code after},
	 * Anthropic's {@code after_id}.
	 */
	static Paging cursor(String parameter) {
		return (page, body) -> body.path("has_more").asBoolean(false) && body.path("last_id").isString()
				? with(page.uri(), parameter, body.path("last_id").asString()) : null;
	}

	/**
	 * {@code has_more} with an opaque {@code next_page} token passed back as
	 * {@code page}.
	 */
	static Paging nextPageToken() {
		return (page, body) -> body.path("has_more").asBoolean(false) && body.path("next_page").isString()
				? with(page.uri(), "page", body.path("next_page").asString()) : null;
	}

	/**
	 * LiteLLM's 1-based {@code page} up to {@code total_pages}, the current page read
	 * from the given field.
	 */
	static Paging pageNumbers(String currentField) {
		return (page, body) -> {
			int current = body.path(currentField).asInt(1);
			return (current < body.path("total_pages").asInt(0)) ? with(page.uri(), "page", String.valueOf(current + 1))
					: null;
		};
	}

	/**
	 * An {@code offset} moved on by the page size until a short page (OpenRouter gives no
	 * total).
	 */
	static Paging offset(String items, int pageSize) {
		return (page, body) -> {
			if (body.path(items).size() < pageSize) {
				return null;
			}
			String current = parameter(page.uri(), "offset");
			int offset = (current != null) ? Integer.parseInt(current) : 0;
			return with(page.uri(), "offset", String.valueOf(offset + pageSize));
		};
	}

	/** Okta's {@code Link: <…>; rel="next"} response header. */
	static Paging linkHeader() {
		Pattern next = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
		return (page, body) -> page.headers()
			.allValues("Link")
			.stream()
			.flatMap((value) -> java.util.Arrays.stream(value.split(",(?=\\s*<)")))
			.map(next::matcher)
			.filter(Matcher::find)
			.map((match) -> page.uri().resolve(match.group(1)))
			.findFirst()
			.orElse(null);
	}

	/** A SCIM ListResponse's 1-based {@code startIndex} up to {@code totalResults}. */
	static Paging scim() {
		return (page, body) -> {
			int start = body.path("startIndex").asInt(1);
			int count = body.path("Resources").size();
			return (count > 0 && start - 1 + count < body.path("totalResults").asInt(0))
					? with(page.uri(), "startIndex", String.valueOf(start + count)) : null;
		};
	}

	/**
	 * The URI with one query parameter set in its place (or added last), the others kept
	 * as they were; the value is percent-encoded whole ({@code +} too).
	 */
	static URI with(URI uri, String parameter, String value) {
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>(
				UriComponentsBuilder.fromUri(uri).build(true).getQueryParams());
		query.set(parameter, UriUtils.encode(value, StandardCharsets.UTF_8));
		return UriComponentsBuilder.fromUri(uri).replaceQueryParams(query).build(true).toUri();
	}

	/** A query parameter's first value, name and value decoded. */
	static @Nullable String parameter(URI uri, String parameter) {
		for (var values : UriComponentsBuilder.fromUri(uri).build(true).getQueryParams().entrySet()) {
			if (UriUtils.decode(values.getKey(), StandardCharsets.UTF_8).equals(parameter)) {
				String value = values.getValue().get(0);
				return (value != null) ? UriUtils.decode(value, StandardCharsets.UTF_8) : "";
			}
		}
		return null;
	}

}
