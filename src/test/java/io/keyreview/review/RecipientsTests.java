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

	@Test
	void theBackupOwnerReceivesTheItemsWhileAnOwnerIsOnLeaveOrGone() {
		Recipients recipients = new Recipients("security@example.com");
		this.key.backupOwner = "bob@example.com";

		assertThat(recipients.of(this.key.build(), List.of(), this.key.context(), false)).extracting(Addressee::to)
			.as("both owners at work")
			.containsExactly("ann@example.com", "carl@example.com");

		this.key.person("carl@example.com", "leave", "employee", null);
		assertThat(recipients.of(this.key.build(), List.of(), this.key.context(), false))
			.extracting((addressee) -> addressee.to() + " " + addressee.roles())
			.containsExactly("ann@example.com [business owner team_a]", "carl@example.com [technical owner]",
					"bob@example.com [backup owner, for carl@example.com (on leave)]");

		this.key.person("carl@example.com", "terminated", "employee", "2026-11-01");
		assertThat(recipients.of(this.key.build(), List.of(), this.key.context(), false)).extracting(Addressee::to)
			.as("gone: the backup owner, and the security owner (HR does not list Carl's manager)")
			.containsExactly("ann@example.com", "bob@example.com", "security@example.com");
	}

}
