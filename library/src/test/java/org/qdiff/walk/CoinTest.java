package org.qdiff.walk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The standard coins are the matrices of their definitions, unitary; bad matrices are refused. */
class CoinTest {

  private static void assertEntry(double re, double im, Complex z, String what) {
    assertEquals(re, z.getReal(), 1e-15, what + " (real part)");
    assertEquals(im, z.getImaginary(), 1e-15, what + " (imaginary part)");
  }

  @Test
  void hadamardIsOneOverRootTwoTimesOnesWithMinusInTheCorner() {
    Coin h = Coin.hadamard();
    double s = 1 / Math.sqrt(2);
    assertEquals(2, h.dimension());
    assertEntry(s, 0, h.entry(0, 0), "H00");
    assertEntry(s, 0, h.entry(0, 1), "H01");
    assertEntry(s, 0, h.entry(1, 0), "H10");
    assertEntry(-s, 0, h.entry(1, 1), "H11");
    assertTrue(h.unitarityDeviation() < 1e-15);
  }

  @Test
  void groverIsTwoOverCMinusTheIdentityAndTheSwapForTwoStates() {
    Coin swap = Coin.grover(2);
    assertEquals(0.0, swap.entry(0, 0).getReal(), 0.0);
    assertEquals(1.0, swap.entry(0, 1).getReal(), 0.0);
    assertEquals(1.0, swap.entry(1, 0).getReal(), 0.0);
    assertEquals(0.0, swap.entry(1, 1).getReal(), 0.0);
    for (int c = 1; c <= 12; c++) {
      Coin g = Coin.grover(c);
      for (int j = 0; j < c; j++) {
        for (int k = 0; k < c; k++) {
          assertEntry(2.0 / c - (j == k ? 1 : 0), 0, g.entry(j, k), "G" + j + k + ", c = " + c);
        }
      }
      assertTrue(g.unitarityDeviation() < 1e-15, "Grover " + c + " is unitary");
    }
  }

  @Test
  void fourierHasEntriesOmegaToTheJkOverRootC() {
    for (int c = 1; c <= 12; c++) {
      Coin f = Coin.fourier(c);
      for (int j = 0; j < c; j++) {
        for (int k = 0; k < c; k++) {
          double angle = 2 * Math.PI * j * k / c;
          Complex z = f.entry(j, k);
          String what = "F" + j + k + ", c = " + c;
          // To round-off: the angle 2 pi j k / c itself is rounded.
          assertEquals(Math.cos(angle) / Math.sqrt(c), z.getReal(), 1e-14, what);
          assertEquals(Math.sin(angle) / Math.sqrt(c), z.getImaginary(), 1e-14, what);
        }
      }
      assertTrue(f.unitarityDeviation() < 1e-15, "Fourier " + c + " is unitary");
    }
    // For c = 2 the Fourier coin is the Hadamard coin, entry for entry.
    Coin f2 = Coin.fourier(2);
    Coin h = Coin.hadamard();
    for (int j = 0; j < 2; j++) {
      for (int k = 0; k < 2; k++) {
        assertEquals(h.entry(j, k), f2.entry(j, k));
      }
    }
    // omega = i for c = 4: the entries are exactly +-1/2 and +-i/2.
    assertEntry(0, 0.5, Coin.fourier(4).entry(1, 1), "F11, c = 4");
    assertEntry(-0.5, 0, Coin.fourier(4).entry(1, 2), "F12, c = 4");
  }

  @Test
  void userCoinsFromRealComplexAndSplitMatricesKeepTheirEntries() {
    double a = 0.3;
    double phi = 0.7;
    double chi = -1.1;
    // The general U(2) coin [[cos a, e^{i phi} sin a], [e^{i chi} sin a, -e^{i(phi+chi)} cos a]].
    Complex[][] m = {
      {new Complex(Math.cos(a)), Complex.valueOf(0, phi).exp().multiply(Math.sin(a))},
      {
        Complex.valueOf(0, chi).exp().multiply(Math.sin(a)),
        Complex.valueOf(0, phi + chi).exp().multiply(-Math.cos(a))
      }
    };
    Coin coin = Coin.of(m);
    for (int j = 0; j < 2; j++) {
      for (int k = 0; k < 2; k++) {
        assertEntry(m[j][k].getReal(), m[j][k].getImaginary(), coin.entry(j, k), "C" + j + k);
      }
    }
    Coin rotation =
        Coin.of(new double[][] {{Math.cos(a), -Math.sin(a)}, {Math.sin(a), Math.cos(a)}});
    assertEntry(-Math.sin(a), 0, rotation.entry(0, 1), "R01");
    double[][] re = coin.real();
    double[][] im = coin.imaginary();
    Coin again = Coin.of(re, im);
    assertEquals(coin.entry(1, 1), again.entry(1, 1));
  }

  // ---------------------------------------------------------------- validation

  private static void rejects(String mustMention, Executable e) {
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, e);
    assertTrue(
        thrown.getMessage().contains(mustMention),
        "message should mention \"" + mustMention + "\": " + thrown.getMessage());
  }

  @Test
  void nonUnitaryMatrixIsRefusedWithItsDeviation() {
    rejects(
        "Coin.of: the matrix must be unitary", () -> Coin.of(new double[][] {{1, 0.3}, {0, 1}}));
    rejects("got deviation 0.3", () -> Coin.of(new double[][] {{1, 0.3}, {0, 1}}));
    // Four digits of 1/sqrt 2 are not enough.
    rejects("deviation", () -> Coin.of(new double[][] {{0.7071, 0.7071}, {0.7071, -0.7071}}));
    rejects("unitary", () -> Coin.of(new double[][] {{2}}));
  }

  @Test
  void nonSquareOrRaggedOrEmptyMatrixIsRefused() {
    rejects(
        "real must be square (2 rows of 2 entries), got row 0 of length 3",
        () -> Coin.of(new double[][] {{1, 0, 0}, {0, 1, 0}}));
    rejects("got row 1 of length 1", () -> Coin.of(new double[][] {{1, 0}, {0}}));
    rejects("row 1 null", () -> Coin.of(new double[][] {{1, 0}, null}));
    rejects("c >= 1, got 0 rows", () -> Coin.of(new double[0][]));
    rejects("real must not be null", () -> Coin.of((double[][]) null));
    rejects(
        "real and imaginary must have the same shape",
        () -> Coin.of(new double[][] {{1, 0}, {0, 1}}, new double[3][3]));
    rejects("matrix must be square", () -> Coin.of(new Complex[][] {{Complex.ONE, Complex.ZERO}}));
  }

  @Test
  void nonFiniteOrMissingEntriesAreRefusedByPosition() {
    rejects(
        "real[0][1] must be finite, got NaN",
        () -> Coin.of(new double[][] {{1, Double.NaN}, {0, 1}}));
    rejects(
        "imaginary[1][0] must be finite",
        () ->
            Coin.of(
                new double[][] {{1, 0}, {0, 1}},
                new double[][] {{0, 0}, {Double.POSITIVE_INFINITY, 0}}));
    rejects(
        "matrix[0][1] must not be null",
        () -> Coin.of(new Complex[][] {{Complex.ONE, null}, {Complex.ZERO, Complex.ONE}}));
  }

  @Test
  void dimensionBelowOneIsRefused() {
    rejects("Coin.grover: dimension must be >= 1, got 0", () -> Coin.grover(0));
    rejects("Coin.fourier: dimension must be >= 1, got -2", () -> Coin.fourier(-2));
    rejects("Coin.entry: j must be in [0, 1], got 2", () -> Coin.hadamard().entry(2, 0));
  }
}
