package io.keyreview.support;

/**
 * A whole input file that cannot be used: missing, unreadable, empty, or without a
 * required column.
 */
public class InputFileException extends RuntimeException {

	public InputFileException(String sentence) {
		super(sentence);
	}

	public InputFileException(String sentence, Throwable cause) {
		super(sentence, cause);
	}

}
