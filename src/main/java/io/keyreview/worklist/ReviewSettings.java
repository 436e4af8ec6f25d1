package io.keyreview.worklist;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How work lists are addressed ({@code keyreview.review.*}).
 *
 * @param dueIn how long after a cycle ends its decisions are due
 * @param security where keys with no security owner are escalated, and unattributable
 * usage is reported
 * @param finance where unattributable spend is reported
 * @param defaultAfter how long after its due date an item closes: no answer is recorded
 * after that, and an item nobody answered gets the default of {@code onNoAnswer}
 * @param remindBefore when before the due date the addressees who have not answered every
 * item get a reminder of the items left, each point once
 * @param onNoAnswer the default of an item nobody answered by the time it closed:
 * {@code proposed} (the proposal stands), {@code disable}, or {@code none} (it stays
 * escalated)
 * @param actionGrace how long after the due date the action an answer asks for may take
 * before it is overdue and the security owner is told
 * @param expiryNoticeBefore when before a policy exception or a key itself expires its
 * owners are told, each point once
 */
@ConfigurationProperties("keyreview.review")
public record ReviewSettings(@DefaultValue("14d") Duration dueIn, @DefaultValue("security@example.com") String security,
		@DefaultValue("finance@example.com") String finance, @DefaultValue("7d") Duration defaultAfter, @DefaultValue( {
				"7d", "1d" }) List<Duration> remindBefore,
		@DefaultValue("proposed") String onNoAnswer, @DefaultValue("14d") Duration actionGrace,
		@DefaultValue({ "30d", "7d", "1d" }) List<Duration> expiryNoticeBefore){

	public ReviewSettings {
		if (!List.of("proposed", "disable", "none").contains(onNoAnswer)) {
			throw new IllegalArgumentException(
					"keyreview.review.on-no-answer must be proposed, disable or none, was '" + onNoAnswer + "'");
		}
	}

	/**
	 * The earliest due date of a cycle a night on {@code today} still follows up
	 * (reminds, escalates, defaults, tracks and reports): its items closed at most 31
	 * days ago.
	 */
	public LocalDate followedFrom(LocalDate today) {
		return today.minusDays(this.defaultAfter.toDays() + 31);
	}

	/**
	 * The latest of the points (so many days before {@code date}) that {@code today} has
	 * reached, in days before the date; null before the first. A night that did not run
	 * costs no point twice: the next one sends only the latest.
	 */
	public static @Nullable Long latestPointReached(List<Duration> pointsBefore, LocalDate date, LocalDate today) {
		Long latest = null;
		for (Duration before : pointsBefore) {
			long days = before.toDays();
			if (!today.isBefore(date.minusDays(days)) && (latest == null || days < latest)) {
				latest = days;
			}
		}
		return latest;
	}

}
