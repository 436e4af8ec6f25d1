package io.keyreview.review;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import io.keyreview.people.People;
import io.keyreview.policy.Directory;
import io.keyreview.review.ReviewedKey.Approval;
import io.keyreview.support.Identities;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ReviewContext} of each chunk of keys a step reviews: the directory, read
 * once, and only the people the chunk's keys name (owners, creators, the accountable
 * people of owner groups), read for the chunk, so no step holds the whole HR export.
 */
public class ReviewContexts {

	private final LocalDate day;

	private final RuleSettings settings;

	private final People people;

	private final Directory directory;

	ReviewContexts(LocalDate day, RuleSettings settings, People people, Directory directory) {
		this.day = day;
		this.settings = settings;
		this.people = people;
		this.directory = directory;
	}

	public ReviewContext of(Collection<ReviewedKey> keys) {
		Set<String> emails = new HashSet<>();
		for (ReviewedKey key : keys) {
			Approval policy = key.policy();
			Stream.of(key.owner(), key.createdBy(), (policy != null) ? policy.businessOwner() : null,
					(policy != null) ? policy.technicalOwner() : null, (policy != null) ? policy.securityOwner() : null,
					(policy != null) ? policy.financeOwner() : null)
				.forEach((name) -> addPerson(emails, name));
		}
		return new ReviewContext(this.day, this.settings, this.people.byEmail(emails), this.directory);
	}

	/** The person a name is, or the accountable person of the group it names. */
	private void addPerson(Set<String> emails, @Nullable String name) {
		String normalised = Identities.normalise(name);
		if (normalised == null) {
			return;
		}
		Directory.Group group = this.directory.groups().get(normalised);
		if (group == null) {
			emails.add(normalised);
		}
		else if (Identities.normalise(group.accountable()) != null) {
			emails.add(Identities.normalise(group.accountable()));
		}
	}

}
