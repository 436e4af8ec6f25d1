@org.jspecify.annotations.NullMarked
package io.keyreview.evidence;
