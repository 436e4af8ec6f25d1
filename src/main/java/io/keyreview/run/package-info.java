/**
 * What identifies and reports a run: its date, its review cycle, step progress and
 * summaries.
 */
@org.jspecify.annotations.NullMarked
package io.keyreview.run;
