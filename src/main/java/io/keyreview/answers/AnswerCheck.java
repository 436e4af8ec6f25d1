package io.keyreview.answers;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.keyreview.review.Decision;
import io.keyreview.support.Identities;
import io.keyreview.worklist.ReviewSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether an answer may be recorded: the item exists and is still open, the answerer is
 * one of its addressees (To or Cc) or the security owner, and a reason comes with an
 * answer that differs from the proposal or keeps a key a serious finding is about.
 */
public class AnswerCheck {

	/** Findings that a {@code keep} must explain. */
	private static final Set<String> SERIOUS = Set.of("exposure", "owner-left", "vendor-exit");

	private final JdbcTemplate jdbc;

	private final ReviewSettings settings;

	AnswerCheck(JdbcTemplate jdbc, ReviewSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/** Why the answer cannot be recorded on {@code today}, or null when it can. */
	public @Nullable String refusal(String cycle, String keyId, Decision decision, @Nullable String reason,
			String answeredBy, LocalDate today) {
		Item item = item(cycle, keyId);
		if (item == null) {
			return "the work list of " + cycle + " has no key " + keyId;
		}
		LocalDate closed = item.dueDate().plusDays(this.settings.defaultAfter().toDays());
		if (today.isAfter(closed)) {
			return "the item of " + keyId + " in " + cycle + " closed on " + closed
					+ ": answers after it are not recorded";
		}
		if (!mayAnswer(cycle, keyId, answeredBy, today.isAfter(item.dueDate()))) {
			return answeredBy + " is neither an addressee of " + keyId + " in " + cycle + " nor the security owner";
		}
		String notable = notable(item, decision);
		if ((reason == null || reason.isBlank()) && notable != null) {
			return "an answer " + notable + " needs a reason";
		}
		return null;
	}

	/**
	 * Why an answer needs a reason and goes to the security owner too ("other than the
	 * proposed narrow", "keep against a finding of exposure"), or null when it does not.
	 */
	public @Nullable String notable(String cycle, String keyId, Decision decision) {
		Item item = item(cycle, keyId);
		return (item != null) ? notable(item, decision) : null;
	}

	private static @Nullable String notable(Item item, Decision decision) {
		if (decision != item.proposal()) {
			return "other than the proposed " + item.proposal().code();
		}
		if (decision == Decision.KEEP && item.isSerious()) {
			return "that keeps a key with a finding of " + item.findings();
		}
		return null;
	}

	private @Nullable Item item(String cycle, String keyId) {
		return this.jdbc
			.query("SELECT decision, findings, due_date FROM worklist_item WHERE cycle = ? AND key_id = ?",
					(rs, row) -> new Item(Decision.of(rs.getString("decision")), rs.getString("findings"),
							rs.getObject("due_date", LocalDate.class)),
					cycle, keyId)
			.stream()
			.findFirst()
			.orElse(null);
	}

	/**
	 * The addressees, the security owner, and past the due date (when the item escalates)
	 * the addressees' managers.
	 */
	private boolean mayAnswer(String cycle, String keyId, String answeredBy, boolean escalated) {
		String answerer = Identities.normalise(answeredBy);
		if (answerer == null) {
			return false;
		}
		if (answerer.equals(Identities.normalise(this.settings.security()))) {
			return true;
		}
		List<String> addressees = this.jdbc
			.query("SELECT recipient, cc FROM worklist_recipient WHERE cycle = ? AND key_id = ?",
					(rs, row) -> List.of(String.valueOf(rs.getString("recipient")), String.valueOf(rs.getString("cc"))),
					cycle, keyId)
			.stream()
			.flatMap(List::stream)
			.map(Identities::normalise)
			.toList();
		if (addressees.contains(answerer)) {
			return true;
		}
		return escalated
				&& this.jdbc.queryForList("SELECT email FROM person WHERE manager_email = ?", String.class, answerer)
					.stream()
					.map(Identities::normalise)
					.anyMatch(addressees::contains);
	}

	private record Item(Decision proposal, @Nullable String findings, LocalDate dueDate) {

		boolean isSerious() {
			return this.findings != null && List.of(this.findings.split(";")).stream().anyMatch(SERIOUS::contains);
		}

	}

}
