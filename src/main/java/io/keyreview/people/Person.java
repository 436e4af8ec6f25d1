package io.keyreview.people;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.keyreview.secrets.Exposed;
import io.keyreview.secrets.Exposure;
import org.jspecify.annotations.Nullable;

/**
 * One person as tonight's HR export lists them ({@code people.csv}), and the file that
 * does ({@code null} where it does not matter).
 */
public record Person(String email, @Nullable String personId, @Nullable String name, String status,
		@Nullable String workerType, @Nullable LocalDate terminationDate, @Nullable String managerEmail,
		@Nullable String department, @Nullable String costCenter, List<Exposure> exposures,
		@Nullable String inputFile) implements Exposed {

	/** The longest value (characters) each column of {@code person} holds. */
	public static final Map<String, Integer> MAX_LENGTHS = Map.of("email", 300, "person_id", 100, "name", 300,
			"manager_email", 300, "department", 200, "cost_center", 100);

	@Override
	public @Nullable String keyId() {
		return null;
	}

}
