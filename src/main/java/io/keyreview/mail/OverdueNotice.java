package io.keyreview.mail;

import java.nio.charset.StandardCharsets;

import com.samskivert.mustache.Escapers;
import io.keyreview.answers.ActionTracking.Overdue;

import org.springframework.util.DigestUtils;

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
		String html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"UTF-8\"><title>"
				+ Escapers.HTML.escape(subject) + "</title></head>\n<body><pre>" + Escapers.HTML.escape(text)
				+ "</pre></body>\n</html>\n";
		String messageId = "<keyreview." + overdue.cycle() + ".overdue."
				+ DigestUtils.md5DigestAsHex(overdue.keyId().getBytes(StandardCharsets.UTF_8)) + "@" + domain + ">";
		return new OutboxMessage(messageId, overdue.cycle(), security, null, subject, text, html);
	}

}
