package org.qdiff.hamiltonian;

/**
 * An interval {@code [lower, upper]} for the spectrum of a Hamiltonian: either bounds that contain
 * it for certain ({@link Hamiltonian#spectralBounds()}) or a tight estimate ({@link
 * Hamiltonian#estimatedSpectralBounds()}). Energies in units of the hopping.
 *
 * @param lower lower end (a bound on, or an estimate of, the smallest eigenvalue)
 * @param upper upper end (a bound on, or an estimate of, the largest eigenvalue)
 */
public record SpectralBounds(double lower, double upper) {

  /**
   * Where the spectral interval of a Chebyshev expansion comes from ({@code
   * Propagators.chebyshev().bounds(...)}, {@code DensityOfStates.bounds(...)}).
   */
  public enum Source {
    /**
     * Gershgorin discs ({@link Hamiltonian#spectralBounds()}): they contain the spectrum for
     * certain, but may be much wider than it (band matrices: +-8 against +-2).
     */
    GERSHGORIN,
    /**
     * A few Lanczos steps with a safety margin ({@link Hamiltonian#estimatedSpectralBounds()}):
     * close to the true extremes, hence fewer terms, but an estimate. Methods that use it verify it
     * while they run and fall back to {@link #GERSHGORIN} when part of the spectrum shows up
     * outside.
     */
    LANCZOS
  }

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
