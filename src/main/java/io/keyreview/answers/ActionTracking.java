package io.keyreview.answers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.keyreview.review.Decision;
import io.keyreview.support.Identities;
import io.keyreview.support.SqlValues;
import io.keyreview.worklist.ReviewSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tracks what each standing answer asks to be done to closure ({@code review_action}),
 * against tonight's register: {@code disable} is done once the key is disabled, revoked,
 * expired, deleted or gone from its complete inventory; {@code delete} once it is deleted
 * or gone; {@code rotate} once it was rotated after the answer, or replaced (a newer key
 * with the same alias and project) and then disabled; {@code narrow} and {@code reassign}
 * once no finding of the key proposes them any more; {@code keep} at once, and
 * {@code escalate} once the security owner answered it. An action not done by the item's
 * due date plus {@code keyreview.review.action-grace} is overdue.
 */
public class ActionTracking {

	private static final Set<String> DISABLED = Set.of("disabled", "revoked", "expired", "deleted");

	private final JdbcTemplate jdbc;

	private final ReviewSettings settings;

	ActionTracking(JdbcTemplate jdbc, ReviewSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/** An action that became overdue tonight. */
	public record Overdue(String cycle, String keyId, Decision decision, LocalDate due, long daysOpen) {

	}

	/** What tonight's tracking did. */
	public record Tracked(int started, int done, List<Overdue> overdue) {

	}

	public Tracked track(LocalDate today) {
		int started = startActionsOfNewAnswers(today);
		int done = 0;
		for (Action action : this.jdbc.query("""
				SELECT a.cycle, a.key_id, a.decision, a.answered_at, a.action_due, a.status, x.answered_by
				FROM review_action a JOIN review_answer x ON x.answer_id = a.answer_id
				WHERE a.status IN ('open', 'overdue') ORDER BY a.cycle, a.key_id""",
				(rs, row) -> new Action(rs.getString("cycle"), rs.getString("key_id"),
						Decision.of(rs.getString("decision")), SqlValues.instant(rs, "answered_at"),
						rs.getObject("action_due", LocalDate.class), rs.getString("status"),
						rs.getString("answered_by")))) {
			String evidence = evidenceOfDone(action);
			if (evidence != null) {
				this.jdbc.update("""
						UPDATE review_action SET status = 'done', done_on = ?, evidence = ?
						WHERE cycle = ? AND key_id = ?""", today, truncated(evidence), action.cycle(), action.keyId());
				done++;
			}
		}
		List<Overdue> overdue = this.jdbc.query("""
				SELECT cycle, key_id, decision, action_due, answered_at FROM review_action
				WHERE status = 'open' AND action_due < ? ORDER BY cycle, key_id""", (rs, row) -> new Overdue(
				rs.getString("cycle"), rs.getString("key_id"), Decision.of(rs.getString("decision")),
				rs.getObject("action_due", LocalDate.class),
				java.time.temporal.ChronoUnit.DAYS.between(
						SqlValues.instant(rs, "answered_at").atOffset(java.time.ZoneOffset.UTC).toLocalDate(), today)),
				today);
		this.jdbc.update("UPDATE review_action SET status = 'overdue' WHERE status = 'open' AND action_due < ?", today);
		return new Tracked(started, done, overdue);
	}

	/**
	 * An action for each standing answer of a cycle still open or just closed that has
	 * none yet, or whose answer was replaced by a later one before it was done.
	 */
	private int startActionsOfNewAnswers(LocalDate today) {
		LocalDate earliestDue = this.settings.followedFrom(today);
		List<Object[]> standing = this.jdbc.query("""
				SELECT w.cycle, w.key_id, s.decision, s.answer_id, s.answered_at, w.due_date
				FROM worklist_item w
				JOIN review_answer s ON s.answer_id = (SELECT MAX(x.answer_id) FROM review_answer x
				  WHERE x.cycle = w.cycle AND x.key_id = w.key_id)
				LEFT JOIN review_action a ON a.cycle = w.cycle AND a.key_id = w.key_id
				WHERE w.due_date >= ? AND w.cycle NOT LIKE 'events-%'
				  AND (a.answer_id IS NULL OR (a.answer_id <> s.answer_id AND a.status <> 'done'))""",
				(rs, row) -> new Object[] { rs.getString("cycle"), rs.getString("key_id"), rs.getString("decision"),
						rs.getLong("answer_id"), rs.getObject("answered_at"),
						rs.getObject("due_date", LocalDate.class).plusDays(this.settings.actionGrace().toDays()) },
				earliestDue);
		for (Object[] action : standing) {
			this.jdbc.update("DELETE FROM review_action WHERE cycle = ? AND key_id = ?", action[0], action[1]);
		}
		this.jdbc.batchUpdate("""
				INSERT INTO review_action (cycle, key_id, decision, answer_id, answered_at, action_due, status)
				VALUES (?, ?, ?, ?, ?, ?, 'open')""", standing);
		return standing.size();
	}

	private @Nullable String evidenceOfDone(Action action) {
		if (action.decision() == Decision.KEEP) {
			return "kept, as " + action.answeredBy() + " answered";
		}
		if (action.decision() == Decision.ESCALATE) {
			return action.answeredBy().equals(Identities.normalise(this.settings.security()))
					? "escalated and answered by the security owner " + action.answeredBy() : null;
		}
		List<Key> keys = this.jdbc.query(
				"SELECT status, gone_since, last_rotated_at, last_used_at FROM key_register WHERE key_id = ?",
				(rs, row) -> new Key(rs.getString("status"), rs.getObject("gone_since", LocalDate.class),
						SqlValues.instant(rs, "last_rotated_at"), SqlValues.instant(rs, "last_used_at")),
				action.keyId());
		if (keys.isEmpty()) {
			return null;
		}
		Key key = keys.get(0);
		String status = (key.status() != null) ? key.status().toLowerCase(Locale.ROOT) : "";
		return switch (action.decision()) {
			case DISABLE -> (key.goneSince() != null) ? "gone from its inventory since " + key.goneSince()
					: DISABLED.contains(status) ? "status " + status : null;
			case DELETE -> (key.goneSince() != null) ? "gone from its inventory since " + key.goneSince()
					: status.equals("deleted") ? "status deleted" : null;
			case ROTATE -> (key.lastRotatedAt() != null && key.lastRotatedAt().isAfter(action.answeredAt()))
					? "rotated at " + key.lastRotatedAt() : replacedThenDisabled(action.keyId(), key, status);
			case NARROW, REASSIGN ->
				proposesNoMore(action) ? "no finding proposes " + action.decision().code() + " any more" : null;
			default -> null;
		};
	}

	/**
	 * The rotation lane: a replacement key (newer, same alias and project, in use),
	 * followed by the old key's disable. The evidence names the replacement, the old
	 * key's last use after the cutover (the replacement's first night), and the nights
	 * the old key was disabled and deleted.
	 */
	private @Nullable String replacedThenDisabled(String keyId, Key key, String status) {
		if (key.goneSince() == null && !DISABLED.contains(status)) {
			return null;
		}
		List<Replacement> replacements = this.jdbc.query("""
				SELECT n.key_id, n.first_seen FROM key_register o JOIN key_register n
				  ON n.alias = o.alias AND COALESCE(n.project, '') = COALESCE(o.project, '') AND n.key_id <> o.key_id
				WHERE o.key_id = ? AND n.first_seen > o.first_seen AND n.gone_since IS NULL
				  AND (n.status IS NULL OR LOWER(n.status) NOT IN ('disabled', 'revoked', 'expired', 'deleted'))
				ORDER BY n.first_seen, n.key_id""",
				(rs, row) -> new Replacement(rs.getString("key_id"), rs.getObject("first_seen", LocalDate.class)),
				keyId);
		if (replacements.isEmpty()) {
			return null;
		}
		Replacement replacement = replacements.get(0);
		LocalDate disabled = firstNightWith(keyId, "'disabled', 'revoked', 'expired', 'deleted'", key.goneSince());
		LocalDate deleted = firstNightWith(keyId, "'deleted'", key.goneSince());
		Instant cutover = replacement.firstSeen().atStartOfDay(ZoneOffset.UTC).toInstant();
		String lastUse = (key.lastUsedAt() != null && !key.lastUsedAt().isBefore(cutover))
				? "last used " + key.lastUsedAt() + ", after the cutover" : "not used after the cutover";
		return "replaced by " + replacement.keyId() + " (first seen " + replacement.firstSeen() + "); the old key "
				+ lastUse + "; disabled " + disabled + "; "
				+ ((deleted != null) ? "deleted " + deleted : "not deleted yet");
	}

	/**
	 * The first night the change log saw the key take one of the statuses, else the night
	 * it was gone from its inventory.
	 */
	private @Nullable LocalDate firstNightWith(String keyId, String statuses, @Nullable LocalDate goneSince) {
		LocalDate night = this.jdbc.queryForObject(
				"SELECT MIN(run_date) FROM key_change WHERE key_id = ?"
						+ " AND event IN ('created', 'status_changed') AND LOWER(new_value) IN (" + statuses + ")",
				LocalDate.class, keyId);
		return (night != null) ? night : goneSince;
	}

	private boolean proposesNoMore(Action action) {
		Integer findings = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM key_finding WHERE key_id = ? AND decision = ?", Integer.class, action.keyId(),
				action.decision().code());
		return findings != null && findings == 0;
	}

	private static String truncated(String text) {
		return (text.length() > 500) ? text.substring(0, 500) : text;
	}

	private record Action(String cycle, String keyId, Decision decision, Instant answeredAt, LocalDate due,
			String status, String answeredBy) {

	}

	private record Key(@Nullable String status, @Nullable LocalDate goneSince, @Nullable Instant lastRotatedAt,
			@Nullable Instant lastUsedAt) {

	}

	private record Replacement(String keyId, LocalDate firstSeen) {

	}

}
