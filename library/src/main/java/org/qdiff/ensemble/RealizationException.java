package org.qdiff.ensemble;

import org.qdiff.random.Seed;

/**
 * A realization of an ensemble threw an exception. The message and the accessors name the
 * realization and its seed, so that the failing case can be rerun alone: {@code
 * realization.run(seed())}. The exception the realization threw is the cause.
 */
public final class RealizationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int index;
  private final transient Seed seed;

  RealizationException(int index, Seed seed, String message, Throwable cause) {
    super(message, cause);
    this.index = index;
    this.seed = seed;
  }

  /** The index i of the failed realization, in [0, R). */
  public int index() {
    return index;
  }

  /** The seed the realization was given, {@code masterSeed.realization(i)}. */
  public Seed seed() {
    return seed;
  }
}
