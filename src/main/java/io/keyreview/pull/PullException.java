package io.keyreview.pull;

/** A source that cannot be pulled, in one sentence that names it. */
public class PullException extends RuntimeException {

	public PullException(String message) {
		super(message);
	}

}
