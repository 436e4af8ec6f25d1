package io.keyreview.review;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Who is told about a key and why: a person or mailbox, with a group's mailbox in Cc when
 * the group is the owner.
 *
 * @param roles why this addressee hears about the key ("business owner", ...)
 */
public record Addressee(String to, @Nullable String cc, List<String> roles) {

}
