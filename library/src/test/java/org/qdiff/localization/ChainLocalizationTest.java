package org.qdiff.localization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qdiff.hamiltonian.Disorder;

/**
 * The one-dimensional Anderson model: every state is localized, with the weak-disorder lengths of
 * perturbation theory, and the clean chain has its exact exponents.
 */
class ChainLocalizationTest {

  /** Statistical error the weak-disorder checks need: well below their 3 % tolerance. */
  private static final double MAX_RELATIVE_ERROR = 0.007;

  private static LyapunovSpectrum weakBoxDisorder(double energy) {
    // xi ~ 100: L = 5e6 slices give a relative error sqrt(xi / L) ~ 0.45 %.
    return TransferMatrix.chain()
        .disorder(Disorder.box(1.0))
        .energy(energy)
        .length(5_000_000)
        .discard(1_000)
        .seed(7)
        .run();
  }

  private static void assertWithin(double expected, double tolerance, LyapunovSpectrum r) {
    double xi = r.localizationLength();
    double relativeError = r.standardError() / xi;
    assertTrue(relativeError < MAX_RELATIVE_ERROR, "statistical error too large: " + r);
    assertEquals(expected, xi, tolerance * expected, r.toString());
  }

  @Test
  void weakBoxDisorderAtTheBandCentreGivesKappusWegner105OverWSquared() {
    // At E = 0 the perturbation series is anomalous: 105 / W^2 instead of 24 * 4 / W^2 = 96 / W^2.
    LyapunovSpectrum r = weakBoxDisorder(0.0);
    assertWithin(105.0, 0.03, r);
    // and clearly not the naive Thouless value 96 (9 % below)
    assertTrue(r.localizationLength() > 96.0 * 1.04, r.toString());
  }

  @Test
  void weakBoxDisorderInsideTheBandGivesThoulessLength() {
    // xi = 24 (4 - E^2) / W^2 = 72 at E = 1, W = 1.
    assertWithin(24 * (4 - 1.0), 0.03, weakBoxDisorder(1.0));
  }

  @Test
  void cleanChainOutsideTheBandDecaysAtTheExactRate() {
    // psi_{n+1} = -E psi_n - psi_{n-1}: the growing solution is lambda^n, lambda + 1/lambda = E.
    for (double energy : new double[] {2.5, 3.0, -6.0}) {
      LyapunovSpectrum r = TransferMatrix.chain().energy(energy).length(10_000).discard(100).run();
      double exact = acosh(Math.abs(energy) / 2);
      assertEquals(exact, r.smallestPositiveExponent(), 1e-12, r.toString());
      assertEquals(1 / exact, r.localizationLength(), 1e-12 / exact / exact, r.toString());
    }
  }

  @Test
  void cleanChainInsideTheBandIsExtended() {
    // An elliptic transfer matrix: |psi_n| stays bounded, so gamma = ln|psi_L| / L -> 0 like 1 / L.
    for (long length : new long[] {10_000, 1_000_000}) {
      LyapunovSpectrum r = TransferMatrix.chain().energy(1.0).length(length).run();
      // |psi_n| <= 2 / sin k = 2.31 for E = -2 cos k = 1, starting from norm 1
      assertTrue(Math.abs(r.smallestPositiveExponent()) * length < Math.log(2.31), r.toString());
      assertTrue(r.localizationLength() > length, r.toString());
    }
  }

  static double acosh(double x) {
    return Math.log(x + Math.sqrt(x * x - 1));
  }
}
