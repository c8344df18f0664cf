package org.qdiff.numeric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FourierTest {

  /** The definition, summed directly: X_k = N^{-1/2} sum_j x_j exp(-2 pi i j.k / side). */
  private static double[][] naiveForward(int[] sides, double[] re, double[] im) {
    int n = re.length;
    double[] outRe = new double[n];
    double[] outIm = new double[n];
    int[] k = new int[sides.length];
    int[] j = new int[sides.length];
    for (int kk = 0; kk < n; kk++) {
      unflatten(kk, sides, k);
      double sr = 0;
      double si = 0;
      for (int jj = 0; jj < n; jj++) {
        unflatten(jj, sides, j);
        double phase = 0;
        for (int a = 0; a < sides.length; a++) {
          phase -= 2 * Math.PI * ((long) j[a] * k[a] % sides[a]) / sides[a];
        }
        double c = Math.cos(phase);
        double s = Math.sin(phase);
        sr += re[jj] * c - im[jj] * s;
        si += re[jj] * s + im[jj] * c;
      }
      outRe[kk] = sr / Math.sqrt(n);
      outIm[kk] = si / Math.sqrt(n);
    }
    return new double[][] {outRe, outIm};
  }

  private static void unflatten(int index, int[] sides, int[] out) {
    for (int a = sides.length - 1; a >= 0; a--) {
      out[a] = index % sides[a];
      index /= sides[a];
    }
  }

  private static double[] random(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = random.nextDouble(-1, 1);
    }
    return x;
  }

  @ParameterizedTest
  @ValueSource(strings = {"12", "7", "16", "6x5", "4x8", "3x4x5", "4x4x4"})
  void forwardTransformIsTheUnitaryDiscreteFourierTransform(String shape) {
    String[] parts = shape.split("x");
    int[] sides = new int[parts.length];
    int n = 1;
    for (int a = 0; a < parts.length; a++) {
      sides[a] = Integer.parseInt(parts[a]);
      n *= sides[a];
    }
    double[] re = random(n, 1);
    double[] im = random(n, 2);
    double[][] expected = naiveForward(sides, re, im);
    double[] fRe = re.clone();
    double[] fIm = im.clone();
    Fourier fourier = Fourier.of(sides);
    fourier.forward(fRe, fIm);
    assertArrayEquals(expected[0], fRe, 1e-12);
    assertArrayEquals(expected[1], fIm, 1e-12);
    fourier.inverse(fRe, fIm);
    assertArrayEquals(re, fRe, 1e-14);
    assertArrayEquals(im, fIm, 1e-14);
  }

  @Test
  void transformKeepsTheNorm() {
    int n = 1 << 12;
    double[] re = random(n, 3);
    double[] im = random(n, 4);
    double before = 0;
    for (int i = 0; i < n; i++) {
      before += re[i] * re[i] + im[i] * im[i];
    }
    Fourier.of(n).forward(re, im);
    double after = 0;
    for (int i = 0; i < n; i++) {
      after += re[i] * re[i] + im[i] * im[i];
    }
    assertEquals(before, after, 1e-12 * before);
  }

  @Test
  void waveNumbersRunFromMinusPiToPi() {
    assertEquals(0, Fourier.waveNumber(0, 8));
    assertEquals(2 * Math.PI * 3 / 8, Fourier.waveNumber(3, 8), 1e-15);
    assertEquals(-Math.PI, Fourier.waveNumber(4, 8), 1e-15);
    assertEquals(-2 * Math.PI / 8, Fourier.waveNumber(7, 8), 1e-15);
    assertEquals(-2 * Math.PI * 2 / 5, Fourier.waveNumber(3, 5), 1e-15);
  }

  @Test
  void sameNumbersOnOneAndTwoThreads() {
    int n = 1 << 18;
    int before = Parallel.threads();
    try {
      double[][] results = new double[2][];
      for (int threads = 1; threads <= 2; threads++) {
        Parallel.setThreads(threads);
        double[] re = random(n, 5);
        double[] im = random(n, 6);
        Fourier.of(n).forward(re, im);
        results[threads - 1] = re;
      }
      assertArrayEquals(results[0], results[1], 0.0);
      for (int threads = 1; threads <= 2; threads++) {
        Parallel.setThreads(threads);
        double[] re = random(64 * 64 * 64, 7);
        double[] im = random(64 * 64 * 64, 8);
        Fourier.of(64, 64, 64).forward(re, im);
        results[threads - 1] = im;
      }
      assertArrayEquals(results[0], results[1], 0.0);
    } finally {
      Parallel.setThreads(before);
    }
  }

  @Test
  void badShapesAreRejectedNamingTheParameter() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Fourier.of(4, 0));
    assertTrue(e.getMessage().contains("sides[1]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Fourier.of(2, 2, 2, 2));
    assertTrue(e.getMessage().contains("sides"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Fourier.of(4).forward(new double[3], new double[4]));
    assertTrue(e.getMessage().contains("length"), e.getMessage());
  }
}
