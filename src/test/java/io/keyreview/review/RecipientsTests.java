package io.keyreview.review;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Who is mailed about a key, and what is left out. */
@ExtendWith(OutputCaptureExtension.class)
class RecipientsTests {

	private final Keys key = new Keys();

	@Test
	void anAddressLeftOutOfTheRecipientsIsLoggedNotDroppedSilently(CapturedOutput output) {
		Recipients recipients = new Recipients("[REDACTED secret]@example");

		List<Addressee> addressees = recipients.of(this.key.build(), List.of(), this.key.context(), true);

		assertThat(addressees).extracting(Addressee::to).containsExactly("ann@example.com", "carl@example.com");
		assertThat(output).contains("'[REDACTED secret]@example' (escalation: no security owner) is not an e-mail "
				+ "address; it is left out of the recipients");
	}

}
