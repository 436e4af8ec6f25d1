package io.keyreview.secrets;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A loaded input record that may have carried secrets. */
public interface Exposed {

	@Nullable String keyId();

	List<Exposure> exposures();

}
