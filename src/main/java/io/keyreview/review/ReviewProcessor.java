package io.keyreview.review;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Reviews each key of the register against the rules. */
class ReviewProcessor implements ItemProcessor<ReviewedKey, Review> {

	private final KeyReviewer reviewer = new KeyReviewer();

	private final ReviewContext context;

	ReviewProcessor(ReviewContext context) {
		this.context = context;
	}

	@Override
	public Review process(ReviewedKey key) {
		return this.reviewer.review(key, this.context);
	}

}
