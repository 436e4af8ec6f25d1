package io.keyreview.review;

import java.time.LocalDate;

import io.keyreview.people.Person;
import io.keyreview.policy.Directory.Group;
import org.jspecify.annotations.Nullable;

/**
 * An owner named by a policy or an inventory, resolved: a group of the directory (and its
 * accountable person), or a person of the HR export, or neither.
 *
 * @param person the person for a person owner, the accountable person for a group
 */
public record Owner(String name, @Nullable Group group, @Nullable Person person) {

	public boolean known() {
		return this.group != null || this.person != null;
	}

	/** A group that is a shared mailbox with no accountable person. */
	public boolean mailboxOnly() {
		return this.group != null && this.group.accountable() == null;
	}

	public boolean leftBy(LocalDate day) {
		return this.person != null && Owner.left(this.person, day);
	}

	static boolean left(Person person, LocalDate day) {
		return "terminated".equals(person.status())
				&& (person.terminationDate() == null || !person.terminationDate().isAfter(day));
	}

}
