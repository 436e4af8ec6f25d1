package io.keyreview.answers;

import java.time.LocalDate;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Records a chunk of answers from a file, each once. */
class AnswerWriter implements ItemWriter<Answer> {

	private final Answers answers;

	private final LocalDate runDate;

	AnswerWriter(Answers answers, LocalDate runDate) {
		this.answers = answers;
		this.runDate = runDate;
	}

	@Override
	public void write(Chunk<? extends Answer> chunk) {
		this.answers.record(chunk.getItems(), this.runDate);
	}

}
