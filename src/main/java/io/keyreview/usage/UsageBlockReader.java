package io.keyreview.usage;

import io.keyreview.intake.BadRowException;
import io.keyreview.intake.CsvRow;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.file.MultiResourceItemReader;

/**
 * Reads the landed usage files a block at a time: each row read as usage
 * ({@link UsageRowProcessor}) and added to its cell's sums, or rejected with its reason,
 * until the block has gone through {@code rows} rows or holds {@code cells} cells, which
 * bounds its memory whatever the files hold. The restart position is the files' reader's,
 * saved with each block's chunk.
 */
class UsageBlockReader implements ItemStreamReader<UsageBlock> {

	private final MultiResourceItemReader<CsvRow> files;

	private final UsageRowProcessor usage = new UsageRowProcessor();

	private final int rows;

	private final int cells;

	UsageBlockReader(MultiResourceItemReader<CsvRow> files, int rows, int cells) {
		this.files = files;
		this.rows = rows;
		this.cells = cells;
	}

	@Override
	public @Nullable UsageBlock read() throws Exception {
		UsageBlock block = new UsageBlock();
		for (int i = 0; i < this.rows && block.sums.size() < this.cells; i++) {
			CsvRow row;
			try {
				row = this.files.read();
			}
			catch (BadRowException ex) {
				block.readRejects.add(ex);
				continue;
			}
			if (row == null) {
				break;
			}
			block.read++;
			try {
				block.add(this.usage.process(row));
			}
			catch (BadRowException ex) {
				block.processRejects.add(ex);
			}
		}
		return block.isEmpty() ? null : block;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		this.files.open(executionContext);
	}

	@Override
	public void update(ExecutionContext executionContext) {
		this.files.update(executionContext);
	}

	@Override
	public void close() {
		this.files.close();
	}

}
