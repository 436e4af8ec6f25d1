package io.keyreview.worklist;

import io.keyreview.run.Cycle;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.keyreview.review.Addressee;
import io.keyreview.review.Decision;
import io.keyreview.review.Finding;
import io.keyreview.review.ReviewItem;
import io.keyreview.support.KeyreviewProperties;
import io.keyreview.support.SqlValues;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;

/**
 * The work list of each cycle in {@code worklist_item}; findings, recipients and the
 * cycle's focus columns are kept as JSON so a digest can be rebuilt from the row alone.
 * {@code worklist_recipient} holds the same list by addressee. Both are read a page at a
 * time ({@code keyreview.chunk-size} rows, or addressees), in index order.
 */
@Component
public class WorklistItems {

	private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {
	};

	private static final TypeReference<List<Addressee>> RECIPIENTS = new TypeReference<>() {
	};

	private static final TypeReference<LinkedHashMap<String, String>> DETAILS = new TypeReference<>() {
	};

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final int pageSize;

	WorklistItems(JdbcTemplate jdbc, JsonMapper json, KeyreviewProperties properties) {
		this.jdbc = jdbc;
		this.json = json;
		this.pageSize = properties.chunkSize();
	}

	/** One addressee's part of a work list: the items that name them, in key order. */
	public record AddresseeItems(Addressee addressee, List<ReviewItem> items) {

		/** Why the addressee hears about an item ("business owner team_a"). */
		public List<String> rolesIn(ReviewItem item) {
			return item.recipients()
				.stream()
				.filter((recipient) -> recipient.to().equals(this.addressee.to())
						&& Objects.equals(recipient.cc(), this.addressee.cc()))
				.findFirst()
				.map(Addressee::roles)
				.orElse(List.of());
		}

	}

	void clear(Cycle cycle) {
		this.jdbc.update("DELETE FROM worklist_recipient WHERE cycle = ?", cycle.name());
		this.jdbc.update("DELETE FROM worklist_item WHERE cycle = ?", cycle.name());
	}

