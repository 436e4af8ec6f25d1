package io.keyreview.remediation;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.Optional;
import java.util.function.Function;

import io.keyreview.pull.AdminRequest;
import io.keyreview.pull.PullException;
import io.keyreview.pull.Readback;
import io.keyreview.pull.VendorAdmin;
import io.keyreview.pull.VendorAdmins;
import io.keyreview.support.CsvExport;
import io.keyreview.support.Identities;
import io.keyreview.support.Sha256;
import io.keyreview.support.SqlValues;
import io.keyreview.worklist.ReviewSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plans, and when asked carries out, each open action whose standing answer is
 * {@code disable}, {@code delete} or {@code narrow} on a key of a source with an admin
 * API. The plan ({@code <out>/remediation/plan-<date>.csv}) holds back what the guard
 * rails forbid: a decision the source does not allow, a no-answer default unless
 * {@code apply-defaults}, a production key no business or security owner answered for,
 * and the whole night above {@code max-per-night}. Applying reads the key back first (a
 * key already in the target state is done without a request), sends the planned request
 * once, and reads it back again: agreement closes the action with the readback as
 * evidence, anything else leaves it open for the security owner.
 */
public class Remediation {

	private static final String[] PLAN_HEADER = { "cycle", "key_id", "source", "decision", "approved_by", "approved_at",
			"channel", "method", "url", "body", "outcome", "held_because" };

	private final JdbcTemplate jdbc;

	private final VendorAdmins admins;

	private final RemediationSettings settings;

	private final ReviewSettings reviewSettings;

