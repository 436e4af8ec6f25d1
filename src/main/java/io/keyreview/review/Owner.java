package io.keyreview.review;

import java.time.LocalDate;
import java.util.Set;

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

	static final Set<String> EXTERNAL_WORKERS = Set.of("contractor", "vendor");

	public boolean known() {
		return this.group != null || this.person != null;
	}

	/** A group that is a shared mailbox with no accountable person. */
	public boolean mailboxOnly() {
		return this.group != null && this.group.accountable() == null;
	}

	/** A person owner, or a group's accountable person, on leave (HR status leave). */
	public boolean onLeave() {
		return this.person != null && "leave".equals(this.person.status());
	}

	public boolean leftBy(LocalDate day) {
		return this.person != null && Owner.left(this.person, day);
	}

	/** Left, or a contractor or vendor whose contract ended before the day. */
	public boolean goneBy(LocalDate day) {
		return this.person != null && Owner.gone(this.person, day);
	}

	static boolean gone(Person person, LocalDate day) {
		return left(person, day)
				|| (external(person) && person.terminationDate() != null && person.terminationDate().isBefore(day));
	}

	static boolean external(Person person) {
		return person.workerType() != null && EXTERNAL_WORKERS.contains(person.workerType());
	}

	static boolean left(Person person, LocalDate day) {
		return "terminated".equals(person.status())
				&& (person.terminationDate() == null || !person.terminationDate().isAfter(day));
	}

}
