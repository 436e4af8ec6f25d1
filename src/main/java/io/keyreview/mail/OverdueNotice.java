package io.keyreview.mail;

import io.keyreview.answers.ActionTracking.Overdue;

/** The security owner's notice of an action not done in time: once per item. */
final class OverdueNotice {

	private OverdueNotice() {
	}

	static OutboxMessage of(Overdue overdue, String security, String domain) {
		String what = overdue.decision().code() + " for " + overdue.keyId() + ", " + overdue.cycle();
		String subject = "[keyreview] overdue: " + what;
		String text = "The action answered for " + overdue.keyId() + " in " + overdue.cycle() + " ("
				+ overdue.decision().code() + ") was due by " + overdue.due() + " and is not done after "
				+ overdue.daysOpen() + " day(s) since the answer: the inventories do not show it yet.\n\n"
				+ "keyreview closes it the night they do.\n\n-- keyreview, the AI API access review\n";
		return OutboxMessage.notice(OutboxMessage.messageId(overdue.cycle() + ".overdue", overdue.keyId(), domain),
				overdue.cycle(), security, subject, text);
	}

}
