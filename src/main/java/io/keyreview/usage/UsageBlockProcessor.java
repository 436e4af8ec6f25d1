package io.keyreview.usage;

import io.keyreview.intake.BadRowException;
import io.keyreview.intake.CsvRow;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Reads each row of a block as usage ({@link UsageRowProcessor}), or rejects it with the
 * reason.
 */
class UsageBlockProcessor implements ItemProcessor<UsageBlock, UsageBlock> {

	private final UsageRowProcessor rows = new UsageRowProcessor();

	@Override
	public UsageBlock process(UsageBlock block) {
		for (CsvRow row : block.read) {
			try {
				block.rows.add(this.rows.process(row));
			}
			catch (BadRowException ex) {
				block.processRejects.add(ex);
			}
		}
		return block;
	}

}
