package io.keyreview.intake;

import java.util.Set;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.springframework.core.io.ByteArrayResource;

/**
 * Any bytes in a canonical CSV input end as rows, rejected rows with a line and a reason,
 * or one sentence naming the file: never another exception. Every typed getter is tried
 * on every column of every row, as the load steps do.
 */
class CsvInputFuzzTests {

	private static final int MAX_RECORDS = 1_000;

	@FuzzTest
	void anyBytesEndAsRowsRejectedRowsOrOneSentence(byte[] input) throws Exception {
		CsvRowReader reader = new CsvRowReader("usage", Set.of("key_id"), true);
		reader.setResource(new NamedBytes(input));
		try {
			InputContract.open(reader);
			for (int i = 0; i < MAX_RECORDS; i++) {
				try {
					CsvRow row = reader.read();
					if (row == null) {
						break;
					}
					readEveryColumn(row);
				}
				catch (BadRowException ex) {
					InputContract.assertRejected(ex);
				}
			}
		}
		catch (InputFileException ex) {
			InputContract.assertOneSentence(ex);
		}
		finally {
			reader.close();
		}
	}

	private static void readEveryColumn(CsvRow row) {
		for (String column : row.columns().keySet()) {
			for (Runnable getter : new Runnable[] { () -> row.text(column), () -> row.amount(column),
					() -> row.instant(column), () -> row.count(column, 0), () -> row.list(column),
					() -> row.required(column, 128), row::requireAllColumns, row::exposures }) {
				try {
					getter.run();
				}
				catch (BadRowException ex) {
					InputContract.assertRejected(ex);
				}
			}
		}
	}

	private static final class NamedBytes extends ByteArrayResource {

		NamedBytes(byte[] bytes) {
			super(bytes);
		}

		@Override
		public String getFilename() {
			return "fuzzed.csv";
		}

	}

}
