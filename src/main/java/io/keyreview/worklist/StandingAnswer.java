package io.keyreview.worklist;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** The answer that stands for an item: the last one recorded. */
record StandingAnswer(String decision, @Nullable String reason, String answeredBy, Instant answeredAt, String channel) {

}
