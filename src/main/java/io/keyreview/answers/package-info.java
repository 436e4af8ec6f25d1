/**
 * The owners' answers to the review: each valid answer recorded once, whichever channel
 * brought it, and checked against the item it answers.
 */
@org.jspecify.annotations.NullMarked
package io.keyreview.answers;
