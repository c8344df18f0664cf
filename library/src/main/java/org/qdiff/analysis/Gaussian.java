package org.qdiff.analysis;

import java.util.function.DoubleUnaryOperator;
import org.qdiff.numeric.Check;

/** The mean-zero normal density of Eq. (12), {@code f(x) = exp(-x^2 / (2 s)) / sqrt(2 pi s)}. */
public final class Gaussian {

  private Gaussian() {}

  /**
   * The density {@code f_{sigma^2}} as a function of x.
   *
   * @param variance sigma^2, finite and > 0
   */
  public static DoubleUnaryOperator density(double variance) {
    Check.positive("Gaussian.density", "variance", variance);
    double norm = 1.0 / Math.sqrt(2 * Math.PI * variance);
    return x -> norm * Math.exp(-x * x / (2 * variance));
  }

  /**
   * The largest deviation {@code max_x |P(x) - f(x)|} of a lattice profile from the Gaussian of the
   * same second moment: a number to watch as the profile becomes Gaussian.
   *
   * @param x positions (not modified)
   * @param p probabilities at the positions, summing to about 1 (not modified)
   */
  public static double maxDeviation(double[] x, double[] p, double variance) {
    DoubleUnaryOperator f = density(variance);
    double worst = 0;
    for (int i = 0; i < x.length; i++) {
      worst = Math.max(worst, Math.abs(p[i] - f.applyAsDouble(x[i])));
    }
    return worst;
  }
}
