package io.keyreview.pull;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * A request to a vendor's admin API as keyreview plans and sends it; the credential goes
 * only in the request's header, never here.
 */
public record AdminRequest(String method, URI url, @Nullable String body) {

	/** No request: the vendor's API cannot carry the decision out. */
	public static final AdminRequest NONE = new AdminRequest("", URI.create(""), null);

}
