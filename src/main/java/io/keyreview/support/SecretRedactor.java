package io.keyreview.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces anything that looks like a credential with its fingerprint ({@code sha256:}
 * and the first 12 hex characters of the SHA-256 of the secret), so the same secret
 * always gets the same fingerprint.
 */
public final class SecretRedactor {

	private static final Pattern SECRET = Pattern
		.compile("(?<vendor>\\bsk-[A-Za-z0-9_-]{16,}|\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b)"
				+ "|(?i:\\bbearer[ \\t]+)(?<bearer>[A-Za-z0-9._~+/-]{16,}=*)"
				+ "|(?<![A-Za-z0-9_+/=-])(?<token>[A-Za-z0-9_+/=-]{32,})");

	private static final Pattern FINGERPRINT = Pattern.compile("sha256:[0-9a-f]{12}\\b");

	private static final double MIN_TOKEN_ENTROPY_BITS = 4.0;

	private SecretRedactor() {
	}

	public static String redact(String text) {
		if (text.length() < 16) {
			return text;
		}
		Matcher matcher = SECRET.matcher(text);
		StringBuilder redacted = new StringBuilder(text.length());
		while (matcher.find()) {
			String replacement = replacement(matcher);
			matcher.appendReplacement(redacted, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(redacted);
		return redacted.toString();
	}

	public static boolean containsSecret(String text) {
		return !redact(text).equals(text);
	}

	/** The fingerprints that redaction left in the text, in order of appearance. */
	public static List<String> fingerprintsIn(String text) {
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

	private static String replacement(Matcher matcher) {
		if (matcher.group("vendor") != null) {
			return fingerprint(matcher.group("vendor"));
		}
		if (matcher.group("bearer") != null) {
			String token = matcher.group("bearer");
			String whole = matcher.group();
			return whole.substring(0, whole.length() - token.length()) + fingerprint(token);
		}
		String token = matcher.group("token");
		return looksRandom(token) ? fingerprint(token) : token;
	}

	private static boolean looksRandom(String token) {
		boolean upper = token.chars().anyMatch(Character::isUpperCase);
		boolean lower = token.chars().anyMatch(Character::isLowerCase);
		boolean digit = token.chars().anyMatch(Character::isDigit);
		return upper && lower && digit && entropyBitsPerChar(token) >= MIN_TOKEN_ENTROPY_BITS;
	}

	private static double entropyBitsPerChar(String token) {
		int[] counts = new int[128];
		token.chars().forEach((c) -> counts[c & 127]++);
		double entropy = 0;
		for (int count : counts) {
			if (count > 0) {
				double p = (double) count / token.length();
				entropy -= p * Math.log(p) / Math.log(2);
			}
		}
		return entropy;
	}

}
