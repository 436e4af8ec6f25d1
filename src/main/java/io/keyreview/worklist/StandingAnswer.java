package io.keyreview.worklist;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The answer that stands for an item (the last one recorded), with the state of the
 * action it asks for.
 *
 * @param action {@code open}, {@code done} or {@code overdue}; null before tracking began
 * @param closedOn the night the action was seen done
 */
record StandingAnswer(String decision, @Nullable String reason, String answeredBy, Instant answeredAt, String channel,
		@Nullable String action, @Nullable LocalDate closedOn) {

	/** The item's status: answered or defaulted, then done or overdue. */
	String status() {
		if ("done".equals(this.action) || "overdue".equals(this.action)) {
			return this.action;
		}
		return this.channel.equals("default") ? "defaulted" : "answered";
	}

}
