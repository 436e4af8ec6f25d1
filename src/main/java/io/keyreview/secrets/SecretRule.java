package io.keyreview.secrets;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One rule of the secret rule files ({@code secrets/*.toml}, gitleaks' format): a regex
 * whose first non-empty group (else the whole match) is the secret, the keywords one of
 * which must occur in the text for the rule to run, the entropy the secret must exceed,
 * and the allow lists that say when a match is no secret. When the regex starts with a
 * keyword, a match can only start where a keyword occurs, and is only tried there; a rule
 * without keywords is tried only where its {@link TokenRun} (when its regex has one)
 * starts.
 */
record SecretRule(String id, Pattern regex, List<String> keywords, double entropy, List<Allowlist> allowlists,
		boolean startsAtKeyword, @Nullable TokenRun tokenRun) {

	/** The secret of a match, or null when the rule's checks say it is none. */
	String secretIn(Matcher match) {
		int group = secretGroup(match);
		String secret = match.group(group);
		// the cheap checks first: a secret must pass all of them
		if (this.entropy > 0) {
			if (entropyBitsPerChar(secret) <= this.entropy) {
				return null;
			}
			// gitleaks: a generic rule's secret must contain a digit
			if (this.id.startsWith("generic") && secret.chars().noneMatch(Character::isDigit)) {
				return null;
			}
		}
		for (Allowlist allowlist : this.allowlists) {
			if (allowlist.allows(secret, match.group())) {
				return null;
			}
		}
		return secret;
	}

	static int secretGroup(Matcher match) {
		for (int group = 1; group <= match.groupCount(); group++) {
			String text = match.group(group);
			if (text != null && !text.isEmpty()) {
				return group;
			}
		}
		return 0;
	}

	static double entropyBitsPerChar(String text) {
		int[] counts = new int[128];
		int other = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 128) {
				counts[c]++;
			}
			else {
				other++;
			}
		}
		double entropy = 0;
		for (int count : counts) {
			entropy -= share(count, text.length());
		}
		return entropy - share(other, text.length());
	}

	private static double share(int count, int length) {
		if (count == 0) {
			return 0;
		}
		double p = (double) count / length;
		return p * Math.log(p) / Math.log(2);
	}

	/**
	 * When a match is no secret: one of the regexes is found in the secret (or in the
	 * whole match, for {@code regexTarget = "match"}), or the secret contains a stop
	 * word.
	 */
	record Allowlist(List<Pattern> regexes, boolean targetsMatch, List<String> stopwords) {

		boolean allows(String secret, String match) {
			String target = this.targetsMatch ? match : secret;
			if (this.regexes.stream().anyMatch((regex) -> regex.matcher(target).find())) {
				return true;
			}
			String lowerCase = secret.toLowerCase(Locale.ROOT);
			return this.stopwords.stream().anyMatch(lowerCase::contains);
		}

	}

}
