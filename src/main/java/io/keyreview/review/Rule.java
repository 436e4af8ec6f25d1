package io.keyreview.review;

import java.util.List;
import java.util.Optional;

/** One review rule of the access review, under its rule id. */
interface Rule {

	String id();

	Optional<Finding> check(ReviewedKey key, ReviewContext context);

	default Optional<Finding> fails(Decision decision, String evidence) {
		return Optional.of(new Finding(id(), decision, evidence));
	}

	/** Fails with every problem found as the evidence, or passes when none was. */
	default Optional<Finding> failsIfAny(Decision decision, List<String> problems) {
		return problems.isEmpty() ? Optional.empty() : fails(decision, String.join("; ", problems));
	}

}
