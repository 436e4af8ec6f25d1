package io.keyreview.answers;

import java.nio.file.Files;
import java.nio.file.Path;

import io.keyreview.review.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class AnswerTokenTests {

	private static final String SECRET = "test-answers-secret-not-for-production";

	private final AnswerToken token = AnswerToken.of(new AnswersSettings(null, SECRET, null, null)).orElseThrow();

	@Test
	void fitsOnlyTheCycleKeyDecisionAndAddresseeItWasMadeFor() {
		String signed = this.token.sign("2026-11", "alpha-prod", Decision.KEEP, "Ann@Example.com");

		assertThat(signed).matches("[A-Za-z0-9_-]{20}");
		assertThat(this.token.verifies(signed, "2026-11", "alpha-prod", Decision.KEEP, "ann@example.com")).isTrue();
		assertThat(this.token.verifies(signed, "2026-10", "alpha-prod", Decision.KEEP, "ann@example.com")).isFalse();
		assertThat(this.token.verifies(signed, "2026-11", "delta-prod", Decision.KEEP, "ann@example.com")).isFalse();
		assertThat(this.token.verifies(signed, "2026-11", "alpha-prod", Decision.DELETE, "ann@example.com")).isFalse();
		assertThat(this.token.verifies(signed, "2026-11", "alpha-prod", Decision.KEEP, "mallory@example.com"))
			.isFalse();
		assertThat(AnswerToken.of(new AnswersSettings(null, SECRET + "-other", null, null))
			.orElseThrow()
			.verifies(signed, "2026-11", "alpha-prod", Decision.KEEP, "ann@example.com")).as("another secret")
			.isFalse();
	}

	@Test
	void readsTheSecretFromAMountedFileAndNeverShowsIt(@TempDir Path folder) throws Exception {
		Path file = folder.resolve("answers-secret");
		Files.writeString(file, SECRET + "\n");
		AnswersSettings settings = new AnswersSettings("answers@example.com", null, file, null);

		AnswerToken fromFile = AnswerToken.of(settings).orElseThrow();

		assertThat(fromFile.sign("2026-11", "alpha-prod", Decision.KEEP, "ann@example.com"))
			.isEqualTo(this.token.sign("2026-11", "alpha-prod", Decision.KEEP, "ann@example.com"));
		assertThat(fromFile.toString()).doesNotContain(SECRET);
		assertThat(new AnswersSettings(null, SECRET, null, null).toString()).doesNotContain(SECRET);
	}

	@Test
	void aShortSecretOrNoneIsSaidInOneSentence() {
		assertThat(AnswerToken.of(new AnswersSettings(null, null, null, null))).isEmpty();
		assertThatIllegalStateException()
			.isThrownBy(() -> AnswerToken.of(new AnswersSettings(null, "short", null, null)))
			.withMessageStartingWith("The answers secret (KEYREVIEW_ANSWERS_SECRET or keyreview.answers.secret-file) "
					+ "is shorter than 16 bytes");
	}

}
