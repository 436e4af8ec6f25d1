package io.keyreview.review;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Runs every review rule against a key and proposes one decision by precedence. */
public class KeyReviewer {

	static final List<Rule> RULES = List.of(new ExposureRule(), new OwnerLeftRule(), new VendorExitRule(),
			new NoOwnerRule(), new EnvironmentBoundaryRule(), new OutsidePolicyRule(), new StaleRule(),
			new BroadScopeRule(), new RotationOverdueRule(), new BudgetRule(), new ExceptionExpiredRule(),
			new AnomalyRule());

	private static final List<String> RULE_IDS = RULES.stream().map(Rule::id).toList();

	static final Comparator<Finding> RULE_ORDER = Comparator
		.comparingInt((finding) -> RULE_IDS.indexOf(finding.ruleId()));

	public Review review(ReviewedKey key, ReviewContext context) {
		if (key.retired()) {
			return new Review(key.keyId(), null, List.of());
		}
		List<Finding> findings = RULES.stream()
			.map((rule) -> rule.check(key, context))
			.flatMap(Optional::stream)
			.toList();
		return new Review(key.keyId(), Decision.forFindings(findings), findings);
	}

}
