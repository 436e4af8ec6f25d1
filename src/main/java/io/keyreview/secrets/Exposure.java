package io.keyreview.secrets;

/** Where a secret was found in an input: the cell now holds only its fingerprint. */
public record Exposure(String file, long line, String column, String fingerprint) {

}
