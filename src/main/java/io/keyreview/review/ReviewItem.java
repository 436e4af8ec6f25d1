package io.keyreview.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One key on a work list: what its owners need to see to decide, who they are, and by
 * when.
 *
 * @param spendUsd the spend the cycle looks at (the period's for a monthly review)
 * @param details the columns the cycle focuses on, in order
 */
public record ReviewItem(String keyId, @Nullable String alias, @Nullable String environment,
		@Nullable LocalDate lastUsedOn, BigDecimal spendUsd, @Nullable BigDecimal budgetUsd, Decision decision,
		List<Finding> findings, List<Addressee> recipients, Map<String, String> details, LocalDate dueDate) {

	public String ruleIds() {
		return Finding.ruleIds(this.findings);
	}

}
