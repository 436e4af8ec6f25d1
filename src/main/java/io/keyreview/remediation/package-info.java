/**
 * Carrying out approved disable, delete and narrow decisions through the vendors' admin
 * APIs: a dry-run plan every night, requests only when asked, and a readback as proof.
 */
@org.jspecify.annotations.NullMarked
package io.keyreview.remediation;
