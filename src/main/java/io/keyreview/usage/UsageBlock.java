package io.keyreview.usage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.keyreview.intake.BadRowException;
import io.keyreview.intake.InputFileException;

/**
 * The usage rows of one chunk transaction, as one item, already summed per cell: Spring
 * Batch's work per item would cost more than reading a row, and a block keeps its cells'
 * sums rather than its rows, so that it may span a million rows. Its bad rows are
 * rejected by the load itself rather than skipped one by one.
 */
final class UsageBlock {

	/** The rows read (not rejected while read). */
	int read;

	/** The rows read as usage. */
	int loaded;

	/** The rows rejected as they were read, in order. */
	final List<BadRowException> readRejects = new ArrayList<>();

	/** The rows read but rejected as usage, in order. */
	final List<BadRowException> processRejects = new ArrayList<>();

	/** What the block's rows add up to, per cell. */
	final Map<UsageCell, UsageSums> sums = new LinkedHashMap<>();

	/** What the block's rows request per key, day and hour. */
	final UsageHours hours = new UsageHours();

	/** What the block's rows request per key, day and client address. */
	final UsageClients clients = new UsageClients();

	/** The rows in which landing redacted a secret. */
	final List<UsageRow> exposing = new ArrayList<>();

	/**
	 * Adds a row to its cell; fails naming the row when the cell's sum no longer fits a
	 * row of {@code usage_daily}.
	 */
	void add(UsageRow row) {
		UsageCell cell = UsageCell.of(row);
		UsageSums sums = this.sums.get(cell);
		if (sums == null) {
			sums = new UsageSums();
			sums.hours = this.hours.of(row);
			this.sums.put(cell, sums);
		}
		if (!sums.add(row)) {
			throw beyondADay(cell, row.file() + " line " + row.line());
		}
		UsageHours.add(sums.hours, row);
		this.clients.add(row);
		this.loaded++;
		if (!row.exposures().isEmpty()) {
			this.exposing.add(row);
		}
	}

	boolean isEmpty() {
		return this.read == 0 && this.readRejects.isEmpty();
	}

	static InputFileException beyondADay(UsageCell cell, String where) {
		return new InputFileException(where + ": " + cell + " adds up to more than a day's usage can hold (a cost"
				+ " below 10^12 USD, requests and tokens below 2^63)");
	}

}
