package org.qdiff.rotor;

/**
 * Probability reached the edges of the kicked rotor's momentum grid beyond the tolerance: with more
 * weight there, the N momenta kept no longer stand for all integers n (the FFT would fold it over
 * to the other side). The message names the kick, the weight, the tolerance and the fix.
 */
public final class MomentumCutoffException extends RuntimeException {

  private final int kick;

  MomentumCutoffException(int kick, String message) {
    super(message);
    this.kick = kick;
  }

  /** The kick after which the edge weight exceeded the tolerance. */
  public int kick() {
    return kick;
  }
}
