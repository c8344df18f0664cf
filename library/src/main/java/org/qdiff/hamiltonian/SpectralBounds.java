package org.qdiff.hamiltonian;

/**
 * An interval {@code [lower, upper]} that contains the whole spectrum of a Hamiltonian.
 *
 * @param lower lower bound on the smallest eigenvalue
 * @param upper upper bound on the largest eigenvalue
 */
public record SpectralBounds(double lower, double upper) {

  /** The middle of the interval. */
  public double center() {
    return 0.5 * (lower + upper);
  }

  /** Half the width of the interval. */
  public double halfWidth() {
    return 0.5 * (upper - lower);
  }

  /** True if {@code energy} lies in the interval. */
  public boolean contains(double energy) {
    return energy >= lower && energy <= upper;
  }

  @Override
  public String toString() {
    return String.format("[%.6g, %.6g]", lower, upper);
  }
}
