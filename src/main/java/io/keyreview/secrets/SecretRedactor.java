package io.keyreview.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.keyreview.secrets.KeywordSearch.Hits;

/**
 * Replaces every secret that the secret rules ({@link SecretRules}: provider credentials
 * and keyreview's own) find with its fingerprint ({@code sha256:} and the first 12 hex
 * characters of the SHA-256 of the secret), so the same secret always gets the same
 * fingerprint. Only the secret is replaced: {@code password=} and {@code Bearer} stay.
 * <p>
 * A rule with keywords runs only where one of them occurs: a rule whose regex starts with
 * a keyword is tried at each occurrence, any other on the line around it. A rule without
 * keywords runs only where a run of the characters its secret is made of starts
 * ({@link TokenRun}). The keywords are found in one pass, and a text with no keyword and
 * no such run is not searched further. That keeps landing fast: most lines of an input
 * contain neither.
 */
public final class SecretRedactor {

	private static final List<SecretRule> RULES = SecretRules.load();

	private static final List<String> KEYWORDS = RULES.stream()
		.flatMap((rule) -> rule.keywords().stream())
		.distinct()
		.toList();

	private static final KeywordSearch KEYWORD_SEARCH = new KeywordSearch(KEYWORDS);

	private static final Pattern FINGERPRINT = Pattern.compile("sha256:[0-9a-f]{12}\\b");

	/** How far before its keyword a match may start, and after it end. */
	private static final int BEFORE_KEYWORD = 256;

	private static final int AFTER_KEYWORD = 8192;

	private SecretRedactor() {
	}

	/** A secret found: the rule that found it and where it is. */
	public record Secret(String ruleId, int start, int end, String value) {

		int length() {
			return this.end - this.start;
		}

		boolean overlaps(Secret other) {
			return this.start < other.end && other.start < this.end;
		}

	}

	/** A text with its secrets replaced, and how many were. */
	public record Redaction(String text, int secrets) {

	}

	public static String redact(String text) {
		return redaction(text).text();
	}

	public static Redaction redaction(String text) {
		List<Secret> secrets = find(text);
		if (secrets.isEmpty()) {
			return new Redaction(text, 0);
		}
		StringBuilder redacted = new StringBuilder(text.length());
		int done = 0;
		for (Secret secret : secrets) {
			redacted.append(text, done, secret.start()).append(fingerprint(secret.value()));
			done = secret.end();
		}
		return new Redaction(redacted.append(text, done, text.length()).toString(), secrets.size());
	}

	public static boolean containsSecret(String text) {
		return !find(text).isEmpty();
	}

	/**
	 * The secrets in the text, in order and not overlapping: where rules overlap, a
	 * provider's (or keyreview's own) rule wins over {@code generic-api-key}, and that
	 * over the high-entropy token; then the earlier, then the longer secret.
	 */
	public static List<Secret> find(String text) {
		if (text.isEmpty()) {
			return List.of();
		}
		Keywords keywords = new Keywords(text);
		List<Secret> found = new ArrayList<>();
		for (SecretRule rule : RULES) {
			TokenRun run = rule.tokenRun();
			if (run != null) {
				tryAt(rule, text, run.starts(text), (start) -> text.length(), found);
			}
			else if (rule.startsAtKeyword()) {
				tryAt(rule, text, keywords.hits(rule), (start) -> Math.min(lineEnd(text, start), start + AFTER_KEYWORD),
						found);
			}
			else {
				for (int[] region : keywords.regions(rule)) {
					scan(rule, text, region[0], region[1], found);
				}
			}
		}
		return resolved(found);
	}

	/**
	 * The secrets to replace among those the rules found: in order and not overlapping.
	 */
	static List<Secret> resolved(List<Secret> found) {
		found.sort(Comparator.comparingInt((Secret secret) -> generality(secret.ruleId()))
			.thenComparingInt(Secret::start)
			.thenComparing(Comparator.comparingInt(Secret::length).reversed()));
		List<Secret> secrets = new ArrayList<>();
		for (Secret secret : found) {
			if (secrets.stream().noneMatch(secret::overlaps)) {
				secrets.add(secret);
			}
		}
		secrets.sort(Comparator.comparingInt(Secret::start));
		return secrets;
	}

	/** The fingerprints that redaction left in the text, in order of appearance. */
	public static List<String> fingerprintsIn(String text) {
		if (!text.contains("sha256:")) {
			return List.of();
		}
		List<String> fingerprints = new ArrayList<>();
		Matcher matcher = FINGERPRINT.matcher(text);
		while (matcher.find()) {
			fingerprints.add(matcher.group());
		}
		return fingerprints;
	}

