package io.keyreview.review;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of reviewing one key: its findings and the decision they lead to, or no
 * decision for a retired key.
 */
public record Review(String keyId, @Nullable Decision decision, List<Finding> findings) {

	public String ruleIds() {
		return Finding.ruleIds(this.findings);
	}

}
