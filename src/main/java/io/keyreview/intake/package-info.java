/**
 * Reading landed inputs: the CSV reader and its rows, column mappings, the load steps,
 * rejected rows.
 */
@org.jspecify.annotations.NullMarked
package io.keyreview.intake;
