package io.keyreview.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.keyreview.review.ReviewedKey.Approval;

/**
 * {@code no-owner}: no policy, no business owner, an owner neither HR nor the directory
 * knows, or a business owner that is only a shared mailbox.
 */
class NoOwnerRule implements Rule {

	private static final Set<String> PERSON_OWNER_TYPES = Set.of("user", "vendor");

	@Override
	public String id() {
		return "no-owner";
	}

	@Override
	public Optional<Finding> check(ReviewedKey key, ReviewContext context) {
		List<String> gaps = new ArrayList<>();
		Approval policy = key.policy();
		if (policy == null) {
			gaps.add("no policy file names this key's owners");
		}
		else if (policy.businessOwner() == null) {
			gaps.add("the policy names no business owner");
		}
		else {
			Owner business = context.owner(policy.businessOwner());
			if (!business.known()) {
				gaps.add("business owner " + business.name() + " is neither a person in HR nor a group in owners.yaml");
			}
			else if (business.mailboxOnly()) {
				gaps.add("business owner " + business.name() + " is the shared mailbox " + business.group().mailbox()
						+ " with no accountable person");
			}
		}
		Owner listed = context.owner(key.owner());
		if (listed != null && !listed.known() && key.ownerType() != null
				&& PERSON_OWNER_TYPES.contains(key.ownerType())) {
			gaps.add("inventory owner " + listed.name() + " is not a person in HR");
		}
		return failsIfAny(Decision.ESCALATE, gaps);
	}

}
