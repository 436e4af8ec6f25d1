package io.keyreview.usage;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The requests, failures, tokens and cost of some usage rows, and their last use. A sum
 * that {@code usage_daily} could not hold ({@code BIGINT} counts, {@code DECIMAL(24, 12)}
 * cost) is caught where it is added, never left to the database.
 */
final class UsageSums {

	/** Costs must stay below this: 12 digits before the point. */
	static final BigDecimal MAX_COST = new BigDecimal("1000000000000");

	long requests;

	long failedRequests;

	long inputTokens;

	long outputTokens;

	BigDecimal costUsd = BigDecimal.ZERO;

	Instant lastUsedAt = Instant.EPOCH;

	/**
	 * In a block, the requests per hour of the cell's source, key and day, which the
	 * cells of that key and day share (see {@link UsageHours}); {@code null} elsewhere.
	 */
	long @Nullable [] hours;

	/**
	 * Adds a row; {@code false} when a sum no longer fits a row of {@code usage_daily}.
	 */
	boolean add(UsageRow row) {
		try {
			this.requests = Math.addExact(this.requests, row.requests());
			this.failedRequests = Math.addExact(this.failedRequests, row.failedRequests());
			this.inputTokens = Math.addExact(this.inputTokens, row.inputTokens());
			this.outputTokens = Math.addExact(this.outputTokens, row.outputTokens());
		}
		catch (ArithmeticException ex) {
			return false;
		}
		this.costUsd = this.costUsd.add(row.costUsd());
		if (row.timestamp().isAfter(this.lastUsedAt)) {
			this.lastUsedAt = row.timestamp();
		}
		return this.costUsd.compareTo(MAX_COST) < 0;
	}

	/**
	 * Adds other sums, each count stopping at {@link Long#MAX_VALUE}: for totals over
	 * many cells, which no cell's sum exceeds.
	 */
	void addCapped(UsageSums other) {
		this.requests = capped(this.requests, other.requests);
		this.failedRequests = capped(this.failedRequests, other.failedRequests);
		this.inputTokens = capped(this.inputTokens, other.inputTokens);
		this.outputTokens = capped(this.outputTokens, other.outputTokens);
		this.costUsd = this.costUsd.add(other.costUsd);
	}

	/** Whether one row of {@code usage_daily} holds these sums. */
	boolean fitADay() {
		return this.requests < Long.MAX_VALUE && this.failedRequests < Long.MAX_VALUE
				&& this.inputTokens < Long.MAX_VALUE && this.outputTokens < Long.MAX_VALUE
				&& this.costUsd.compareTo(MAX_COST) < 0;
	}

	private static long capped(long a, long b) {
		long sum = a + b;
		return (sum < 0) ? Long.MAX_VALUE : sum;
	}

	UsageSums copy() {
		UsageSums copy = new UsageSums();
		copy.requests = this.requests;
		copy.failedRequests = this.failedRequests;
		copy.inputTokens = this.inputTokens;
		copy.outputTokens = this.outputTokens;
		copy.costUsd = this.costUsd;
		copy.lastUsedAt = this.lastUsedAt;
		return copy;
	}

	/** The counts and cost, for a checkpoint. */
	@Override
	public String toString() {
		return this.requests + " " + this.failedRequests + " " + this.inputTokens + " " + this.outputTokens + " "
				+ this.costUsd.toPlainString();
	}

	static UsageSums parse(String text) {
		String[] values = text.split(" ");
		UsageSums sums = new UsageSums();
		sums.requests = Long.parseLong(values[0]);
		sums.failedRequests = Long.parseLong(values[1]);
		sums.inputTokens = Long.parseLong(values[2]);
		sums.outputTokens = Long.parseLong(values[3]);
		sums.costUsd = new BigDecimal(values[4]);
		return sums;
	}

}
