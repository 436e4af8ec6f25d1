package io.keyreview.support;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SecretRedactorTests {

	@ParameterizedTest
	@ValueSource(strings = { "sk-proj-testFAKE0000000000000000000000abc", "sk-ant-api03-testFAKE000000000000000000",
			"sk-admin-testFAKE00000000000000000000", "sk-test-FAKE0123456789abcdef", "AKIAFAKE0TEST0000000",
			"ghp_testFAKE0a1B2c3D4e5F6g7H8i9J0kLmNoPq" })
	void replacesACredentialWithItsFingerprint(String secret) {
		String cell = "found " + secret + " in a cell";

		String redacted = SecretRedactor.redact(cell);

		assertThat(redacted).isEqualTo("found " + SecretRedactor.fingerprint(secret) + " in a cell");
		assertThat(SecretRedactor.fingerprintsIn(redacted)).containsExactly(SecretRedactor.fingerprint(secret));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Authorization: Bearer testFAKEtoken0123456789abcdef", "bearer testFAKEtoken.0123456789" })
	void keepsTheWordBearerAndRedactsTheToken(String header) {
		String redacted = SecretRedactor.redact(header);

		assertThat(redacted).doesNotContain("testFAKEtoken").matches("(?i).*bearer sha256:[0-9a-f]{12}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "support-agent-prod-gateway", "vault://kv/ai/support-agent-prod",
			"9b2f6c1e-7d3a-4c55-9e0b-2f1d3c4b5a69", "3f8a2b1c9d0e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a",
			"2026-11-21T03:00:00Z", "claude-3-5-sonnet-20241022;gpt-4o-mini-2024-07-18", "sk-short",
			"model_request;usage_metadata_read", "Bearer\ntestFAKEtoken0123456789abcdefXY" })
	void leavesIdentifiersHashesAndDatesAlone(String value) {
		assertThat(SecretRedactor.redact(value)).isEqualTo(value);
	}

	@ParameterizedTest
	@ValueSource(strings = { "sk-proj-testFAKE0000000000000000000000abc" })
	void givesTheSameSecretTheSameFingerprint(String secret) {
		assertThat(SecretRedactor.fingerprint(secret)).isEqualTo(SecretRedactor.fingerprint(secret))
			.matches("sha256:[0-9a-f]{12}")
			.isNotEqualTo(SecretRedactor.fingerprint(secret + "x"));
	}

}
