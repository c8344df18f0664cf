package org.qdiff.numeric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qdiff.random.Seed;

/**
 * The two forms of the stencil kernel: one loop over all vectors, and passes over one vector at a
 * time (chosen for sizes whose vectors lie a power of two apart in memory), each with its row
 * interiors in SIMD lanes or in scalar loops. All four must give the same bits, on 1 and 2 threads,
 * in every mode of the fused kernel (H x; alpha H x + beta x with and without acc; the Chebyshev
 * step with p written over and acc; with p into another vector), and agree with a site-by-site sum
 * over the neighbours found from coordinates.
 */
class StencilPassesTest {

  private final int threadsBefore = Parallel.threads();

  @AfterEach
  void restore() {
    SparseOperator.passesForTests = null;
    SparseOperator.lanesForTests = null;
    Parallel.setThreads(threadsBefore);
  }

  /** The tests run with the SIMD module (see the pom), so the comparisons below test the lanes. */
  @Test
  void theTestJvmRunsTheStencilInLanes() {
    assertTrue(
        SparseOperator.vectorLanes() >= 2,
        "vectorLanes() = " + SparseOperator.vectorLanes() + ": is jdk.incubator.vector added?");
  }

  static Stream<Arguments> boxes() {
    return Stream.of(
        Arguments.of(new int[] {1}, false),
        Arguments.of(new int[] {2}, true),
        Arguments.of(new int[] {70_001}, true),
        Arguments.of(new int[] {3, 1}, true),
        Arguments.of(new int[] {1, 5}, false),
        Arguments.of(new int[] {5, 7}, true),
        Arguments.of(new int[] {300, 301}, false),
        Arguments.of(new int[] {2, 70_000}, true),
        Arguments.of(new int[] {2, 2, 2}, true),
        Arguments.of(new int[] {2, 3, 4}, false),
        Arguments.of(new int[] {33, 1, 35}, true),
        Arguments.of(new int[] {40, 37, 41}, true),
        Arguments.of(new int[] {7, 6, 1000}, false));
  }

  @ParameterizedTest(name = "{0} periodic {1}")
  @MethodSource("boxes")
  void passesAndOneLoopGiveTheSameBitsOnOneAndTwoThreads(int[] sides, boolean periodic) {
    for (boolean withPotential : new boolean[] {false, true}) {
      SparseOperator op = operator(sides, periodic, withPotential);
      SparseOperator.passesForTests = false;
      SparseOperator.lanesForTests = false;
      Parallel.setThreads(1);
      List<double[]> reference = allModes(op);
      for (boolean lanes : new boolean[] {false, true}) {
        for (boolean passes : new boolean[] {false, true}) {
          for (int threads : new int[] {1, 2}) {
            SparseOperator.lanesForTests = lanes;
            SparseOperator.passesForTests = passes;
            Parallel.setThreads(threads);
            List<double[]> results = allModes(op);
            for (int k = 0; k < reference.size(); k++) {
              assertArrayEquals(
                  reference.get(k),
                  results.get(k),
                  Arrays.toString(sides)
                      + " lanes "
                      + lanes
                      + " passes "
                      + passes
                      + ", "
                      + threads
                      + " threads, output "
                      + k);
            }
          }
        }
      }
    }
  }

