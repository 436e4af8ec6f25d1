package io.keyreview.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.keyreview.people.Person;
import io.keyreview.review.ReviewedKey.Approval;
import org.jspecify.annotations.Nullable;

/**
 * {@code owner-left}: a person owner (business, technical, the inventory's owner, or a
 * group's accountable person) left, or the person who created the key left and the key
 * was not rotated since. A creator's departure means rotate; any other, reassign.
 */
class OwnerLeftRule implements Rule {

	@Override
	public String id() {
		return "owner-left";
	}

	@Override
	public Optional<Finding> check(ReviewedKey key, ReviewContext context) {
		Map<Person, List<String>> leavers = new LinkedHashMap<>();
		Approval policy = key.policy();
		if (policy != null) {
			addIfLeft(leavers, "business owner", context.owner(policy.businessOwner()), context);
			addIfLeft(leavers, "technical owner", context.owner(policy.technicalOwner()), context);
		}
		addIfLeft(leavers, "inventory owner", context.owner(key.owner()), context);
		Person creator = context.person(key.createdBy());
		boolean creatorLeft = creator != null && Owner.left(creator, context.runDate())
				&& notRotatedSince(key.lastRotatedAt(), creator.terminationDate());
		if (creatorLeft) {
			leavers.computeIfAbsent(creator, (person) -> new ArrayList<>()).add("creator, key not rotated since");
		}
		if (leavers.isEmpty()) {
			return Optional.empty();
		}
		List<String> departures = leavers.entrySet()
			.stream()
			.map((leaver) -> leaver.getKey().email() + " (" + String.join(", ", leaver.getValue()) + ") left on "
					+ leftOn(leaver.getKey()))
			.toList();
		return fails(creatorLeft ? Decision.ROTATE : Decision.REASSIGN, String.join("; ", departures));
	}

	private static void addIfLeft(Map<Person, List<String>> leavers, String role, @Nullable Owner owner,
			ReviewContext context) {
		if (owner != null && owner.person() != null && owner.leftBy(context.runDate())) {
			String label = (owner.group() != null) ? "accountable for " + role + " " + owner.name() : role;
			leavers.computeIfAbsent(owner.person(), (person) -> new ArrayList<>()).add(label);
		}
	}

	private static boolean notRotatedSince(@Nullable Instant lastRotatedAt, @Nullable LocalDate leftOn) {
		return lastRotatedAt == null || leftOn == null || ReviewContext.day(lastRotatedAt).isBefore(leftOn);
	}

	private static String leftOn(Person person) {
		return (person.terminationDate() != null) ? person.terminationDate().toString() : "an unknown date";
	}

}
