package io.keyreview.intake;

/**
 * A whole input that cannot be used: a file missing, unreadable, empty, or without a
 * required column, or a source that cannot be pulled.
 */
public class InputFileException extends RuntimeException {

	public InputFileException(String sentence) {
		super(sentence);
	}

	public InputFileException(String sentence, Throwable cause) {
		super(sentence, cause);
	}

}
