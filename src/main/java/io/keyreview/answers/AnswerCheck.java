package io.keyreview.answers;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.keyreview.review.Decision;
import io.keyreview.run.Cycle;
import io.keyreview.support.Identities;
import io.keyreview.worklist.ReviewSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether an answer may be recorded: the item exists and is still open, the answerer is
 * one of its addressees (To or Cc), the key's backup owner, the security owner or a
 * delegate of one of them, and a reason comes with an answer that differs from the
 * proposal or keeps a key a serious finding is about.
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
			return answeredBy + " is neither an addressee of " + keyId + " in " + cycle
					+ ", its backup owner, the security owner nor a delegate of one of them";
		}
		String notable = notable(item, decision);
		if ((reason == null || reason.isBlank()) && notable != null) {
			return "an answer " + notable + " needs a reason";
		}
		return null;
	}

	/**
	 * Whether answers to a monthly or quarterly cycle wait: its work list is not built
	 * yet, and an item of it could still be open on {@code today} (the cycle's last day
	 * plus {@code due-in} plus {@code default-after} has not passed). Answers dropped
	 * before the monthly runs are read again each night until it has.
	 */
	public boolean awaitsItsWorklist(String cycleName, LocalDate today) {
		Cycle cycle;
		try {
			cycle = Cycle.period(cycleName);
		}
		catch (RuntimeException notAPeriod) {
			return false;
		}
		LocalDate closes = cycle.lastDay()
			.plusDays(this.settings.dueIn().toDays() + this.settings.defaultAfter().toDays());
		return !today.isAfter(closes) && this.jdbc
			.queryForList("SELECT key_id FROM worklist_item WHERE cycle = ? LIMIT 1", String.class, cycle.name())
			.isEmpty();
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
	 * The addressees, the security owner, the key's backup owner, a delegate of any of
	 * them ({@code owners.yaml}), and past the due date (when the item escalates) the
	 * addressees' managers.
	 */
	private boolean mayAnswer(String cycle, String keyId, String answeredBy, boolean escalated) {
		String answerer = Identities.normalise(answeredBy);
		if (answerer == null) {
			return false;
		}
		List<String> addressees = addressees(cycle, keyId);
		Set<String> principals = new HashSet<>(addressees);
		principals.addAll(backupOwner(keyId));
		principals.add(Identities.normalise(this.settings.security()));
		if (principals.contains(answerer) || principals.stream().anyMatch(delegatedBy(answerer)::contains)) {
			return true;
		}
		return escalated
				&& this.jdbc.queryForList("SELECT email FROM person WHERE manager_email = ?", String.class, answerer)
					.stream()
					.map(Identities::normalise)
					.anyMatch(addressees::contains);
	}

	/**
	 * The addressees of an item whose answer links {@code sender} may send: their own,
	 * those of the people they are a delegate of, and all of them for the key's backup
	 * owner or the security owner (a digest forwarded to them).
	 */
	public List<String> linksUsableBy(String cycle, String keyId, String sender) {
		String answerer = Identities.normalise(sender);
		List<String> addressees = addressees(cycle, keyId);
		if (answerer == null) {
			return List.of();
		}
		if (backupOwner(keyId).contains(answerer) || answerer.equals(Identities.normalise(this.settings.security()))) {
			return addressees;
		}
		List<String> delegators = delegatedBy(answerer);
		return addressees.stream()
			.filter((addressee) -> addressee.equals(answerer) || delegators.contains(addressee))
			.toList();
	}

	/**
	 * The keys of a cycle's work list addressed to {@code addressee} (To or Cc), each
	 * with its alias (or null), in key order: what a digest to them listed.
	 */
	public Map<String, @Nullable String> itemsAddressedTo(String cycle, String addressee) {
		Map<String, @Nullable String> items = new LinkedHashMap<>();
		this.jdbc.query("""
				SELECT DISTINCT i.key_id, i.alias FROM worklist_recipient r
				JOIN worklist_item i ON i.cycle = r.cycle AND i.key_id = r.key_id
				WHERE r.cycle = ? AND (r.recipient = ? OR r.cc = ?) ORDER BY i.key_id""", (rs) -> {
			items.put(rs.getString("key_id"), rs.getString("alias"));
		}, cycle, addressee, addressee);
		return items;
	}

	/** The To and Cc of an item's recipients, normalised. */
	private List<String> addressees(String cycle, String keyId) {
		return this.jdbc
			.query("SELECT recipient, cc FROM worklist_recipient WHERE cycle = ? AND key_id = ?",
					(rs, row) -> Arrays.asList(rs.getString("recipient"), rs.getString("cc")), cycle, keyId)
			.stream()
			.flatMap(List::stream)
			.map(Identities::normalise)
			.filter(Objects::nonNull)
			.distinct()
			.toList();
	}

	/**
	 * The backup owner of the key's latest policy as it may answer: the person, or a
	 * group's accountable person and mailbox.
	 */
	private List<String> backupOwner(String keyId) {
		return this.jdbc
			.query("""
					SELECT p.backup_owner, g.accountable, g.mailbox FROM key_policy p
					LEFT JOIN owner_group g ON g.name = p.backup_owner
					WHERE p.key_id = ? AND p.backup_owner IS NOT NULL""",
					(rs, row) -> (rs.getString("accountable") != null || rs.getString("mailbox") != null)
							? Arrays.asList(rs.getString("accountable"), rs.getString("mailbox"))
							: List.of(rs.getString("backup_owner")),
					keyId)
			.stream()
			.flatMap(List::stream)
			.map(Identities::normalise)
			.filter(Objects::nonNull)
			.toList();
	}

	/** Whom {@code delegate} may answer for ({@code owners.yaml}'s delegates). */
	private List<String> delegatedBy(String delegate) {
		return this.jdbc.queryForList("SELECT principal FROM owner_delegate WHERE delegate = ?", String.class,
				delegate);
	}

	private record Item(Decision proposal, @Nullable String findings, LocalDate dueDate) {

		boolean isSerious() {
			return this.findings != null && List.of(this.findings.split(";")).stream().anyMatch(SERIOUS::contains);
		}

	}

}
