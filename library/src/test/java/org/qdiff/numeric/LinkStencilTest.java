package org.qdiff.numeric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The link kernel against the dense matrix written from its definition. */
class LinkStencilTest {

  /** Random per-cell links (and a uniform one along the last axis) on a box. */
  private static LinkStencil randomLinks(
      int[] sides, boolean[] periodic, int s, long seed, boolean uniformLast) {
    Random random = new Random(seed);
    int cells = 1;
    for (int side : sides) {
      cells *= side;
    }
    int d = sides.length;
    double[][] re = new double[d][];
    double[][] im = new double[d][];
    for (int a = 0; a < d; a++) {
      int len = uniformLast && a == d - 1 ? s * s : cells * s * s;
      re[a] = new double[len];
      im[a] = new double[len];
      for (int k = 0; k < len; k++) {
        re[a][k] = random.nextGaussian();
        im[a][k] = random.nextGaussian();
      }
    }
    return LinkStencil.of(sides, periodic, s, re, im);
  }

  /**
   * The dense matrix {@code <x+e_a, sigma|H|x, tau> = U_a(x)[sigma][tau]} and its adjoint, from the
   * same random numbers as {@link #randomLinks}, as {re, im}.
   */
  private static double[][][] dense(
      int[] sides, boolean[] periodic, int s, long seed, boolean uniformLast) {
    Random random = new Random(seed);
    int cells = 1;
    for (int side : sides) {
      cells *= side;
    }
    int d = sides.length;
    int n = cells * s;
    double[][] hr = new double[n][n];
    double[][] hi = new double[n][n];
    int[] stride = new int[d];
    int st = 1;
    for (int a = d - 1; a >= 0; a--) {
      stride[a] = st;
      st *= sides[a];
    }
    for (int a = 0; a < d; a++) {
      int len = uniformLast && a == d - 1 ? s * s : cells * s * s;
      double[] ur = new double[len];
      double[] ui = new double[len];
      for (int k = 0; k < len; k++) {
        ur[k] = random.nextGaussian();
        ui[k] = random.nextGaussian();
      }
      for (int x = 0; x < cells; x++) {
        int u = (x / stride[a]) % sides[a];
        int y;
        if (u + 1 < sides[a]) {
          y = x + stride[a];
        } else if (periodic[a] && sides[a] > 1) {
          y = x - (sides[a] - 1) * stride[a];
        } else {
          continue;
        }
        int k0 = len == s * s ? 0 : x * s * s;
        for (int sigma = 0; sigma < s; sigma++) {
          for (int tau = 0; tau < s; tau++) {
            double vr = ur[k0 + sigma * s + tau];
            double vi = ui[k0 + sigma * s + tau];
            hr[y * s + sigma][x * s + tau] += vr;
            hi[y * s + sigma][x * s + tau] += vi;
            hr[x * s + tau][y * s + sigma] += vr;
            hi[x * s + tau][y * s + sigma] -= vi;
          }
        }
      }
    }
    return new double[][][] {hr, hi};
  }

  private static void check(int[] sides, boolean[] periodic, int s, boolean uniformLast) {
    long seed = 17 + 31L * s + sides.length;
    LinkStencil links = randomLinks(sides, periodic, s, seed, uniformLast);
    double[][][] h = dense(sides, periodic, s, seed, uniformLast);
    int n = links.size();
    Random random = new Random(5);
    double[] xr = new double[n];
    double[] xi = new double[n];
    for (int i = 0; i < n; i++) {
      xr[i] = random.nextGaussian();
      xi[i] = random.nextGaussian();
    }
    double[] or = new double[n];
    double[] oi = new double[n];
    double alpha = 0.7;
    links.addTo(xr, xi, alpha, or, oi, 0, n);
    double scale = 0;
    for (int i = 0; i < n; i++) {
      double er = 0;
      double ei = 0;
      for (int j = 0; j < n; j++) {
        er += h[0][i][j] * xr[j] - h[1][i][j] * xi[j];
        ei += h[0][i][j] * xi[j] + h[1][i][j] * xr[j];
      }
      er *= alpha;
      ei *= alpha;
      scale = Math.max(scale, Math.hypot(er, ei));
      assertEquals(er, or[i], 1e-12 * (1 + Math.abs(er)), "re at " + i);
      assertEquals(ei, oi[i], 1e-12 * (1 + Math.abs(ei)), "im at " + i);
    }
    assertTrue(scale > 0);
    // Any cut of the index range, also through the middle of a cell, gives the same numbers.
    for (int cut : new int[] {1, s + 1, n / 2 + 1, n - 1}) {
      double[] pr = new double[n];
      double[] pi = new double[n];
      links.addTo(xr, xi, alpha, pr, pi, 0, Math.min(cut, n));
      links.addTo(xr, xi, alpha, pr, pi, Math.min(cut, n), n);
      assertArrayEquals(or, pr, 1e-13 * scale);
      assertArrayEquals(oi, pi, 1e-13 * scale);
    }
  }

