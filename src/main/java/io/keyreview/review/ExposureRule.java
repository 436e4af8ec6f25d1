package io.keyreview.review;

import java.util.Optional;

/** {@code exposure}: a secret of the key appeared in an input since its last rotation. */
class ExposureRule implements Rule {

	@Override
	public String id() {
		return "exposure";
	}

	@Override
	public Optional<Finding> check(ReviewedKey key, ReviewContext context) {
		if (key.exposures() == 0) {
			return Optional.empty();
		}
		return fails(Decision.ROTATE, key.exposures() + " secret(s) of this key found in the inputs since its last "
				+ "rotation: revoke it now and cut over to a new key");
	}

}
