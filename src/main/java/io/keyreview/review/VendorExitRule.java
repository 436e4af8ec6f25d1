package io.keyreview.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.keyreview.people.Person;
import io.keyreview.review.ReviewedKey.Approval;
import org.jspecify.annotations.Nullable;

/**
 * {@code vendor-exit}: the key's owner is a vendor or contractor (by the inventory's
 * owner type or HR's worker type) whose termination or contract end date has passed,
 * whatever their HR status says.
 */
class VendorExitRule implements Rule {

	@Override
	public String id() {
		return "vendor-exit";
	}

	@Override
	public Optional<Finding> check(ReviewedKey key, ReviewContext context) {
		List<String> exits = new ArrayList<>();
		addIfExited(exits, context.person(key.owner()), "vendor".equals(key.ownerType()), context);
		Approval policy = key.policy();
		if (policy != null) {
			addIfExited(exits, context.person(policy.businessOwner()), false, context);
			addIfExited(exits, context.person(policy.technicalOwner()), false, context);
		}
		return failsIfAny(Decision.DISABLE, exits);
	}

	private static void addIfExited(List<String> exits, @Nullable Person person, boolean vendorKey,
			ReviewContext context) {
		if (person == null || person.terminationDate() == null
				|| !person.terminationDate().isBefore(context.runDate())) {
			return;
		}
		String kind = Owner.external(person) ? person.workerType() : (vendorKey ? "vendor" : null);
		if (kind == null) {
			return;
		}
		String exit = kind + " " + person.email() + ": contract ended " + person.terminationDate() + " (HR status "
				+ person.status() + ")";
		if (!exits.contains(exit)) {
			exits.add(exit);
		}
	}

}
