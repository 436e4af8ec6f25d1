package io.keyreview.review;

import java.util.Optional;

/**
 * {@code anomaly}: tonight's use of the key is far from its own baseline (a spike in
 * requests or spend, a jump in failed calls; {@link UsageAnomalies}); the security and
 * finance owners are asked to look.
 */
class AnomalyRule implements Rule {

	@Override
	public String id() {
		return "anomaly";
	}

	@Override
	public Optional<Finding> check(ReviewedKey key, ReviewContext context) {
		if (key.anomalies() == null || key.anomalies().isBlank()) {
			return Optional.empty();
		}
		return fails(Decision.ESCALATE, key.anomalies());
	}

}
