package io.keyreview.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.keyreview.support.Money;

/**
 * {@code budget}: spend this month over the monthly budget, or spend this month with no
 * named finance owner.
 */
class BudgetRule implements Rule {

	@Override
	public String id() {
		return "budget";
	}

	@Override
	public Optional<Finding> check(ReviewedKey key, ReviewContext context) {
		List<String> problems = new ArrayList<>();
		String spent = "spent " + Money.usd(key.spendMonthUsd()) + " this month";
		if (key.monthlyBudgetUsd() != null && key.spendMonthUsd().compareTo(key.monthlyBudgetUsd()) > 0) {
			problems.add(spent + " against a monthly budget of " + Money.usd(key.monthlyBudgetUsd()));
		}
		if (key.spendMonthUsd().signum() > 0 && (key.policy() == null || key.policy().financeOwner() == null)) {
			problems.add(spent + " with no finance owner named");
		}
		return failsIfAny(Decision.ESCALATE, problems);
	}

}
