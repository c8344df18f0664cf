package org.qdiff.localization;

/**
 * The slices of a quasi-one-dimensional system: one step of a transfer relation, applied to many
 * vectors at once.
 *
 * <p>The vectors live in a row-major buffer of {@link #rows()} rows (the components of the state:
 * the wave function on the last two slices, or on the last 2b sites of a band matrix) and {@code
 * cols} columns (one per vector), so that inner loops run over contiguous vectors. Which row holds
 * which component is the implementation's business: the QR that follows a step does not depend on
 * the order of the rows. An instance owns scratch state and serves one run on one thread.
 */
abstract class Slices {

  /** The number of components of the state, 2N. */
  abstract int rows();

  /**
   * Advances every column by one slice.
   *
   * @param slice n = 0, 1, 2, ..., the slice whose equation is used
   * @param y the vectors, {@code rows() x cols} (modified)
   * @param cols number of columns of y
   */
  abstract void step(long slice, double[] y, int cols);
}
