package io.keyreview.mail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.keyreview.review.Decision;
import org.jspecify.annotations.Nullable;

/**
 * The answers in a plain reply to a digest, where they can be matched unambiguously: each
 * of the reply's own lines that names one key of the digest (by key id or alias) answers
 * it with the line's first decision word, the rest of the line after it being the reason
 * ({@code support-agent-prod-gateway: keep, still the only support key}). In a digest of
 * one key, a line with a decision word and no key answers that key. A line naming two
 * keys, or a key answered twice differently, answers nothing.
 */
final class PlainReply {

	private static final Pattern DECISION = Pattern
		.compile("(?<![\\w-])(keep|narrow|rotate|reassign|disable|delete|escalate)(?![\\w-])");

	private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[\\s:;,.!\\-–—]+");

	private PlainReply() {
	}

	/** One answer a reply gives. */
	record Matched(String keyId, Decision decision, @Nullable String reason) {

	}

	/** The answers matched, and why other lines or keys were not. */
	record Match(List<Matched> answers, List<String> ambiguities) {

	}

	/**
	 * @param lines the reply's own lines
	 * @param items the digest's keys, each with its alias (or null)
	 */
	static Match match(List<String> lines, Map<String, @Nullable String> items) {
		Map<String, Matched> answers = new LinkedHashMap<>();
		Set<String> answeredTwice = new HashSet<>();
		List<String> ambiguities = new ArrayList<>();
		for (String line : lines) {
			String lower = line.toLowerCase(Locale.ROOT);
			Matcher decision = DECISION.matcher(lower);
			if (!decision.find()) {
				continue;
			}
			List<String> named = items.entrySet()
				.stream()
				.filter((item) -> names(lower, item.getKey()) || names(lower, item.getValue()))
				.map(Map.Entry::getKey)
				.toList();
			if (named.size() > 1) {
				ambiguities.add("the line '" + abridged(line) + "' names " + named.size() + " keys");
				continue;
			}
			if (named.isEmpty() && items.size() != 1) {
				continue;
			}
			String keyId = named.isEmpty() ? items.keySet().iterator().next() : named.get(0);
			String reason = LEADING_PUNCTUATION.matcher(line.substring(decision.end())).replaceFirst("").strip();
			Matched matched = new Matched(keyId, Decision.of(decision.group(1)), reason.isEmpty() ? null : reason);
			Matched earlier = answers.putIfAbsent(keyId, matched);
			if (earlier != null && earlier.decision() != matched.decision() && answeredTwice.add(keyId)) {
				ambiguities.add(
						keyId + " is answered both " + earlier.decision().code() + " and " + matched.decision().code());
			}
		}
		answers.keySet().removeAll(answeredTwice);
		return new Match(List.copyOf(answers.values()), ambiguities);
	}

	private static boolean names(String lowerLine, @Nullable String name) {
		if (name == null || name.strip().length() < 3) {
			return false;
		}
		return Pattern.compile("(?<![\\w.-])" + Pattern.quote(name.strip().toLowerCase(Locale.ROOT)) + "(?![\\w-])")
			.matcher(lowerLine)
			.find();
	}

	private static String abridged(String line) {
		return (line.length() > 80) ? line.substring(0, 80) + "…" : line;
	}

}
