/**
 * Where the sources disagree: keys without a policy, policies without a key, usage for
 * keys no inventory lists, owners HR does not know, keys listed twice; recorded nightly,
 * exported as {@code <out>/reports/mismatches-<date>.csv}.
 */
@org.jspecify.annotations.NullMarked
package io.keyreview.mismatches;
