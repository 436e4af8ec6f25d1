package io.keyreview.review;

import java.time.LocalDate;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Replaces each reviewed key's findings and decision. */
class ReviewWriter implements ItemWriter<Review> {

	private final Findings findings;

	private final LocalDate runDate;

	ReviewWriter(Findings findings, LocalDate runDate) {
		this.findings = findings;
		this.runDate = runDate;
	}

	@Override
	public void write(Chunk<? extends Review> chunk) {
		this.findings.replace(chunk.getItems(), this.runDate);
	}

}
