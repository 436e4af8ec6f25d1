package io.keyreview.pull;

import java.net.URI;
import java.net.http.HttpHeaders;

/** One page an API answered: where it came from, its headers and its body, unchanged. */
record Page(URI uri, HttpHeaders headers, String body) {

}
