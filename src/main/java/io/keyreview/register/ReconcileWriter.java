package io.keyreview.register;

import java.time.LocalDate;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Reconciles a chunk of keys: gathers their facts with one query per kind, and replaces
 * their register rows and tonight's change-log entries.
 */
class ReconcileWriter implements ItemWriter<String> {

	private final TonightsFacts facts;

	private final Register register;

	private final LocalDate runDate;

	private final Reconciliation reconciliation = new Reconciliation();

	ReconcileWriter(TonightsFacts facts, Register register, LocalDate runDate) {
		this.facts = facts;
		this.register = register;
		this.runDate = runDate;
	}

	@Override
	public void write(Chunk<? extends String> keyIds) {
		List<Reconciled> reconciled = this.facts.about(List.copyOf(keyIds.getItems()))
			.stream()
			.map(this.reconciliation::reconcile)
			.toList();
		this.register.replace(reconciled, this.runDate);
	}

}
