package io.keyreview.usage;

import java.util.ArrayList;
import java.util.List;

import io.keyreview.intake.BadRowException;
import io.keyreview.intake.CsvRow;

/**
 * The usage rows of one chunk transaction, as one item: Spring Batch's work per item
 * would cost more than reading a row, so the rows travel together, and the bad ones are
 * rejected by the load itself rather than skipped one by one.
 */
final class UsageBlock {

	/** The rows read. */
	final List<CsvRow> read = new ArrayList<>();

	/** The rows rejected as they were read, in order. */
	final List<BadRowException> readRejects = new ArrayList<>();

	/** The rows read as usage. */
	final List<UsageRow> rows = new ArrayList<>();

	/** The rows read but rejected as usage, in order. */
	final List<BadRowException> processRejects = new ArrayList<>();

	boolean isEmpty() {
		return this.read.isEmpty() && this.readRejects.isEmpty();
	}

}
