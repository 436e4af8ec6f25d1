package io.keyreview.pull;

import java.net.URI;

/** One listing of a source: its first page and how to find the next. */
record Endpoint(String name, URI first, Paging paging) {

}
