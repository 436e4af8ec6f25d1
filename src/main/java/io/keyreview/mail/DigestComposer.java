package io.keyreview.mail;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.keyreview.answers.AnswerLinks;
import io.keyreview.review.Addressee;
import io.keyreview.review.Decision;
import io.keyreview.review.ReviewItem;
import io.keyreview.support.Money;
import io.keyreview.secrets.SecretRedactor;
import io.keyreview.run.Cycle;
import io.keyreview.worklist.WorklistItems.AddresseeItems;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ClassPathResource;

/**
 * Turns one addressee's part of a cycle's work list into their digest (to a person, or a
 * group's accountable person with the group mailbox in Cc), listing only that addressee's
 * keys. Text and HTML come from the Mustache templates under {@code mail/}; the HTML
 * escapes every value.
 */
class DigestComposer {

	private final Template text;

	private final Template html;

	private final MailSettings settings;

	private final AnswerLinks answerLinks;

	DigestComposer(MailSettings settings, AnswerLinks answerLinks) {
		this.settings = settings;
		this.answerLinks = answerLinks;
		this.text = template(Mustache.compiler().escapeHTML(false), "mail/digest.txt.mustache");
		this.html = template(Mustache.compiler(), "mail/digest.html.mustache");
	}

	OutboxMessage compose(Cycle cycle, AddresseeItems digest) {
		return compose(cycle, digest, null);
	}

	/** A cycle's digest, opening with a note first when there is one. */
	OutboxMessage compose(Cycle cycle, AddresseeItems digest, @Nullable String note) {
		String intro = (note != null) ? note + "\n\n" + intro(cycle) : intro(cycle);
		return compose(cycle, digest, "", title(cycle), intro, digest.addressee());
	}

	/**
	 * A reminder, {@code daysBefore} the due date, of the items the addressee has not
	 * answered: one per point, by its Message-ID.
	 */
	OutboxMessage reminder(Cycle cycle, AddresseeItems unanswered, long daysBefore, LocalDate due) {
		return compose(cycle, unanswered, ".reminder-" + daysBefore + "d", "Reminder: " + title(cycle) + ", due " + due,
				"You have not answered for these keys yet; the decisions are due on " + due + ".",
				unanswered.addressee());
	}

	/**
	 * The items an addressee left unanswered past their due date, to their manager (or
	 * the security owner) with the security owner in Cc: once, by its Message-ID.
	 */
	OutboxMessage escalation(Cycle cycle, AddresseeItems unanswered, Addressee to, LocalDate due, LocalDate closes) {
		return compose(cycle, unanswered, ".escalation",
				"Overdue: " + title(cycle) + " of " + unanswered.addressee().to(),
				unanswered.addressee().to() + " has not answered for these keys, due on " + due
						+ ". Please decide, or see that they do; the item closes on " + closes + ".",
				to);
	}

	private OutboxMessage compose(Cycle cycle, AddresseeItems digest, String occasion, String title, String intro,
			Addressee to) {
		List<Map<String, Object>> keys = new ArrayList<>();
		for (ReviewItem item : digest.items()) {
			Map<String, Object> key = keyModel(item, digest.rolesIn(item));
			List<AnswerLinks.Link> links = this.answerLinks.of(cycle.name(), item.keyId(), to.to());
			key.put("answerLinks", links);
			key.put("answerable", !links.isEmpty());
			keys.add(key);
		}
		String subject = "[keyreview] " + title + ": " + summary(keys);
		Map<String, Object> model = Map.of("title", title, "intro", intro, "recipient", to.to(), "cc",
				Objects.toString(to.cc(), ""), "summary", summary(keys), "keys", keys, "answersByMail",
				this.answerLinks.enabled());
		Addressee addressee = digest.addressee();
		String identity = cycle.name() + "|" + addressee.to() + "|" + Objects.toString(addressee.cc(), "");
		String messageId = OutboxMessage.messageId(cycle.name() + occasion, identity, this.settings.domain());
		return new OutboxMessage(messageId, cycle.name(), to.to(), to.cc(), SecretRedactor.redact(subject),
				SecretRedactor.redact(this.text.execute(model)), SecretRedactor.redact(this.html.execute(model)));
	}

	private static Map<String, Object> keyModel(ReviewItem item, List<String> roles) {
		Map<String, Object> key = new LinkedHashMap<>();
		key.put("keyId", item.keyId());
		key.put("alias", (item.alias() != null) ? item.alias() : item.keyId());
		key.put("aliasDiffers", item.alias() != null && !item.alias().equals(item.keyId()));
		key.put("environment", Objects.toString(item.environment(), "unknown environment"));
		key.put("lastUsed", (item.lastUsedOn() != null) ? item.lastUsedOn().toString() : "never");
		key.put("spend", Money.usd(item.spendUsd()));
		key.put("hasBudget", item.budgetUsd() != null);
		key.put("budget", (item.budgetUsd() != null) ? Money.usd(item.budgetUsd()) : "no monthly budget");
		key.put("decision", item.decision().code());
		key.put("decisionNeeded", item.decision() != Decision.KEEP);
		key.put("dueDate", item.dueDate().toString());
		key.put("roles", String.join(", ", roles));
		key.put("findings",
				item.findings()
					.stream()
					.map((finding) -> Map.of("ruleId", finding.ruleId(), "evidence", finding.evidence()))
					.toList());
		return key;
	}

	/** "3 keys: 1 rotate, 1 narrow, 1 keep", decisions in precedence order. */
	private static String summary(List<Map<String, Object>> keys) {
		Map<Decision, Long> counts = new EnumMap<>(Decision.class);
		keys.forEach((key) -> counts.merge(Decision.of((String) key.get("decision")), 1L, Long::sum));
		return keys.size() + ((keys.size() == 1) ? " key: " : " keys: ")
				+ counts.entrySet()
					.stream()
					.map((count) -> count.getValue() + " " + count.getKey().code())
					.collect(Collectors.joining(", "));
	}

	private static String title(Cycle cycle) {
		return switch (cycle.kind()) {
			case EVENTS -> "Key events of " + cycle.lastDay();
			case MONTHLY -> "Monthly key review " + cycle.name();
			case QUARTERLY -> "Quarterly key review " + cycle.name();
		};
	}

	private static String intro(Cycle cycle) {
		return switch (cycle.kind()) {
			case EVENTS -> "Last night's review found something that should not wait for the next review cycle "
					+ "on the AI API keys below.";
			case MONTHLY -> "These are the production AI API keys you are responsible for, with their use and "
					+ "spend in " + cycle.name() + " and the decision the review proposes for each.";
			case QUARTERLY -> "These are the production and vendor AI API keys you are responsible for: please "
					+ "confirm owner, scope, rotation, offboarding path and exceptions of each.";
		};
	}

	private static Template template(Mustache.Compiler compiler, String path) {
		try (Reader reader = new InputStreamReader(new ClassPathResource(path).getInputStream(),
				StandardCharsets.UTF_8)) {
			return compiler.defaultValue("").compile(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the mail template " + path, ex);
		}
	}

}
