package io.keyreview.answers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.keyreview.review.Decision;
import io.keyreview.support.Identities;

/**
 * The signature an answer link carries: the first 120 bits of the HMAC-SHA256 of cycle,
 * key id, decision and addressee, base64url, keyed by the answers secret. Only keyreview
 * can make one, and one made for another key, cycle, decision or addressee does not fit.
 */
public final class AnswerToken {

	/** The shortest secret taken: 128 bits. */
	static final int MIN_SECRET_BYTES = 16;

	private static final int TOKEN_BYTES = 15;

	private final SecretKeySpec key;

	private AnswerToken(byte[] secret) {
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	/**
	 * The signer of the configured secret: {@code keyreview.answers.secret}, else the
	 * content of {@code keyreview.answers.secret-file}; empty when neither is set.
	 */
	public static Optional<AnswerToken> of(AnswersSettings settings) {
		String secret = settings.secret();
		if ((secret == null || secret.isBlank()) && settings.secretFile() != null) {
			try {
				secret = Files.readString(settings.secretFile(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("keyreview.answers.secret-file " + settings.secretFile()
						+ " cannot be read: mount the file or unset the setting", ex);
			}
		}
		if (secret == null || secret.isBlank()) {
			return Optional.empty();
		}
		byte[] bytes = secret.strip().getBytes(StandardCharsets.UTF_8);
		if (bytes.length < MIN_SECRET_BYTES) {
			throw new IllegalStateException("The answers secret (KEYREVIEW_ANSWERS_SECRET or keyreview.answers."
					+ "secret-file) is shorter than " + MIN_SECRET_BYTES + " bytes: use 32 random bytes, e.g. the "
					+ "output of `openssl rand -base64 32`");
		}
		return Optional.of(new AnswerToken(bytes));
	}

	public String sign(String cycle, String keyId, Decision decision, String addressee) {
		byte[] mac = mac(cycle, keyId, decision, addressee);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac, TOKEN_BYTES));
	}

	/** Whether the token is the one {@link #sign} makes for the same four values. */
	public boolean verifies(String token, String cycle, String keyId, Decision decision, String addressee) {
		byte[] expected = sign(cycle, keyId, decision, addressee).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.US_ASCII));
	}

	private byte[] mac(String cycle, String keyId, Decision decision, String addressee) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			String normalised = String.valueOf(Identities.normalise(addressee));
			return mac
				.doFinal(String.join("\n", cycle, keyId, decision.code(), normalised).getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	@Override
	public String toString() {
		return "AnswerToken[HmacSHA256, secret not shown]";
	}

}
