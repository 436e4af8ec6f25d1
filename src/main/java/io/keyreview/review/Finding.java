package io.keyreview.review;

import java.util.List;

/**
 * A rule a key fails, the decision the rule proposes, and the evidence (dates, counts,
 * amounts, routes or models) that made it fail.
 */
public record Finding(String ruleId, Decision decision, String evidence) {

	/**
	 * The rule ids of findings, {@code ;}-separated as the register and work lists hold
	 * them.
	 */
	public static String ruleIds(List<Finding> findings) {
		return String.join(";", findings.stream().map(Finding::ruleId).toList());
	}

}
