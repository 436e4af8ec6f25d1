package io.keyreview.intake;

/**
 * A landed copy that is missing or no longer what landing recorded: the load steps read
 * only what landed, so the run cannot go on until it is restored.
 */
public class LandedCopyException extends InputFileException {

	public LandedCopyException(String sentence) {
		super(sentence);
	}

}
