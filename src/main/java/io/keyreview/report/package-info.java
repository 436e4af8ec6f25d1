/**
 * The page people look at: {@code <out>/reports/index.html}, one self-contained HTML file
 * summarising the night, each part linking to the CSV it summarises.
 */
@org.jspecify.annotations.NullMarked
package io.keyreview.report;
