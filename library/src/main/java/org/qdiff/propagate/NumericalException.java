package org.qdiff.propagate;

/**
 * A numerical failure during an evolution: a non-finite value in the state, or the norm drifting
 * beyond its tolerance. The message names the time, the quantity and the limit.
 */
public final class NumericalException extends RuntimeException {

  private final double time;

  /**
   * A failure detected at a time.
   *
   * @param time the output time (or step) at which it was detected
   * @param message names the quantity, its value and the limit
   */
  public NumericalException(double time, String message) {
    super(message);
    this.time = time;
  }

  /** The output time at which the failure was detected. */
  public double time() {
    return time;
  }
}
