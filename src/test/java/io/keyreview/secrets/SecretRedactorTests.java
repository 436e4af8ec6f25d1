package io.keyreview.secrets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.keyreview.secrets.SecretRedactor.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SecretRedactorTests {

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("truePositives")
	void findsEachSecretOfTheCorpusWithItsRule(String ruleId, String text) {
		List<Secret> secrets = SecretRedactor.find(text);

		assertThat(secrets).extracting(Secret::ruleId).contains(ruleId);
		String redacted = SecretRedactor.redact(text);
		for (Secret secret : secrets) {
			assertThat(redacted).contains(SecretRedactor.fingerprint(secret.value()));
			if (secret.value().length() > 3) {
				assertThat(redacted).doesNotContain(secret.value());
			}
		}
		assertThat(SecretRedactor.redact(redacted)).as("redacting twice changes nothing").isEqualTo(redacted);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("falsePositives")
	void leavesEachIdentifierOfTheCorpusAlone(String resembledRuleId, String text) {
		assertThat(SecretRedactor.find(text)).isEmpty();
		assertThat(SecretRedactor.redact(text)).isEqualTo(text);
	}

	@Test
	void loadsEveryRuleOfBothRuleFilesAndTheCorpusCoversEachOne() {
		List<SecretRule> rules = SecretRedactor.rules();
		Set<String> ids = rules.stream().map(SecretRule::id).collect(Collectors.toSet());

		assertThat(ids).hasSize(rules.size())
			.contains("github-pat", "gitlab-pat", "jwt", "generic-api-key", "keyreview-url-password",
					"keyreview-high-entropy-token");
		assertThat(truePositives().map((line) -> (String) line.get()[0])).containsAll(ids);
	}

	@Test
	void redactsAWholeJsonWebTokenAsOneSecret() {
		String jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJmYWtlLXRlc3QtdXNlciJ9.FAKEsignatureFAKEsignature0123456789";

		assertThat(SecretRedactor.redact("Authorization: " + jwt))
			.isEqualTo("Authorization: " + SecretRedactor.fingerprint(jwt));
	}

	@Test
	void replacesOnlyTheSecretOfAPair() {
		assertThat(SecretRedactor.redact("postgres://user:pass@db.example.com/keyreview"))
			.isEqualTo("postgres://user:" + SecretRedactor.fingerprint("pass") + "@db.example.com/keyreview");
		assertThat(SecretRedactor.redact("password=hunter2 token: FAKEtoken0123456789abcXYZ"))
			.isEqualTo("password=" + SecretRedactor.fingerprint("hunter2") + " token: "
					+ SecretRedactor.fingerprint("FAKEtoken0123456789abcXYZ"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Authorization: Bearer testFAKEtoken0123456789abcdef", "bearer testFAKEtoken.0123456789" })
	void keepsTheWordBearerAndRedactsTheToken(String header) {
		String redacted = SecretRedactor.redact(header);

		assertThat(redacted).doesNotContain("testFAKEtoken").matches("(?i).*bearer sha256:[0-9a-f]{12}");
	}

	@Test
	void leavesABearerTokenOnTheNextLineAlone() {
		String text = "Bearer\ntestFAKEtoken0123456789abcdefXY";

		assertThat(SecretRedactor.redact(text)).isEqualTo(text);
	}

	@Test
	void givesTheSameSecretTheSameFingerprint() {
		String secret = "sk-proj-testFAKE0000000000000000000000abc";

		assertThat(SecretRedactor.fingerprint(secret)).isEqualTo(SecretRedactor.fingerprint(secret))
			.matches("sha256:[0-9a-f]{12}")
			.isNotEqualTo(SecretRedactor.fingerprint(secret + "x"));
		assertThat(SecretRedactor.fingerprintsIn(SecretRedactor.redact("found " + secret + " in a cell")))
			.containsExactly(SecretRedactor.fingerprint(secret));
	}

	static Stream<Arguments> truePositives() {
		return corpus("secrets/true-positives.txt");
	}

	static Stream<Arguments> falsePositives() {
		return corpus("secrets/false-positives.txt");
	}

	/** Lines of rule id, tab, text; # starts a comment. */
	private static Stream<Arguments> corpus(String resource) {
		try (InputStream in = SecretRedactorTests.class.getClassLoader().getResourceAsStream(resource)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> !line.isBlank() && !line.startsWith("#"))
				.map((line) -> line.split("\t", 2))
				.map((fields) -> Arguments.of(fields[0], fields[1]))
				.toList()
				.stream();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