  @Test
  void scalarLinksMatchTheDenseMatrixOnOpenAndPeriodicBoxes() {
    check(new int[] {7}, new boolean[] {true}, 1, false);
    check(new int[] {5, 6}, new boolean[] {false, false}, 1, false);
    check(new int[] {5, 6}, new boolean[] {true, true}, 1, true);
    check(new int[] {3, 4, 5}, new boolean[] {true, false, true}, 1, false);
  }

  @Test
  void spinorLinksMatchTheDenseMatrix() {
    check(new int[] {4, 5}, new boolean[] {false, true}, 2, false);
    check(new int[] {3, 3, 4}, new boolean[] {true, true, false}, 2, true);
    check(new int[] {5, 3}, new boolean[] {true, false}, 3, false);
    check(new int[] {1, 6}, new boolean[] {false, true}, 3, true);
  }

  @Test
  void operatorWithLinksIsSelfAdjointAndBoundedByItsGershgorinInterval() {
    LinkStencil links = randomLinks(new int[] {4, 4}, new boolean[] {true, false}, 2, 3, false);
    SparseOperator op =
        SparseOperator.links(links)
            .plus(SparseOperator.diagonal(links.size(), 0.5, null))
            .times(0.5);
    assertTrue(op.hasImaginaryPart());
    double[] eigen = DenseEigen.of(op).eigenvalues();
    double[] bounds = op.gershgorinBounds();
    assertTrue(bounds[0] <= eigen[0] && eigen[eigen.length - 1] <= bounds[1]);
    // Each SU(2)-like scaled link has norm |t|: the bound is exact for uniform unitary links.
    double[][] re = {{0.6, 0, 0, 0.6}, {0, 0.8, -0.8, 0}};
    double[][] im = {{0.8, 0, 0, -0.8}, {0.6, 0, 0, -0.6}};
    LinkStencil unitary = LinkStencil.of(new int[] {8, 8}, new boolean[] {true, true}, 2, re, im);
    assertEquals(4.0, unitary.normBound(), 1e-15);
    double[] spectrum = DenseEigen.of(SparseOperator.links(unitary)).eigenvalues();
    assertTrue(spectrum[spectrum.length - 1] <= 4.0 + 1e-12);
  }

  @Test
  void sumAndMultipleAreLinear() {
    int[] sides = {4, 5};
    boolean[] periodic = {true, false};
    LinkStencil a = randomLinks(sides, periodic, 2, 1, true);
    LinkStencil b = randomLinks(sides, periodic, 2, 2, false);
    int n = a.size();
    Random random = new Random(9);
    double[] xr = new double[n];
    double[] xi = new double[n];
    for (int i = 0; i < n; i++) {
      xr[i] = random.nextGaussian();
      xi[i] = random.nextGaussian();
    }
    double[] sr = new double[n];
    double[] si = new double[n];
    a.plus(b.times(-2)).addTo(xr, xi, 1, sr, si, 0, n);
    double[] er = new double[n];
    double[] ei = new double[n];
    a.addTo(xr, xi, 1, er, ei, 0, n);
    b.addTo(xr, xi, -2, er, ei, 0, n);
    assertArrayEquals(er, sr, 1e-12);
    assertArrayEquals(ei, si, 1e-12);
  }

  @Test
  void sameNumbersOnOneAndTwoThreads() {
    // 2 x 200 x 200 entries: several blocks of the parallel loop.
    LinkStencil links = randomLinks(new int[] {200, 200}, new boolean[] {true, false}, 2, 4, false);
    SparseOperator op = SparseOperator.links(links);
    int n = op.size();
    assertTrue(n > 2 * Parallel.BLOCK);
    double[] xr = new double[n];
    double[] xi = new double[n];
    Random random = new Random(2);
    for (int i = 0; i < n; i++) {
      xr[i] = random.nextGaussian();
      xi[i] = random.nextGaussian();
    }
    int threads = Parallel.threads();
    try {
      Parallel.setThreads(1);
      double[] r1 = new double[n];
      double[] i1 = new double[n];
      op.apply(xr, xi, r1, i1);
      Parallel.setThreads(2);
      double[] r2 = new double[n];
      double[] i2 = new double[n];
      op.apply(xr, xi, r2, i2);
      assertArrayEquals(r1, r2, 0.0);
      assertArrayEquals(i1, i2, 0.0);
    } finally {
      Parallel.setThreads(threads);
    }
  }

  @Test
  void realLinksHaveNoImaginaryPartAndOpenEndsAreNotCounted() {
    double[][] re = {{-1}, {-1}};
    double[][] im = {{0}, {0}};
    LinkStencil open = LinkStencil.of(new int[] {3, 4}, new boolean[] {false, false}, 1, re, im);
    assertFalse(open.hasImaginaryPart());
    // 2 x 4 bonds along axis 0 and 3 x 3 along axis 1, both orientations.
    assertEquals(2 * (2 * 4 + 3 * 3), open.offDiagonalCount());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            LinkStencil.of(
                new int[] {3, 4}, new boolean[] {false, false}, 2, re, im)); // needs 4 entries
  }
}
