package io.keyreview.secrets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;

import io.keyreview.secrets.SecretRedactor.Secret;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pre-filters (keywords found in one pass, token runs for the rule without keywords)
 * only spare work: what {@link SecretRedactor#find} finds is what every rule's regex
 * finds when searched through each whole line of the text, with no pre-filter.
 */
class SecretPrefilterTests {

	private static final List<String> KEYWORDS = SecretRedactor.rules()
		.stream()
		.flatMap((rule) -> rule.keywords().stream())
		.distinct()
		.toList();

	@Test
	void findsWhatTheRulesFindWithoutAPrefilterInEachLineOfTheCorpora() {
		List<String> texts = new ArrayList<>();
		texts.addAll(corpus("secrets/true-positives.txt"));
		texts.addAll(corpus("secrets/false-positives.txt"));

		for (String text : texts) {
			assertSameAsWithoutPrefilter(text);
		}
		assertSameAsWithoutPrefilter(String.join("\n", texts));
		assertSameAsWithoutPrefilter(String.join("\r\n", texts) + "\r\n");
		assertSameAsWithoutPrefilter(String.join(",", texts));
	}

	@Test
	void findsWhatTheRulesFindWithoutAPrefilterInGeneratedText() {
		Random random = new Random(20261129);
		List<String> pieces = piecesOfTheCorpora();
		int withSecrets = 0;
		for (int i = 0; i < 8_000; i++) {
			String text = generatedText(random, pieces);
			if (!assertSameAsWithoutPrefilter(text).isEmpty()) {
				withSecrets++;
			}
		}
		assertThat(withSecrets).as("generated texts that hold a secret").isGreaterThan(2_000).isLessThan(7_600);
	}

	@Test
	void aRuleWithoutKeywordsIsTriedOnlyWhereItsTokenRunsStart() {
		List<SecretRule> withoutKeywords = SecretRedactor.rules()
			.stream()
			.filter((rule) -> rule.keywords().isEmpty())
			.toList();

		assertThat(withoutKeywords).extracting(SecretRule::id).containsExactly("keyreview-high-entropy-token");
		assertThat(withoutKeywords).allSatisfy((rule) -> assertThat(rule.tokenRun()).isNotNull());
	}

	@Test
	void findsEveryKeywordWhereASearchForEachOneFindsIt() {
		KeywordSearch search = new KeywordSearch(KEYWORDS);
		Random random = new Random(7);
		List<String> pieces = piecesOfTheCorpora();
		for (int i = 0; i < 2_000; i++) {
			String text = generatedText(random, pieces);
			KeywordSearch.Hits hits = search.search(text);
			String lowerCase = asciiLowerCase(text);
			boolean any = false;
			for (int keyword = 0; keyword < KEYWORDS.size(); keyword++) {
				List<Integer> expected = new ArrayList<>();
				for (int at = lowerCase.indexOf(KEYWORDS.get(keyword)); at >= 0; at = lowerCase
					.indexOf(KEYWORDS.get(keyword), at + 1)) {
					expected.add(at);
				}
				assertThat(hits.of(keyword)).as("%s in %s", KEYWORDS.get(keyword), text)
					.containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
				any |= !expected.isEmpty();
			}
			assertThat(hits.any()).isEqualTo(any);
		}
	}

	private static List<Secret> assertSameAsWithoutPrefilter(String text) {
		List<Secret> found = SecretRedactor.find(text);
		assertThat(found).as("secrets in %s", text).isEqualTo(withoutPrefilter(text));
		return found;
	}

	/**
	 * Every rule searched through each line, from the line break before it (which some
	 * rules match) to the one that ends it.
	 */
	private static List<Secret> withoutPrefilter(String text) {
		List<Secret> found = new ArrayList<>();
		for (SecretRule rule : SecretRedactor.rules()) {
			int lineStart = 0;
			while (lineStart < text.length()) {
				int lineBreak = text.indexOf('\n', lineStart);
				int lineEnd = (lineBreak < 0) ? text.length() : lineBreak + 1;
				Matcher matcher = rule.regex().matcher(text).region(Math.max(lineStart - 1, 0), lineEnd);
				matcher.useTransparentBounds(true).useAnchoringBounds(false);
				while (matcher.find()) {
					String secret = rule.secretIn(matcher);
					if (secret != null) {
						int group = SecretRule.secretGroup(matcher);
						Secret candidate = new Secret(rule.id(), matcher.start(group), matcher.end(group), secret);
						if (!found.contains(candidate)) {
							found.add(candidate);
						}
					}
				}
				lineStart = lineEnd;
			}
		}
		return SecretRedactor.resolved(found);
	}

	/**
	 * One to four lines of pieces: keywords in any case, separators, random tokens, parts
	 * of the corpora's texts, fingerprints and characters that are not ASCII.
	 */
	private static String generatedText(Random random, List<String> pieces) {
		StringBuilder text = new StringBuilder();
		int count = 1 + random.nextInt(24);
		for (int i = 0; i < count; i++) {
			switch (random.nextInt(8)) {
				case 0 -> text.append(anyCase(random, KEYWORDS.get(random.nextInt(KEYWORDS.size()))));
				case 1 -> text.append(oneOf(random, "=", ": ", ",", " ", "\t", "\"", "'", "://", "@", "/", "-", "_",
						".", "=>", ":=", "==", "\n", "\r\n", ";", "{", "}"));
				case 2 -> text.append(token(random, 1 + random.nextInt(random.nextBoolean() ? 12 : 80)));
				case 3, 4 -> text.append(pieces.get(random.nextInt(pieces.size())));
				case 5 -> text.append(SecretRedactor.fingerprint(token(random, 8)));
				case 6 ->
					text.append(oneOf(random, "\u00e9", "\uFFFD", "\uD83D\uDD11", "\u212A", "\u00A0", "\u2026", "..."));
				default -> text.append(oneOf(random, "Bearer ", "password=", "postgres://user:", "sk-", "sk-proj-",
						"-----BEGIN PRIVATE KEY-----", "-----END PRIVATE KEY-----", "eyJ", "hooks.slack.com/services/",
						"T3BlbkFJ", "apikey_01", "okta_token: 00", "xoxb-12345678-12345678-", "glpat-"));
			}
		}
		return text.toString();
	}

	private static String token(Random random, int length) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-+/=.~";
		StringBuilder token = new StringBuilder();
		for (int i = 0; i < length; i++) {
			token.append(alphabet.charAt(random.nextInt(random.nextInt(8) == 0 ? alphabet.length() : 62)));
		}
		return token.toString();
	}

	private static String anyCase(Random random, String keyword) {
		return switch (random.nextInt(3)) {
			case 0 -> keyword;
			case 1 -> keyword.toUpperCase(Locale.ROOT);
			default -> {
				StringBuilder mixed = new StringBuilder();
				keyword.chars()
					.forEach((c) -> mixed.append(random.nextBoolean() ? Character.toUpperCase((char) c) : (char) c));
				yield mixed.toString();
			}
		};
	}

	private static String oneOf(Random random, String... choices) {
		return choices[random.nextInt(choices.length)];
	}

	/** The corpora's texts, whole and cut at random places into halves. */
	private static List<String> piecesOfTheCorpora() {
		Random random = new Random(1);
		List<String> pieces = new ArrayList<>();
		for (String text : corpus("secrets/true-positives.txt")) {
			pieces.add(text);
			int cut = random.nextInt(text.length());
			pieces.add(text.substring(0, cut));
			pieces.add(text.substring(cut));
		}
		pieces.addAll(corpus("secrets/false-positives.txt"));
		return pieces;
	}

	private static String asciiLowerCase(String text) {
		StringBuilder lowerCase = new StringBuilder(text.length());
		text.chars().forEach((c) -> lowerCase.append((char) ((c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c)));
		return lowerCase.toString();
	}

	/** The texts of a corpus: lines of rule id, tab, text; # starts a comment. */
	private static List<String> corpus(String resource) {
		try (InputStream in = SecretPrefilterTests.class.getClassLoader().getResourceAsStream(resource)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> !line.isBlank() && !line.startsWith("#"))
				.map((line) -> line.split("\t", 2)[1])
				.toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
