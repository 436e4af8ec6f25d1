package io.keyreview.jobs;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An answers mailbox that does not answer: the night still builds and mails the register,
 * and ends with exit code 4 and one sentence.
 */
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:keyreview;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
				+ "NON_KEYWORDS=VALUE,YEAR,MONTH,DAY;DB_CLOSE_DELAY=-1",
		"keyreview.answers.address=answers@example.com",
		"keyreview.answers.secret=test-answers-secret-not-for-production", "keyreview.answers.mailbox.host=127.0.0.1",
		"keyreview.answers.mailbox.port=1", "keyreview.answers.mailbox.protocol=imap",
		"keyreview.answers.mailbox.username=answers@example.com",
		"keyreview.answers.mailbox.password=test-imap-password-fake" })
@ExtendWith(OutputCaptureExtension.class)
class AnswerMailboxDownTests extends JobTestSupport {

	@Test
	void theNightRunsAndEndsWithExitCode4(CapturedOutput output) throws IOException {
		givenInputs("basic");

		assertThat(nightly(NightlyJobScenarios.NIGHT)).isEqualTo(ExitCode.MAIL_UNDELIVERED);

		assertThat(count("SELECT COUNT(*) FROM key_register")).isEqualTo(5);
		assertThat(OUT.resolve("register/register-2026-11-21.csv")).exists();
		assertThat(output.getOut())
			.contains(
					"readAnswerMail: The answers mailbox imap://answers@example.com@127.0.0.1:1/INBOX cannot be read (")
			.contains("): the answers sent to it wait there for the next night")
			.doesNotContain("test-imap-password-fake");
	}

}
