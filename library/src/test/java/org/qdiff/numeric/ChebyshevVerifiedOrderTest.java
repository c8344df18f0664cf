package org.qdiff.numeric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The error bound of a verified Chebyshev step, checked on single eigenvalues against the exact
 * phase {@code exp(-i z x)}: an eigencomponent outside {@code [-1, 1]} with the largest amplitude
 * that passes the growth check, {@code |c| = rho / cosh(K eta)}, is still propagated within the
 * tolerance.
 */
class ChebyshevVerifiedOrderTest {

  /** {@code |c (exp(-i z x) - S_K(x))|} with {@code c = rho / cosh(K eta)}, x = cosh(eta) >= 1. */
  private static double undetectedError(double[] j, double z, double eta) {
    int order = j.length - 1;
    double x = Math.cosh(eta);
    // c cosh(k eta) = rho cosh(k eta) / cosh(K eta), formed without overflow
    double norm = 1 / (1 + Math.exp(-2 * order * eta));
    double sumRe = 0;
    double sumIm = 0;
    for (int k = 0; k <= order; k++) {
      double scaled =
          Chebyshev.GROWTH_LIMIT
              * (Math.exp((k - order) * eta) + Math.exp(-(k + order) * eta))
              * norm;
      double term = (k == 0 ? 1 : 2) * j[k] * scaled;
      // (-i)^k
      switch (k & 3) {
        case 0 -> sumRe += term;
        case 1 -> sumIm -= term;
        case 2 -> sumRe -= term;
        default -> sumIm += term;
      }
    }
    double c = Chebyshev.GROWTH_LIMIT * 2 * Math.exp(-order * eta) * norm;
    double exactRe = c * Math.cos(z * x);
    double exactIm = -c * Math.sin(z * x);
    return Math.hypot(exactRe - sumRe, exactIm - sumIm);
  }

  private static double worstOutside(double[] j, double z, double reach) {
    double etaMax = Math.log(reach + Math.sqrt(reach * reach - 1));
    double worst = 0;
    for (int i = 1; i <= 4000; i++) {
      double eta = etaMax * Math.pow(1e-4, 1 - i / 4000.0);
      worst = Math.max(worst, undetectedError(j, z, eta));
    }
    return worst;
  }

  @Test
  void anUndetectedComponentOutsideTheIntervalStaysWithinTheTolerance() {
    for (double reach : new double[] {1.02, 1.23, 4.1}) {
      for (double z : new double[] {0.3, 3, 40, 260, 1500}) {
        for (double tolerance : new double[] {1e-6, 1e-10, 1e-13}) {
          double[] j = Chebyshev.besselCoefficients(z, tolerance, reach);
          double worst = worstOutside(j, z, reach);
          // Rounding: the Bessel values carry relative errors near 1e-14 (the propagator's alike)
          double sum = 0;
          for (double jk : j) {
            sum += 2 * Math.abs(jk);
          }
          assertTrue(
              worst <= tolerance + 1e-14 * sum,
              "reach " + reach + ", z " + z + ", tol " + tolerance + ": error " + worst);
        }
      }
    }
  }

  @Test
  void thePlainCutCanMissTheToleranceOutside() {
    // Cut only where 2 sum_{k>K} |J_k| <= tol, the series can leave a component that the growth
    // check cannot see with an error above the tolerance: the extra orders are needed.
    double z = 3;
    double tolerance = 1e-10;
    double[] plain = Chebyshev.besselCoefficients(z, tolerance);
    double worst = worstOutside(plain, z, 1.23);
    assertTrue(worst > 1.02 * tolerance, "plain cut: worst error " + worst);
  }

  @Test
  void theVerifiedOrderCostsAFewTermsMore() {
    for (double z : new double[] {3, 40, 260, 1500, 4000}) {
      int plain = Chebyshev.besselCoefficients(z, 1e-10).length;
      int verified = Chebyshev.besselCoefficients(z, 1e-10, 1.23).length;
      assertTrue(verified >= plain, "z = " + z);
      assertTrue(
          verified <= plain + 4 + 0.02 * plain, "z = " + z + ": " + verified + " > " + plain);
    }
  }

  @Test
  void aGuaranteedIntervalGetsThePlainCut() {
    assertArrayEquals(
        Chebyshev.besselCoefficients(123.4, 1e-12),
        Chebyshev.besselCoefficients(123.4, 1e-12, 1.0),
        0.0);
    assertArrayEquals(
        Chebyshev.besselCoefficients(123.4, 1e-12),
        Chebyshev.besselCoefficients(123.4, 1e-12, 0.7),
        0.0);
  }
}