	void add(Cycle cycle, List<ReviewItem> items) {
		this.jdbc.batchUpdate("""
				INSERT INTO worklist_item (cycle, key_id, alias, environment, last_used_on, spend_usd,
				  monthly_budget_usd, recipients, decision, findings, evidence, details, due_date)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", items.stream()
			.map((item) -> new Object[] { cycle.name(), item.keyId(), item.alias(), item.environment(),
					item.lastUsedOn(), item.spendUsd(), item.budgetUsd(),
					this.json.writeValueAsString(item.recipients()), item.decision().code(),
					item.findings().isEmpty() ? null : item.ruleIds(), this.json.writeValueAsString(item.findings()),
					this.json.writeValueAsString(item.details()), item.dueDate() })
			.toList());
		this.jdbc.batchUpdate(
				"INSERT INTO worklist_recipient (cycle, addressee, key_id, recipient, cc) VALUES (?, ?, ?, ?, ?)",
				items.stream()
					.flatMap((item) -> item.recipients()
						.stream()
						.map((addressee) -> new Object[] { cycle.name(), addresseeKey(addressee), item.keyId(),
								addressee.to(), addressee.cc() }))
					.toList());
	}

	/**
	 * The monthly and quarterly cycles whose items are due on {@code earliestDue} or
	 * later, in name order.
	 */
	public List<Cycle> cyclesDueFrom(LocalDate earliestDue) {
		return this.jdbc.queryForList("""
				SELECT DISTINCT cycle FROM worklist_item WHERE due_date >= ? AND cycle NOT LIKE 'events-%'
				ORDER BY cycle""", String.class, earliestDue).stream().map(Cycle::named).toList();
	}

	/** Every item of a cycle, in key order. */
	public List<ReviewItem> of(Cycle cycle) {
		List<ReviewItem> items = new ArrayList<>();
		forEach(cycle, items::add);
		return items;
	}

	/**
	 * Hands each item of a cycle to {@code action} in key order, reading a page at a
	 * time.
	 */
	public void forEach(Cycle cycle, Consumer<ReviewItem> action) {
		String after = "";
		for (List<ReviewItem> page = page(cycle, after); !page.isEmpty(); page = page(cycle, after)) {
			page.forEach(action);
			after = page.get(page.size() - 1).keyId();
		}
	}

	/**
	 * The same, with the answer that stands for each item (null for one not answered).
	 */
	void forEachWithAnswer(Cycle cycle, BiConsumer<ReviewItem, @Nullable StandingAnswer> action) {
		String after = "";
		while (true) {
			List<ReviewItem> items = new ArrayList<>();
			this.jdbc.query(
					"""
							SELECT w.*, a.decision AS answer, a.reason AS answer_reason, a.answered_by, a.answered_at, a.channel,
							  t.status AS action_status, t.done_on
							FROM worklist_item w
							LEFT JOIN review_answer a ON a.answer_id = (SELECT MAX(x.answer_id) FROM review_answer x
							  WHERE x.cycle = w.cycle AND x.key_id = w.key_id)
							LEFT JOIN review_action t ON t.cycle = w.cycle AND t.key_id = w.key_id AND t.answer_id = a.answer_id
							WHERE w.cycle = ? AND w.key_id > ? ORDER BY w.key_id LIMIT ?""",
					(rs) -> {
						ReviewItem item = item(rs);
						items.add(item);
						String answer = rs.getString("answer");
						action.accept(item, (answer != null)
								? new StandingAnswer(answer, rs.getString("answer_reason"), rs.getString("answered_by"),
										SqlValues.instant(rs, "answered_at"), rs.getString("channel"),
										rs.getString("action_status"), rs.getObject("done_on", LocalDate.class))
								: null);
					}, cycle.name(), after, this.pageSize);
			if (items.isEmpty()) {
				return;
			}
			after = items.get(items.size() - 1).keyId();
		}
	}

	private List<ReviewItem> page(Cycle cycle, String afterKeyId) {
		return this.jdbc.query("SELECT * FROM worklist_item WHERE cycle = ? AND key_id > ? ORDER BY key_id LIMIT ?",
				(rs, row) -> item(rs), cycle.name(), afterKeyId, this.pageSize);
	}

	/**
	 * Hands a cycle's work list to {@code pages} by addressee (To and Cc, roles left
	 * out), a page of addressees at a time: each addressee once, with every item that
	 * names them.
	 */
	public void byAddressee(Cycle cycle, Consumer<List<AddresseeItems>> pages) {
		String after = "";
		for (List<String> addressees = addresseesAfter(cycle, after); !addressees
			.isEmpty(); addressees = addresseesAfter(cycle, after)) {
			String last = addressees.get(addressees.size() - 1);
			List<AddresseeItems> page = new ArrayList<>();
			this.jdbc.query("""
					SELECT r.addressee, r.recipient, r.cc, w.* FROM worklist_recipient r
					JOIN worklist_item w ON w.cycle = r.cycle AND w.key_id = r.key_id
					WHERE r.cycle = ? AND r.addressee > ? AND r.addressee <= ?
					ORDER BY r.addressee, r.key_id""", (rs) -> {
				Addressee addressee = new Addressee(rs.getString("recipient"), rs.getString("cc"), List.of());
				if (page.isEmpty() || !page.get(page.size() - 1).addressee().equals(addressee)) {
					page.add(new AddresseeItems(addressee, new ArrayList<>()));
				}
				page.get(page.size() - 1).items().add(item(rs));
			}, cycle.name(), after, last);
			pages.accept(page);
			after = last;
		}
	}

	private List<String> addresseesAfter(Cycle cycle, String after) {
		return this.jdbc.queryForList("""
				SELECT DISTINCT addressee FROM worklist_recipient WHERE cycle = ? AND addressee > ?
				ORDER BY addressee LIMIT ?""", String.class, cycle.name(), after, this.pageSize);
	}

	/** The same for the same To and Cc, whatever the collation of the address columns. */
	private static String addresseeKey(Addressee addressee) {
		String identity = addressee.to() + "\n" + Objects.toString(addressee.cc(), "");
		return DigestUtils.md5DigestAsHex(identity.getBytes(StandardCharsets.UTF_8));
	}

	private ReviewItem item(ResultSet rs) throws SQLException {
		return new ReviewItem(rs.getString("key_id"), rs.getString("alias"), rs.getString("environment"),
				rs.getObject("last_used_on", LocalDate.class), rs.getBigDecimal("spend_usd"),
				rs.getBigDecimal("monthly_budget_usd"), Decision.of(rs.getString("decision")),
				this.json.readValue(rs.getString("evidence"), FINDINGS),
				this.json.readValue(rs.getString("recipients"), RECIPIENTS),
				this.json.readValue(rs.getString("details"), DETAILS), rs.getObject("due_date", LocalDate.class));
	}

	static String recipientsText(List<Addressee> recipients) {
		return recipients.stream()
			.map((addressee) -> addressee.to() + ((addressee.cc() != null) ? " (cc " + addressee.cc() + ")" : ""))
			.collect(Collectors.joining("; "));
	}

}
