package io.keyreview.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.keyreview.people.Person;
import io.keyreview.policy.Directory;
import io.keyreview.support.Identities;
import org.jspecify.annotations.Nullable;

/**
 * What every rule sees besides the key: the run date, the thresholds, HR and the
 * directory.
 */
public record ReviewContext(LocalDate runDate, RuleSettings settings, Map<String, Person> people, Directory directory) {

	public @Nullable Owner owner(@Nullable String name) {
		String normalised = Identities.normalise(name);
		if (normalised == null) {
			return null;
		}
		Directory.Group group = this.directory.groups().get(normalised);
		if (group != null) {
			return new Owner(normalised, group, (group.accountable() != null) ? person(group.accountable()) : null);
		}
		return new Owner(normalised, null, person(normalised));
	}

	public @Nullable Person person(@Nullable String email) {
		String normalised = Identities.normalise(email);
		return (normalised != null) ? this.people.get(normalised) : null;
	}

	public List<String> modelsOf(String modelGroup) {
		return this.directory.modelGroups().getOrDefault(modelGroup, List.of());
	}

	public boolean isProductionRoute(String route) {
		return "production".equals(this.directory.routes().get(route));
	}

	long daysSince(LocalDate day) {
		return ChronoUnit.DAYS.between(day, this.runDate);
	}

	static LocalDate day(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC);
	}

}
