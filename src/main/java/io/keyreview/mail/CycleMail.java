package io.keyreview.mail;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

/** What the outbox holds for one cycle. */
public record CycleMail(String cycle, long digests, long delivered, long waiting, long parked,
		@Nullable Instant lastDelivered) {

	/**
	 * "3 digest(s): 2 delivered (last 2026-11-29T05:20:00Z), 0 waiting, 1 parked".
	 */
	public String describe() {
		return this.digests
				+ " digest(s): " + this.delivered + " delivered" + ((this.lastDelivered != null)
						? " (last " + this.lastDelivered.truncatedTo(ChronoUnit.SECONDS) + ")" : "")
				+ ", " + this.waiting + " waiting, " + this.parked + " parked";
	}

}
