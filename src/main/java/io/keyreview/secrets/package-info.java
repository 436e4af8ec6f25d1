/**
 * Finding secrets in inputs and logs and replacing them with fingerprints.
 */
@org.jspecify.annotations.NullMarked
package io.keyreview.secrets;
