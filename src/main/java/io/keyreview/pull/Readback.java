package io.keyreview.pull;

/**
 * What reading a key back from its vendor showed: whether it is in the state a decision
 * asks for, and the status and fields that say so.
 */
public record Readback(boolean done, String shows) {

}