  @ParameterizedTest(name = "{0} periodic {1}")
  @MethodSource("boxes")
  void passesEqualTheSiteBySiteSum(int[] sides, boolean periodic) {
    SparseOperator op = operator(sides, periodic, true);
    int n = op.size();
    double[] xr = vector(n, 1);
    double[] xi = vector(n, 2);
    double[] pr = vector(n, 3);
    double[] pi = vector(n, 4);
    double[] ar = vector(n, 5);
    double[] ai = vector(n, 6);
    double[] v = vector(n, 9);
    double alpha = 1.4;
    double beta = -0.4;
    double gamma = -1;
    double cRe = 0.3;
    double cIm = -0.7;
    double[][] expected = new double[4][n];
    double[] h = hopping(sides.length);
    int[] coordinate = new int[sides.length];
    for (int i = 0; i < n; i++) {
      int rest = i;
      for (int a = sides.length - 1; a >= 0; a--) {
        coordinate[a] = rest % sides[a];
        rest /= sides[a];
      }
      double sumRe = (0.3 + v[i]) * xr[i];
      double sumIm = (0.3 + v[i]) * xi[i];
      int stride = 1;
      for (int a = sides.length - 1; a >= 0; a--) {
        for (int step : new int[] {-1, 1}) {
          int c = coordinate[a] + step;
          if (sides[a] > 1 && periodic) {
            c = Math.floorMod(c, sides[a]);
          }
          if (sides[a] > 1 && c >= 0 && c < sides[a]) {
            int j = i + (c - coordinate[a]) * stride;
            sumRe += h[a] * xr[j];
            sumIm += h[a] * xi[j];
          }
        }
        stride *= sides[a];
      }
      double outRe = alpha * sumRe + beta * xr[i] + gamma * pr[i];
      double outIm = alpha * sumIm + beta * xi[i] + gamma * pi[i];
      expected[0][i] = outRe;
      expected[1][i] = outIm;
      expected[2][i] = ar[i] + cRe * outRe - cIm * outIm;
      expected[3][i] = ai[i] + cRe * outIm + cIm * outRe;
    }
    SparseOperator.passesForTests = true;
    op.apply(xr, xi, alpha, beta, gamma, pr, pi, pr, pi, ar, ai, cRe, cIm);
    double[][] actual = {pr, pi, ar, ai};
    for (int k = 0; k < 4; k++) {
      for (int i = 0; i < n; i++) {
        double tolerance = 1e-13 * (1 + Math.abs(expected[k][i]));
        assertTrue(
            Math.abs(actual[k][i] - expected[k][i]) <= tolerance,
            Arrays.toString(sides)
                + " output "
                + k
                + " site "
                + i
                + ": "
                + actual[k][i]
                + " vs "
                + expected[k][i]);
      }
    }
  }

  @Test
  void passesAreChosenForVectorsAPowerOfTwoApart() {
    // 2^24 and 2^23 sites: one or two allocations lie 2^27 bytes (plus headers) apart.
    assertTrue(SparseOperator.aliasProne(1 << 24));
    assertTrue(SparseOperator.aliasProne(1 << 23));
    assertTrue(SparseOperator.aliasProne(1 << 25));
    assertFalse(SparseOperator.aliasProne(1 << 22));
    assertFalse(SparseOperator.aliasProne(128 * 128 * 128));
    assertFalse(SparseOperator.aliasProne(255 * 256 * 256));
    assertFalse(SparseOperator.aliasProne(1_000_000));
  }

  private static double[] hopping(int dim) {
    double[] h = new double[dim];
    for (int a = 0; a < dim; a++) {
      h[a] = 0.7 - 0.55 * a;
    }
    return h;
  }

  private static SparseOperator operator(int[] sides, boolean periodic, boolean withPotential) {
    int n = 1;
    for (int s : sides) {
      n *= s;
    }
    boolean[] p = new boolean[sides.length];
    Arrays.fill(p, periodic);
    return SparseOperator.stencil(sides, p, hopping(sides.length))
        .plus(SparseOperator.diagonal(n, 0.3, withPotential ? vector(n, 9) : null));
  }

  /** Every mode of the fused kernel on fresh inputs; the outputs in a fixed order. */
  private static List<double[]> allModes(SparseOperator op) {
    int n = op.size();
    double[] xr = vector(n, 1);
    double[] xi = vector(n, 2);
    double[] or = vector(n, 3);
    double[] oi = vector(n, 4);
    double[] ar = vector(n, 5);
    double[] ai = vector(n, 6);
    double[] pr = vector(n, 7);
    double[] pi = vector(n, 8);
    List<double[]> out = new ArrayList<>();
    op.apply(xr, xi, or, oi);
    out.add(or.clone());
    out.add(oi.clone());
    op.apply(xr, xi, 0.7, -0.2, 0, null, null, or, oi, ar, ai, 0.3, -0.4);
    out.add(or.clone());
    out.add(ar.clone());
    out.add(ai.clone());
    op.apply(xr, xi, 1.4, -0.4, -1, pr, pi, pr, pi, ar, ai, 0.3, -0.4);
    out.add(pr.clone());
    out.add(pi.clone());
    out.add(ar.clone());
    out.add(ai.clone());
    op.apply(xr, xi, 1.4, -0.4, -0.3, pr, pi, or, oi, null, null, 0, 0);
    out.add(or.clone());
    out.add(oi.clone());
    return out;
  }

  private static double[] vector(int n, long stream) {
    Seed seed = Seed.of(11);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = seed.normal(stream, i);
    }
    return x;
  }
}
