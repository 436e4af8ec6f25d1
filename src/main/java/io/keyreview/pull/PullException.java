package io.keyreview.pull;

import io.keyreview.intake.InputFileException;

/** A source that cannot be pulled, in one sentence that names it. */
public class PullException extends InputFileException {

	public PullException(String message) {
		super(message);
	}

}
