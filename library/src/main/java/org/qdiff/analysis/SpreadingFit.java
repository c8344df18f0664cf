package org.qdiff.analysis;

/**
 * A power law {@code MSD = prefactor * t^exponent} fitted by least squares on log-log axes.
 *
 * @param exponent alpha
 * @param exponentError standard error of alpha from the regression (0 with two points)
 * @param prefactor the amplitude
 * @param points number of (t, MSD) pairs used
 * @param tMin start of the window used
 * @param tMax end of the window used
 */
public record SpreadingFit(
    double exponent, double exponentError, double prefactor, int points, double tMin, double tMax) {

  /** Ballistic, diffusive or trapped, by the nearest of the exponents 2, 1, 0. */
  public Regime regime() {
    return Regime.ofExponent(exponent);
  }

  /** The fitted curve at time t. */
  public double at(double t) {
    return prefactor * Math.pow(t, exponent);
  }

  @Override
  public String toString() {
    return String.format(
        "MSD ~ %.4g t^%.4f (+- %.2g) over t in [%s, %s], %d points: %s",
        prefactor, exponent, exponentError, tMin, tMax, points, regime());
  }
}
