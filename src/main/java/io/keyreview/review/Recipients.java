package io.keyreview.review;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import io.keyreview.people.Person;
import io.keyreview.policy.Directory;
import io.keyreview.review.ReviewedKey.Approval;
import io.keyreview.support.EmailAddresses;
import io.keyreview.support.Identities;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who hears about a key: its business and technical owners (the inventory's owner without
 * a policy), and its backup owner while one of them is on leave or gone; for an owner who
 * left, their manager and the security owner; the finance owner for a budget finding; the
 * security and finance owners for an anomaly; the security owner (or the escalation
 * address) when no owner can be reached. A group is mailed at its accountable person with
 * its mailbox in Cc; a group that is only a mailbox, at the mailbox.
 */
public class Recipients {

	private static final Logger logger = LoggerFactory.getLogger(Recipients.class);

	private final String escalationAddress;

	public Recipients(String escalationAddress) {
		this.escalationAddress = escalationAddress;
	}

	/**
	 * The addressees of a key.
	 * @param tellSecurity whether the security owner hears about the key in any case (an
	 * event)
	 */
	public List<Addressee> of(ReviewedKey key, List<Finding> findings, ReviewContext context, boolean tellSecurity) {
		Map<String, Addressee> addressees = new LinkedHashMap<>();
		Approval policy = key.policy();
		List<Owner> departed = new ArrayList<>();
		if (policy != null) {
			addOwner(addressees, departed, "business owner", context.owner(policy.businessOwner()), context);
			addOwner(addressees, departed, "technical owner", context.owner(policy.technicalOwner()), context);
			addBackup(addressees, policy, context);
			Owner listed = context.owner(key.owner());
			if (listed != null && listed.goneBy(context.runDate()) && !departed.contains(listed)) {
				departed.add(listed);
			}
		}
		else {
			addOwner(addressees, departed, "owner", context.owner(key.owner()), context);
		}
		boolean ownerReached = !addressees.isEmpty();
		for (Owner leaver : departed) {
			Person manager = context.person(leaver.person().managerEmail());
			if (manager != null && !Owner.gone(manager, context.runDate())) {
				add(addressees, manager.email(), null, "manager of " + leaver.person().email() + ", who left");
			}
		}
		if ((hasFinding(findings, "budget") || hasFinding(findings, "anomaly")) && policy != null) {
			addOwner(addressees, new ArrayList<>(), "finance owner", context.owner(policy.financeOwner()), context);
		}
		if (tellSecurity || !departed.isEmpty() || !ownerReached || hasFinding(findings, "no-owner")
				|| hasFinding(findings, "anomaly")) {
			boolean securityReached = policy != null && addOwner(addressees, new ArrayList<>(), "security owner",
					context.owner(policy.securityOwner()), context);
			if (!securityReached) {
				add(addressees, this.escalationAddress, null, "escalation: no security owner");
			}
		}
		return List.copyOf(addressees.values());
	}

	/**
	 * The part of HR that {@link #of} can look at for these keys: each person owner, each
	 * group owner's accountable person, and their managers, fetched through
	 * {@code byEmail}; so a work list is addressed a page of keys at a time without all
	 * of HR in memory.
	 */
	public static Map<String, Person> peopleNamedBy(Collection<ReviewedKey> keys, Directory directory,
			Function<Set<String>, Map<String, Person>> byEmail) {
		Set<String> emails = new HashSet<>();
		for (ReviewedKey key : keys) {
			Approval policy = key.policy();
			Stream<String> owners = (policy != null) ? Stream.of(key.owner(), policy.businessOwner(),
					policy.technicalOwner(), policy.financeOwner(), policy.securityOwner(), policy.backupOwner())
					: Stream.of(key.owner());
			owners.map(Identities::normalise).filter(Objects::nonNull).forEach((owner) -> {
				Directory.Group group = directory.groups().get(owner);
				String person = (group != null) ? Identities.normalise(group.accountable()) : owner;
				if (person != null) {
					emails.add(person);
				}
			});
		}
		Map<String, Person> people = new HashMap<>(byEmail.apply(emails));
		Set<String> managers = new HashSet<>();
		for (Person person : people.values()) {
			String manager = Identities.normalise(person.managerEmail());
			if (manager != null && !people.containsKey(manager)) {
				managers.add(manager);
			}
		}
		people.putAll(byEmail.apply(managers));
		return people;
	}

	/**
	 * The backup owner, for the business or technical owners on leave or gone.
	 */
	private static void addBackup(Map<String, Addressee> addressees, Approval policy, ReviewContext context) {
		List<String> away = Stream.of(policy.businessOwner(), policy.technicalOwner())
			.map(context::owner)
			.filter((owner) -> owner != null && (owner.goneBy(context.runDate()) || owner.onLeave()))
			.map((owner) -> owner.name() + (owner.onLeave() ? " (on leave)" : " (gone)"))
			.distinct()
			.toList();
		if (!away.isEmpty()) {
			addOwner(addressees, new ArrayList<>(), "backup owner, for " + String.join(", ", away),
					context.owner(policy.backupOwner()), context);
		}
	}

	/**
	 * Adds the owner's addressee if the owner can be reached, and says whether it could.
	 */
	private static boolean addOwner(Map<String, Addressee> addressees, List<Owner> departed, String role,
			@Nullable Owner owner, ReviewContext context) {
		if (owner == null || !owner.known()) {
			return false;
		}
		if (owner.goneBy(context.runDate())) {
			departed.add(owner);
		}
		if (owner.group() != null) {
			boolean accountableReachable = owner.person() != null && !owner.goneBy(context.runDate());
			String mailbox = owner.group().mailbox();
			if (accountableReachable) {
				add(addressees, owner.person().email(), mailbox, role + " " + owner.name());
				return true;
			}
			if (mailbox != null) {
				add(addressees, mailbox, null, role + " " + owner.name());
				return true;
			}
			return false;
		}
		if (owner.goneBy(context.runDate())) {
			return false;
		}
		add(addressees, owner.person().email(), null, role);
		return true;
	}

	/**
	 * One addressee per person for a key: a second role joins the first's Cc. Something
	 * that is not an e-mail address (a redacted secret, say) is never mailed, and is
	 * logged.
	 */
	private static void add(Map<String, Addressee> addressees, String to, @Nullable String cc, String role) {
		if (!EmailAddresses.isValid(to)) {
			logger.warn("'{}' ({}) is not an e-mail address; it is left out of the recipients", to, role);
			return;
		}
		if (cc != null && !EmailAddresses.isValid(cc)) {
			logger.warn("'{}' (Cc of {}) is not an e-mail address; it is left out of the recipients", cc, role);
			cc = null;
		}
		Addressee known = addressees.get(to);
		addressees.put(to,
				(known != null)
						? new Addressee(to, known.cc(), Stream.concat(known.roles().stream(), Stream.of(role)).toList())
						: new Addressee(to, cc, List.of(role)));
	}

	private static boolean hasFinding(List<Finding> findings, String ruleId) {
		return findings.stream().anyMatch((finding) -> finding.ruleId().equals(ruleId));
	}

}
