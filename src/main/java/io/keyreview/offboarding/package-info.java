/**
 * The offboarding test: every HR exit in a window against the keys the person owned,
 * created or was technical owner of, with a verdict per key.
 */
@org.jspecify.annotations.NullMarked
package io.keyreview.offboarding;
