package io.keyreview.review;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.keyreview.people.People;
import io.keyreview.policy.Directories;
import io.keyreview.policy.Directory;
import io.keyreview.support.SqlValues;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The reviewed register as the work lists and event reviews read it. */
@Component
public class ReviewRegister {

	/** The rules whose findings are mailed the night they are first found. */
	public static final Set<String> EVENT_RULES = Set.of("exposure", "owner-left", "vendor-exit", "outside-policy",
			"anomaly");

	private final NamedParameterJdbcTemplate named;

	private final RuleSettings settings;

	private final People people;

	private final Directories directories;

	ReviewRegister(NamedParameterJdbcTemplate named, RuleSettings settings, People people, Directories directories) {
		this.named = named;
		this.settings = settings;
		this.people = people;
		this.directories = directories;
	}

	public ReviewContext context(LocalDate day) {
		return new ReviewContext(day, this.settings, this.people.byEmail(), this.directories.current());
	}

	/**
	 * The contexts of the chunks of keys reviewed on a day, each with only the people its
	 * keys name.
	 */
	public ReviewContexts contexts(LocalDate day) {
		return new ReviewContexts(day, this.settings, this.people, this.directories.current());
	}

	/**
	 * A context that knows only the people the recipients of these keys can name (see
	 * {@link Recipients#peopleNamedBy}): enough to address them, not to evaluate them.
	 */
	public ReviewContext recipientsContext(LocalDate day, Directory directory, Collection<ReviewedKey> keys) {
		return new ReviewContext(day, this.settings, Recipients.peopleNamedBy(keys, directory, this.people::byEmail),
				directory);
	}

	/**
	 * A page of the register: at most {@code limit} keys after a key id, in key id order,
	 * retired ones included (see {@link ReviewedKey#retired()}); read from the primary
	 * key, so each page costs the same however far into the register it is.
	 */
	public List<ReviewedKey> keysAfter(String keyId, int limit) {
		return this.named.query(ReviewedKeys.QUERY + " WHERE r.key_id > :after ORDER BY r.key_id LIMIT :limit",
				Map.of("after", keyId, "limit", limit), ReviewedKeys.ROW_MAPPER);
	}

	/**
	 * The keys still in use whose policy exception or own expiry date falls from one day
	 * to another, in key id order.
	 */
	public List<ReviewedKey> keysExpiringBetween(LocalDate from, LocalDate to) {
		return this.named
			.query(ReviewedKeys.QUERY + " WHERE r.exception_expires BETWEEN :from AND :to"
					+ " OR (r.expires_at >= :fromStart AND r.expires_at < :afterTo) ORDER BY r.key_id",
					Map.of("from", from, "to", to, "fromStart",
							SqlValues.toColumn(from.atStartOfDay(ZoneOffset.UTC).toInstant()), "afterTo",
							SqlValues.toColumn(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())),
					ReviewedKeys.ROW_MAPPER)
			.stream()
			.filter((key) -> !key.retired())
			.toList();
	}

	/** The current findings of the keys from one key id to another, in rule order. */
	public Map<String, List<Finding>> findingsBetween(String firstKeyId, String lastKeyId) {
		Map<String, List<Finding>> findings = new LinkedHashMap<>();
		this.named.query("""
				SELECT key_id, rule_id, decision, evidence FROM key_finding
				WHERE key_id BETWEEN :first AND :last ORDER BY key_id""",
				Map.of("first", firstKeyId, "last", lastKeyId), (rs) -> {
					findings.computeIfAbsent(rs.getString("key_id"), (key) -> new ArrayList<>())
						.add(new Finding(rs.getString("rule_id"), Decision.of(rs.getString("decision")),
								rs.getString("evidence")));
				});
		findings.values().forEach((list) -> list.sort(KeyReviewer.RULE_ORDER));
		return findings;
	}

	/** The event findings first found on a night, per key. */
	public Map<String, List<String>> eventRulesFirstFoundOn(LocalDate night) {
		Map<String, List<String>> events = new LinkedHashMap<>();
		this.named.query("SELECT key_id, rule_id FROM key_finding WHERE first_found = :night ORDER BY key_id",
				Map.of("night", night), (rs) -> {
					if (EVENT_RULES.contains(rs.getString("rule_id"))) {
						events.computeIfAbsent(rs.getString("key_id"), (key) -> new ArrayList<>())
							.add(rs.getString("rule_id"));
					}
				});
		return events;
	}

	/**
	 * What keys registered before a night used for the first time that night: "route
	 * support-prod", "model gpt-4o", "provider anthropic".
	 */
	public Map<String, List<String>> firstUsesOn(LocalDate night) {
		Map<String, List<String>> uses = new LinkedHashMap<>();
		this.named.query("""
				SELECT f.key_id, f.kind, f.used FROM key_first_use f JOIN key_register r ON r.key_id = f.key_id
				WHERE f.first_seen = :night AND r.first_seen < :night ORDER BY f.key_id, f.kind, f.used""",
				Map.of("night", night), (rs) -> {
					uses.computeIfAbsent(rs.getString("key_id"), (key) -> new ArrayList<>())
						.add(rs.getString("kind") + " " + rs.getString("used"));
				});
		return uses;
	}

}
