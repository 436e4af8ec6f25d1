package io.keyreview.intake;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemStreamException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every input reader promises: a rejected row names its file, line and reason; a
 * failed file is one sentence, short enough to read in a log line.
 */
public final class InputContract {

	private static final int SENTENCE = 2_000;

	private InputContract() {
	}

	/**
	 * Opens a reader as a step does, failing with the sentence of a file that cannot be
	 * read.
	 */
	public static void open(ItemStream reader) {
		try {
			reader.open(new ExecutionContext());
		}
		catch (ItemStreamException ex) {
			if (ex.getCause() instanceof InputFileException failure) {
				throw failure;
			}
			throw ex;
		}
	}

	public static void assertRejected(BadRowException rejected) {
		assertThat(rejected.file()).as("the file of a rejected row").isNotBlank();
		assertThat(rejected.line()).as("the line of a rejected row").isPositive();
		assertThat(rejected.reason()).as("the reason a row was rejected").isNotBlank();
	}

	public static void assertOneSentence(RuntimeException failure) {
		assertThat(failure.getMessage()).as("why the file failed").isNotBlank().hasSizeLessThan(SENTENCE);
		assertThat(failure.getMessage()).as("one line").doesNotContain("\n", "\r");
	}

}
