package io.keyreview.secrets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.keyreview.secrets.SecretRule.Allowlist;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.toml.TomlMapper;

/**
 * The secret rules, in gitleaks' rule format: provider credentials by their documented
 * token formats ({@code secrets/providers.toml}) and keyreview's own
 * ({@code secrets/keyreview.toml}).
 */
final class SecretRules {

	static final List<String> FILES = List.of("secrets/providers.toml", "secrets/keyreview.toml");

	private SecretRules() {
	}

	static List<SecretRule> load() {
		List<JsonNode> files = FILES.stream().map(SecretRules::read).toList();
		int last = files.size() - 1;
		List<SecretRule> rules = new ArrayList<>();
		for (int i = 0; i < files.size(); i++) {
			List<Allowlist> fileWide = new ArrayList<>(allowlists(files.get(i)));
			if (i != last) {
				fileWide.addAll(allowlists(files.get(last)));
			}
			for (JsonNode rule : files.get(i).path("rules")) {
				rules.add(rule(rule, fileWide));
			}
		}
		return List.copyOf(rules);
	}

	/**
	 * A file's global allow list: for the rules of that file, as in gitleaks, except that
	 * keyreview's (the last file's) is for every rule.
	 */
	private static List<Allowlist> allowlists(JsonNode file) {
		return file.has("allowlist") ? List.of(allowlist(file.get("allowlist"))) : List.of();
	}

	private static SecretRule rule(JsonNode rule, List<Allowlist> fileWide) {
		String id = rule.get("id").asString();
		List<Allowlist> allowlists = new ArrayList<>(fileWide);
		rule.path("allowlists").forEach((allowlist) -> allowlists.add(allowlist(allowlist)));
		try {
			String regex = rule.get("regex").asString();
			List<String> keywords = strings(rule.path("keywords")).stream()
				.map((keyword) -> keyword.toLowerCase(Locale.ROOT))
				.toList();
			for (String keyword : keywords) {
				if (!keyword.chars().allMatch((c) -> c < 128)) {
					throw new IllegalArgumentException("keyword '" + keyword + "' is not ASCII");
				}
			}
			return new SecretRule(id, Pattern.compile(regex), keywords, rule.path("entropy").asDouble(0),
					List.copyOf(allowlists), startsWithKeyword(regex, keywords),
					keywords.isEmpty() ? TokenRun.of(regex) : null);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Secret rule " + id + " is not valid: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Whether the regex, past flags, word boundaries and opening groups, starts with one
	 * of the keywords (as in {@code \\b(ghp_...}, {@code (?i)(?:access|auth|...)}).
	 */
	static boolean startsWithKeyword(String regex, List<String> keywords) {
		String start = regex.replaceFirst("^(?:\\(\\?[a-z-]*[:)]|\\\\b|\\()*", "")
			.replace("\\", "")
			.toLowerCase(Locale.ROOT);
		return keywords.stream().anyMatch(start::startsWith);
	}

	private static Allowlist allowlist(JsonNode allowlist) {
		return new Allowlist(strings(allowlist.path("regexes")).stream().map(Pattern::compile).toList(),
				"match".equals(allowlist.path("regexTarget").asString("secret")),
				strings(allowlist.path("stopwords")).stream().map((word) -> word.toLowerCase(Locale.ROOT)).toList());
	}

	private static List<String> strings(JsonNode array) {
		List<String> strings = new ArrayList<>();
		array.forEach((item) -> strings.add(item.asString()));
		return strings;
	}

	private static JsonNode read(String file) {
		try (InputStream in = SecretRules.class.getClassLoader().getResourceAsStream(file)) {
			if (in == null) {
				throw new IllegalStateException(file + " is missing from the class path");
			}
			return new TomlMapper().readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
	}

}
