package io.keyreview.register;

import java.time.LocalDate;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Replaces the register rows and tonight's change-log entries of a chunk of keys. */
class RegisterWriter implements ItemWriter<Reconciled> {

	private final Register register;

	private final LocalDate runDate;

	RegisterWriter(Register register, LocalDate runDate) {
		this.register = register;
		this.runDate = runDate;
	}

	@Override
	public void write(Chunk<? extends Reconciled> chunk) {
		this.register.replace(chunk.getItems(), this.runDate);
	}

}
