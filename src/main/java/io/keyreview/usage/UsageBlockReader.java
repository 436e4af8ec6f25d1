package io.keyreview.usage;

import io.keyreview.intake.BadRowException;
import io.keyreview.intake.CsvRow;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.file.MultiResourceItemReader;

/**
 * Reads the landed usage files a block of rows at a time: {@code rows} rows (read or
 * rejected) per block. The restart position is the files' reader's, saved with each
 * block's chunk.
 */
class UsageBlockReader implements ItemStreamReader<UsageBlock> {

	private final MultiResourceItemReader<CsvRow> files;

	private final int rows;

	UsageBlockReader(MultiResourceItemReader<CsvRow> files, int rows) {
		this.files = files;
		this.rows = rows;
	}

	@Override
	public @Nullable UsageBlock read() throws Exception {
		UsageBlock block = new UsageBlock();
		for (int i = 0; i < this.rows; i++) {
			try {
				CsvRow row = this.files.read();
				if (row == null) {
					break;
				}
				block.read.add(row);
			}
			catch (BadRowException ex) {
				block.readRejects.add(ex);
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
