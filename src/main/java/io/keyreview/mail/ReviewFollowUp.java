package io.keyreview.mail;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.keyreview.answers.Answer;
import io.keyreview.answers.Answers;
import io.keyreview.review.Addressee;
import io.keyreview.review.Decision;
import io.keyreview.review.ReviewItem;
import io.keyreview.run.Cycle;
import io.keyreview.worklist.ReviewSettings;
import io.keyreview.worklist.WorklistItems;
import io.keyreview.worklist.WorklistItems.AddresseeItems;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Follows up the open monthly and quarterly cycles each night, for the items nobody has
 * answered: before the due date, a reminder at each point of
 * {@code keyreview.review.remind-before} (the latest one reached); past it, an escalation
 * to the addressee's manager (from HR) with the security owner in Cc, or to the security
 * owner alone (none when that is the addressee); once the item closed
 * ({@code default-after} past due), the default of {@code on-no-answer}, recorded as
 * answered by {@code no-answer-default}. Every message has a Message-ID of its own point,
 * so a rerun or a later night never sends it twice.
 */
class ReviewFollowUp {

	static final String NO_ANSWER_DEFAULT = "no-answer-default";

	private final JdbcTemplate jdbc;

	private final WorklistItems worklist;

	private final Outbox outbox;

	private final DigestComposer composer;

	private final Answers answers;

	private final ReviewSettings settings;

	private final Clock clock;

	ReviewFollowUp(JdbcTemplate jdbc, WorklistItems worklist, Outbox outbox, DigestComposer composer, Answers answers,
			ReviewSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.worklist = worklist;
		this.outbox = outbox;
		this.composer = composer;
		this.answers = answers;
		this.settings = settings;
		this.clock = clock;
	}

	/** What one night's follow-up added: messages new to the outbox, answers recorded. */
	record Done(int reminders, int escalations, int defaults) {

	}

	Done followUp(LocalDate today) {
		int[] done = new int[3];
		LocalDate earliestDue = this.settings.followedFrom(today);
		for (Cycle cycle : this.worklist.cyclesDueFrom(earliestDue)) {
			String name = cycle.name();
			Set<String> answered = new HashSet<>(this.jdbc
				.queryForList("SELECT DISTINCT key_id FROM review_answer WHERE cycle = ?", String.class, name));
			List<ReviewItem> toDefault = new ArrayList<>();
			this.worklist.byAddressee(cycle, (page) -> {
				List<OutboxMessage> reminders = new ArrayList<>();
				List<OutboxMessage> escalations = new ArrayList<>();
				for (AddresseeItems digest : page) {
					List<ReviewItem> open = digest.items()
						.stream()
						.filter((item) -> !answered.contains(item.keyId()))
						.toList();
					if (open.isEmpty()) {
						continue;
					}
					AddresseeItems unanswered = new AddresseeItems(digest.addressee(), open);
					LocalDate due = open.get(0).dueDate();
					LocalDate closes = due.plusDays(this.settings.defaultAfter().toDays());
					if (today.isAfter(closes)) {
						toDefault.addAll(open);
					}
					else if (today.isAfter(due)) {
						Addressee escalation = escalationTo(digest.addressee());
						if (!escalation.to().equalsIgnoreCase(digest.addressee().to())) {
							escalations.add(this.composer.escalation(cycle, unanswered, escalation, due, closes));
						}
					}
					else {
						Long daysBefore = ReviewSettings.latestPointReached(this.settings.remindBefore(), due, today);
						if (daysBefore != null) {
							reminders.add(this.composer.reminder(cycle, unanswered, daysBefore, due));
						}
					}
				}
				done[0] += this.outbox.addNew(reminders, today);
				done[1] += this.outbox.addNew(escalations, today);
			});
			done[2] += recordDefaults(cycle, toDefault, today);
		}
		return new Done(done[0], done[1], done[2]);
	}

	/** The addressee's manager with the security owner in Cc, or the security owner. */
	private Addressee escalationTo(Addressee addressee) {
		String security = this.settings.security();
		List<String> managers = this.jdbc.queryForList(
				"SELECT manager_email FROM person WHERE email = ? AND manager_email IS NOT NULL", String.class,
				addressee.to().toLowerCase(Locale.ROOT));
		if (managers.isEmpty() || managers.get(0).equalsIgnoreCase(security)) {
			return new Addressee(security, null, List.of("security owner"));
		}
		return new Addressee(managers.get(0), security, List.of("manager of " + addressee.to()));
	}

	private int recordDefaults(Cycle cycle, List<ReviewItem> items, LocalDate today) {
		if (this.settings.onNoAnswer().equals("none")) {
			return 0;
		}
		List<Answer> defaults = items.stream()
			.sorted(Comparator.comparing(ReviewItem::keyId))
			.map((item) -> new Answer(cycle.name(), item.keyId(), defaultFor(item),
					"no answer by " + item.dueDate().plusDays(this.settings.defaultAfter().toDays()) + ": "
							+ (this.settings.onNoAnswer().equals("proposed") ? "the proposal stands" : "disabled"),
					NO_ANSWER_DEFAULT, this.clock.instant(), "default", "default " + cycle.name() + " " + item.keyId()))
			.toList();
		return this.answers.record(defaults, today);
	}

	private Decision defaultFor(ReviewItem item) {
		return this.settings.onNoAnswer().equals("disable") ? Decision.DISABLE : item.decision();
	}

}
