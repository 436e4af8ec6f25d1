package io.keyreview.jobs;

import java.util.Set;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;

import org.springframework.stereotype.Component;

/**
 * Gives Spring Batch's item observations a {@code status} when they end without one.
 * Batch sets it on success and on a handled failure, but an exception it rethrows ends
 * the observation with no status; Prometheus then refuses that timer (its tag keys differ
 * from the others of the same name) and logs a warning that hides the real failure.
 */
@Component
class BatchObservationStatus implements ObservationFilter {

	private static final Set<String> ITEM_OBSERVATIONS = Set.of("spring.batch.item.read", "spring.batch.item.process",
			"spring.batch.chunk.write");

	@Override
	public Observation.Context map(Observation.Context context) {
		String name = context.getName();
		if (name != null && ITEM_OBSERVATIONS.contains(name)) {
			String status = name + ".status";
			if (context.getLowCardinalityKeyValue(status) == null) {
				context.addLowCardinalityKeyValue(KeyValue.of(status, "FAILURE"));
			}
		}
		return context;
	}

}
