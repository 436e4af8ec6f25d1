package io.keyreview.review;

/**
 * A rule a key fails, the decision the rule proposes, and the evidence (dates, counts,
 * amounts, routes or models) that made it fail.
 */
public record Finding(String ruleId, Decision decision, String evidence) {

}