	private final Path folder;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	Remediation(JdbcTemplate jdbc, VendorAdmins admins, RemediationSettings settings, ReviewSettings reviewSettings,
			Path folder, Clock clock, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.admins = admins;
		this.settings = settings;
		this.reviewSettings = reviewSettings;
		this.folder = folder;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** A message to the security owner: its name makes its Message-ID. */
	public record Notice(String name, String subject, String text) {

	}

	/** Tonight's plan: its rows, how many would be sent, and a notice if capped. */
	public record Plan(int rows, int toSend, Optional<Notice> capped) {

	}

	/** What applying did: requests sent, actions closed, and what stayed open. */
	public record Applied(int sent, int done, List<String> notDone) {

		public Optional<Notice> notice(LocalDate today) {
			return this.notDone.isEmpty() ? Optional.empty()
					: Optional.of(new Notice("remediation." + today,
							"[keyreview] remediation: " + this.notDone.size() + " action(s) not done on " + today,
							"These approved decisions were not carried out tonight; their actions stay open:\n\n- "
									+ String.join("\n- ", this.notDone)
									+ "\n\nThe next nightly reads each key back and tries again.\n\n"
									+ "-- keyreview, the AI API access review\n"));
		}

	}

	/**
	 * Each source's admin API for the night, made once per source, so that its client and
	 * its pulled pages serve every key of the source.
	 */
	private Function<String, Optional<VendorAdmin>> adminsOn(LocalDate today) {
		Map<String, Optional<VendorAdmin>> made = new HashMap<>();
		return (source) -> made.computeIfAbsent(source, (name) -> this.admins.of(name, today));
	}

	/** Writes tonight's plan, in the database and as the plan file. */
	public Plan plan(LocalDate today) {
		this.jdbc.update("DELETE FROM remediation_request WHERE run_date = ?", today);
		List<Row> rows = new ArrayList<>();
		Function<String, Optional<VendorAdmin>> admins = adminsOn(today);
		for (Action action : openActions()) {
			VendorAdmin admin = admins.apply(action.source()).orElse(null);
			if (admin != null) {
				rows.add(row(action, admin, today));
			}
		}
		long toSend = rows.stream().filter((row) -> row.heldBecause() == null).count();
		Optional<Notice> capped = Optional.empty();
		if (this.settings.apply() && toSend > this.settings.maxPerNight()) {
			String reason = toSend + " requests tonight, above keyreview.remediation.max-per-night "
					+ this.settings.maxPerNight() + ": nothing is sent";
			rows = rows.stream().map((row) -> (row.heldBecause() == null) ? row.held(reason) : row).toList();
			capped = Optional.of(new Notice("remediation.capped." + today,
					"[keyreview] remediation held: " + toSend + " requests on " + today,
					"Tonight's plan would send " + toSend + " requests, more than keyreview.remediation.max-per-night ("
							+ this.settings.maxPerNight() + "), so none was sent. The plan:\n\n" + planText(rows)
							+ "\nRaise the cap for one night if the plan is right.\n\n"
							+ "-- keyreview, the AI API access review\n"));
		}
		for (Row row : rows) {
			insert(row, today);
		}
		List<Row> planned = rows;
		CsvExport.write(this.folder.resolve("plan-" + today + ".csv"), PLAN_HEADER,
				(csv) -> planned.forEach((row) -> csv.add(row.action().cycle(), row.action().keyId(),
						row.action().source(), row.decision(), row.action().answeredBy(),
						row.action().answeredAt().toString(), row.action().channel(), row.request().method(),
						row.request().url().toString(), row.request().body(), outcome(row), row.heldBecause())));
		return new Plan(rows.size(), (int) (capped.isPresent() ? 0 : toSend), capped);
	}

	/**
	 * Sends tonight's planned requests that are not done yet, each after a readback and
	 * followed by one.
	 */
	public Applied apply(LocalDate today) {
		int sent = 0;
		int done = 0;
		List<String> notDone = new ArrayList<>();
		Function<String, Optional<VendorAdmin>> admins = adminsOn(today);
		for (Planned planned : this.jdbc.query("""
				SELECT q.cycle, q.key_id, q.source, q.decision, q.method, q.url, q.body, q.idempotency_key, q.outcome,
				  r.project, r.policy_model_groups
				FROM remediation_request q JOIN key_register r ON r.key_id = q.key_id
				WHERE q.run_date = ? AND q.outcome IN ('planned', 'sending') ORDER BY q.cycle, q.key_id""",
				(rs, row) -> new Planned(rs.getString("cycle"), rs.getString("key_id"), rs.getString("source"),
						rs.getString("decision"),
						new AdminRequest(rs.getString("method"), java.net.URI.create(rs.getString("url")),
								rs.getString("body")),
						rs.getString("idempotency_key"), rs.getString("project"),
						SqlValues.list(rs, "policy_model_groups")),
				today)) {
			VendorAdmin admin = admins.apply(planned.source()).orElseThrow();
			String project = admin.projectOf(planned.keyId(), planned.project());
			List<String> models = models(planned.modelGroups());
			String what = planned.decision() + " " + planned.keyId() + " (" + planned.cycle() + ", " + admin.source()
					+ ")";
			try {
				Readback before = admin.readback(planned.decision(), planned.keyId(), project, models);
				if (before.done()) {
					close(planned, today, null, before, "already " + before.shows() + ", no request sent");
					done++;
					continue;
				}
				this.ownTransaction.executeWithoutResult((status) -> this.jdbc.update(
						"UPDATE remediation_request SET outcome = 'sending', sent_at = ? "
								+ "WHERE run_date = ? AND cycle = ? AND key_id = ?",
						SqlValues.toColumn(this.clock.instant()), today, planned.cycle(), planned.keyId()));
				int status = admin.send(planned.request(), planned.idempotencyKey());
				sent++;
				String request = planned.request().method() + " " + planned.request().url().getPath() + " answered "
						+ status;
				if (status == 404 && !planned.decision().equals("narrow")) {
					close(planned, today, status, new Readback(true, "HTTP 404: the key is gone"), request);
					done++;
					continue;
				}
				Readback after = (status / 100 == 2)
						? admin.readback(planned.decision(), planned.keyId(), project, models)
						: new Readback(false, "not read back: the request was refused");
				if (after.done()) {
					close(planned, today, status, after, request);
					done++;
				}
				else {
					record(planned, today, status, after, "not-done");
					notDone.add(what + ": " + request + "; readback " + after.shows());
				}
			}
			catch (PullException ex) {
				record(planned, today, null, new Readback(false, ex.getMessage()), "not-done");
				notDone.add(what + ": " + ex.getMessage());
			}
		}
		return new Applied(sent, done, notDone);
	}

	private Row row(Action action, VendorAdmin admin, LocalDate today) {
		String decision = action.decision();
		List<String> models = models(action.modelGroups());
		String project = admin.projectOf(action.keyId(), action.project());
		AdminRequest request = admin.request(decision, action.keyId(), project, models);
		String held = admin.refusal(decision, models);
		String needed = admin.carriedOutAs(decision);
		if (held == null && !admin.allows(needed)) {
			held = "source " + admin.source() + " does not allow " + needed + " (its remediate list)";
		}
		if (held == null && action.channel().equals("default") && !this.settings.applyDefaults()) {
			held = "the no-answer default decided it (keyreview.remediation.apply-defaults=false)";
		}
		if (held == null && "production".equalsIgnoreCase(action.environment()) && !answeredByOwner(action)) {
			held = "a production key needs the answer of its business or security owner, not " + action.answeredBy();
		}
		String idempotency = "keyreview-"
				+ Sha256.hex(today + "|" + action.cycle() + "|" + action.keyId() + "|" + action.answerId())
					.substring(0, 32);
		return new Row(action, needed, request, idempotency, held);
	}

	private String outcome(Row row) {
		return (row.heldBecause() != null) ? "held" : this.settings.apply() ? "planned" : "dry-run";
	}

	private void insert(Row row, LocalDate today) {
		Action action = row.action();
		this.jdbc.update("""
				INSERT INTO remediation_request (run_date, cycle, key_id, answer_id, source, decision, approved_by,
				  approved_at, method, url, body, idempotency_key, held_because, outcome)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", today, action.cycle(), action.keyId(),
				action.answerId(), action.source(), row.decision(), action.answeredBy(),
				SqlValues.toColumn(action.answeredAt()), row.request().method(), row.request().url().toString(),
				row.request().body(), row.idempotencyKey(), row.heldBecause(), outcome(row));
	}

	private void close(Planned planned, LocalDate today, @Nullable Integer status, Readback readback, String request) {
		record(planned, today, status, readback, "done");
		String evidence = planned.decision() + " through " + planned.source() + "'s admin API: " + request
				+ "; readback " + this.clock.instant() + ": " + readback.shows();
		this.jdbc.update("""
				UPDATE review_action SET status = 'done', done_on = ?, evidence = ?
				WHERE cycle = ? AND key_id = ? AND status IN ('open', 'overdue')""", today,
				(evidence.length() > 500) ? evidence.substring(0, 500) : evidence, planned.cycle(), planned.keyId());
	}

	private void record(Planned planned, LocalDate today, @Nullable Integer status, Readback readback, String outcome) {
		String shows = (readback.shows().length() > 500) ? readback.shows().substring(0, 500) : readback.shows();
		this.jdbc.update("""
				UPDATE remediation_request SET outcome = ?, response_status = ?, readback = ?, readback_at = ?
				WHERE run_date = ? AND cycle = ? AND key_id = ?""", outcome, status, shows,
				SqlValues.toColumn(this.clock.instant()), today, planned.cycle(), planned.keyId());
	}

	private List<Action> openActions() {
		return this.jdbc.query("""
				SELECT a.cycle, a.key_id, a.decision, a.answer_id, x.answered_by, x.answered_at, x.channel,
				  r.source, r.project, COALESCE(r.policy_environment, r.environment) AS environment,
				  r.business_owner, r.security_owner, r.policy_model_groups
				FROM review_action a JOIN review_answer x ON x.answer_id = a.answer_id
				JOIN key_register r ON r.key_id = a.key_id
				WHERE a.status IN ('open', 'overdue') AND a.decision IN ('disable', 'delete', 'narrow')
				  AND r.source IS NOT NULL AND r.gone_since IS NULL
				ORDER BY a.cycle, a.key_id""",
				(rs, row) -> new Action(rs.getString("cycle"), rs.getString("key_id"), rs.getString("decision"),
						rs.getLong("answer_id"), rs.getString("answered_by"), SqlValues.instant(rs, "answered_at"),
						rs.getString("channel"), rs.getString("source"), rs.getString("project"),
						rs.getString("environment"), rs.getString("business_owner"), rs.getString("security_owner"),
						SqlValues.list(rs, "policy_model_groups")));
	}

	/**
	 * Whether the answer came from the key's business or security owner (the person, or a
	 * group's accountable person or mailbox) or the security owner of the review.
	 */
	private boolean answeredByOwner(Action action) {
		String answerer = Identities.normalise(action.answeredBy());
		List<String> owners = new ArrayList<>();
		owners.add(Identities.normalise(this.reviewSettings.security()));
		for (String owner : new String[] { action.businessOwner(), action.securityOwner() }) {
			if (owner == null) {
				continue;
			}
			owners.add(Identities.normalise(owner));
			this.jdbc.query("SELECT accountable, mailbox FROM owner_group WHERE name = ?", (rs) -> {
				owners.add(Identities.normalise(rs.getString("accountable")));
				owners.add(Identities.normalise(rs.getString("mailbox")));
			}, owner);
		}
		return answerer != null && owners.contains(answerer);
	}

	/** The models of the policy's allowed model groups, in name order. */
	private List<String> models(List<String> groups) {
		Set<String> models = new TreeSet<>();
		for (String group : groups) {
			models.addAll(this.jdbc.queryForList("SELECT model FROM model_group_member WHERE group_name = ?",
					String.class, group));
		}
		return List.copyOf(models);
	}

	private static String planText(List<Row> rows) {
		StringBuilder text = new StringBuilder();
		rows.forEach((row) -> text.append("- ")
			.append(row.decision())
			.append(' ')
			.append(row.action().keyId())
			.append(" (")
			.append(row.action().source())
			.append("): ")
			.append(row.request().method())
			.append(' ')
			.append(row.request().url())
			.append((row.request().body() != null) ? " " + row.request().body() : "")
			.append('\n'));
		return text.toString();
	}

	private record Action(String cycle, String keyId, String decision, long answerId, String answeredBy,
			Instant answeredAt, String channel, String source, @Nullable String project, @Nullable String environment,
			@Nullable String businessOwner, @Nullable String securityOwner, List<String> modelGroups) {

	}

	private record Row(Action action, String decision, AdminRequest request, String idempotencyKey,
			@Nullable String heldBecause) {

		Row held(String reason) {
			return new Row(this.action, this.decision, this.request, this.idempotencyKey, reason);
		}

	}

	private record Planned(String cycle, String keyId, String source, String decision, AdminRequest request,
			String idempotencyKey, @Nullable String project, List<String> modelGroups) {

	}

}
