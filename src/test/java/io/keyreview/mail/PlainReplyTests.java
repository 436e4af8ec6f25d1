package io.keyreview.mail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.keyreview.mail.PlainReply.Match;
import io.keyreview.mail.PlainReply.Matched;
import io.keyreview.review.Decision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which lines of a plain reply answer which keys of its digest. */
class PlainReplyTests {

	private static final Map<String, String> TWO_KEYS = new LinkedHashMap<>(
			Map.of("alpha-prod", "alpha", "delta-prod", "Support classifier, prod"));

	@Test
	void aLineNamingOneKeyAnswersItWithItsFirstDecisionWordAndTheRestAsTheReason() {
		Match match = PlainReply.match(List.of("Alpha-Prod: KEEP - still used; we rotate it in January",
				"support classifier, prod -> delete", "thanks, Ann"), TWO_KEYS);

		assertThat(match.answers()).containsExactly(
				new Matched("alpha-prod", Decision.KEEP, "still used; we rotate it in January"),
				new Matched("delta-prod", Decision.DELETE, null));
		assertThat(match.ambiguities()).isEmpty();
	}

	@Test
	void aLineNamingTwoKeysOrAKeyAnsweredTwiceDifferentlyAnswersNothing() {
		Match match = PlainReply.match(
				List.of("keep alpha-prod and delta-prod", "delta-prod: disable", "delta-prod: keep after all"),
				TWO_KEYS);

		assertThat(match.answers()).isEmpty();
		assertThat(match.ambiguities()).containsExactly("the line 'keep alpha-prod and delta-prod' names 2 keys",
				"delta-prod is answered both disable and keep");
	}

	@Test
	void aDecisionWithoutAKeyAnswersADigestOfOneKeyOnly() {
		assertThat(PlainReply.match(List.of("Disable, please."), Map.of("alpha-prod", "alpha")).answers())
			.containsExactly(new Matched("alpha-prod", Decision.DISABLE, "please."));
		assertThat(PlainReply.match(List.of("Disable, please."), TWO_KEYS).answers()).isEmpty();
	}

	@Test
	void aKeyIdInsideALongerNameOrADecisionInsideAWordIsNoMatch() {
		assertThat(PlainReply.match(List.of("alpha-prod-2: keep", "alpha-prod: keeping it"), TWO_KEYS).answers())
			.isEmpty();
	}

}