	public static String fingerprint(String secret) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
			return "sha256:" + HexFormat.of().formatHex(digest, 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/** The rules, for tests. */
	static List<SecretRule> rules() {
		return RULES;
	}

	private static void scan(SecretRule rule, String text, int from, int to, List<Secret> found) {
		Matcher matcher = rule.regex().matcher(text).region(from, to);
		matcher.useTransparentBounds(true).useAnchoringBounds(false);
		while (matcher.find()) {
			add(rule, matcher, found);
		}
	}

	/**
	 * Tries the rule at each start, as a search of the text would reach it: a start
	 * inside an earlier match is skipped.
	 */
	private static void tryAt(SecretRule rule, String text, int[] starts, IntUnaryOperator regionEnd,
			List<Secret> found) {
		if (starts.length == 0) {
			return;
		}
		Matcher matcher = rule.regex().matcher(text);
		matcher.useTransparentBounds(true).useAnchoringBounds(false);
		int done = 0;
		for (int start : starts) {
			if (start < done) {
				continue;
			}
			matcher.region(start, regionEnd.applyAsInt(start));
			if (matcher.lookingAt()) {
				add(rule, matcher, found);
				done = matcher.end();
			}
		}
	}

	private static void add(SecretRule rule, Matcher matcher, List<Secret> found) {
		String secret = rule.secretIn(matcher);
		if (secret != null) {
			int group = SecretRule.secretGroup(matcher);
			found.add(new Secret(rule.id(), matcher.start(group), matcher.end(group), secret));
		}
	}

	/**
	 * Just past the line break that ends the line at the index, or the end of the text.
	 */
	private static int lineEnd(String text, int index) {
		int lineBreak = text.indexOf('\n', index);
		return (lineBreak < 0) ? text.length() : lineBreak + 1;
	}

	private static int generality(String ruleId) {
		if (ruleId.equals("keyreview-high-entropy-token")) {
			return 2;
		}
		return ruleId.startsWith("generic") ? 1 : 0;
	}

	/**
	 * Where the rules' keywords occur in one text (case-insensitive), found once for all
	 * rules.
	 */
	private static final class Keywords {

		private final String text;

		private final Hits hits;

		Keywords(String text) {
			this.text = text;
			this.hits = KEYWORD_SEARCH.search(text);
		}

		/** Whether any keyword occurs in the text. */
		boolean any() {
			return this.hits.any();
		}

		/**
		 * The parts of the text to scan: all of it for a rule without keywords, else the
		 * line around each keyword (with the line break before it, which some rules
		 * match), at most {@link #BEFORE_KEYWORD} before and {@link #AFTER_KEYWORD} after
		 * the keyword.
		 */
		List<int[]> regions(SecretRule rule) {
			if (rule.keywords().isEmpty()) {
				return List.<int[]>of(new int[] { 0, this.text.length() });
			}
			List<int[]> regions = new ArrayList<>();
			for (int hit : hits(rule)) {
				int lineStart = this.text.lastIndexOf('\n', hit) + 1;
				regions.add(new int[] { Math.max(Math.max(lineStart - 1, 0), hit - BEFORE_KEYWORD),
						Math.min(lineEnd(this.text, hit), hit + AFTER_KEYWORD) });
			}
			return merged(regions);
		}

		/** Where any keyword of the rule occurs, in order. */
		int[] hits(SecretRule rule) {
			if (!this.hits.any() || rule.keywords().isEmpty()) {
				return new int[0];
			}
			if (rule.keywords().size() == 1) {
				return hits(rule.keywords().get(0));
			}
			return rule.keywords()
				.stream()
				.flatMapToInt((keyword) -> Arrays.stream(hits(keyword)))
				.sorted()
				.distinct()
				.toArray();
		}

		private int[] hits(String keyword) {
			return this.hits.of(KEYWORDS.indexOf(keyword));
		}

		private static List<int[]> merged(List<int[]> regions) {
			if (regions.size() < 2) {
				return regions;
			}
			regions.sort(Comparator.comparingInt((int[] region) -> region[0]));
			List<int[]> merged = new ArrayList<>();
			int[] current = regions.get(0);
			for (int[] region : regions.subList(1, regions.size())) {
				if (region[0] <= current[1]) {
					current = new int[] { current[0], Math.max(current[1], region[1]) };
				}
				else {
					merged.add(current);
					current = region;
				}
			}
			merged.add(current);
			return merged;
		}

	}

}
