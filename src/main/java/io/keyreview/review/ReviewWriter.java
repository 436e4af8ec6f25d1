package io.keyreview.review;

import java.time.LocalDate;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Reviews a chunk of keys against the rules, with the people they name read for the
 * chunk, and replaces their findings and decisions.
 */
class ReviewWriter implements ItemWriter<ReviewedKey> {

	private final KeyReviewer reviewer = new KeyReviewer();

	private final ReviewContexts contexts;

	private final Findings findings;

	private final LocalDate runDate;

	ReviewWriter(ReviewContexts contexts, Findings findings, LocalDate runDate) {
		this.contexts = contexts;
		this.findings = findings;
		this.runDate = runDate;
	}

	@Override
	public void write(Chunk<? extends ReviewedKey> chunk) {
		List<? extends ReviewedKey> keys = chunk.getItems();
		ReviewContext context = this.contexts.of(List.copyOf(keys));
		this.findings.replace(keys.stream().map((key) -> this.reviewer.review(key, context)).toList(), this.runDate);
	}

}
