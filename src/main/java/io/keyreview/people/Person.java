package io.keyreview.people;

import java.time.LocalDate;
import java.util.List;

import io.keyreview.support.Exposed;
import io.keyreview.support.Exposure;
import org.jspecify.annotations.Nullable;

/** One person as tonight's HR export lists them ({@code people.csv}). */
public record Person(String email, @Nullable String personId, @Nullable String name, String status,
		@Nullable String workerType, @Nullable LocalDate terminationDate, @Nullable String managerEmail,
		@Nullable String department, @Nullable String costCenter, List<Exposure> exposures) implements Exposed {

	@Override
	public @Nullable String keyId() {
		return null;
	}

}
