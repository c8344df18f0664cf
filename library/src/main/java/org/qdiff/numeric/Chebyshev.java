package org.qdiff.numeric;

import java.util.concurrent.CancellationException;
import org.hipparchus.special.BesselJ;

/**
 * Chebyshev expansion of the propagator {@code exp(-i H tau)}.
 *
 * <p>With the spectrum of H inside {@code [center - halfWidth, center + halfWidth]} and {@code H~ =
 * (H - center) / halfWidth},
 *
 * <pre>
 *   exp(-i H tau) = exp(-i center tau) [ J_0(x) + 2 sum_{k>=1} (-i)^k J_k(x) T_k(H~) ],  x = halfWidth tau,
 * </pre>
 *
 * where {@code T_k} are Chebyshev polynomials, computed by {@code T_{k+1} = 2 H~ T_k - T_{k-1}}.
 * Since {@code ||T_k(H~)|| <= 1}, dropping the terms beyond K costs at most {@code 2 sum_{k>K}
 * |J_k(x)|} in norm: the series is cut where that tail falls below the tolerance, so the error of
 * each step is bounded by the tolerance, whatever the step length.
 */
public final class Chebyshev {

  /**
   * Largest {@code x = halfWidth |tau|} of one step. Hipparchus' Bessel recurrence is valid up to
   * 1e4; longer steps are split, which costs a few per cent more terms.
   */
  public static final double MAX_ARGUMENT = 4000.0;

  private Chebyshev() {}

  /**
   * Bessel coefficients {@code J_k(|x|)}, k = 0..K, where K is the smallest order with {@code 2
   * sum_{k>K} |J_k| <= tolerance}.
   *
   * @param x step argument {@code halfWidth * tau}, |x| <= {@link #MAX_ARGUMENT}
   * @param tolerance bound on the truncation error, > 0
   */
  public static double[] besselCoefficients(double x, double tolerance) {
    double ax = Math.abs(x);
    // Past the turning point k = x, J_k decays like exp(-(2/3) z^{3/2}), z = (k - x) / (x/2)^{1/3};
    // 20 x^{1/3} + 40 extra orders reach below 1e-30, far below any tolerance asked for.
    int orders = (int) Math.ceil(ax + 20 * Math.cbrt(ax) + 40);
    double[] j;
    if (ax == 0) {
      j = new double[] {1.0};
    } else {
      BesselJ.BesselJResult result = BesselJ.rjBesl(ax, 0.0, orders);
      if (result.getnVals() < orders) {
        throw new ArithmeticException(
            "Chebyshev: Bessel recurrence lost accuracy at x = " + ax + ", order " + orders);
      }
      j = result.getVals();
    }
    int cut = j.length - 1;
    double tail = 0;
    while (cut > 0 && tail + 2 * Math.abs(j[cut]) <= tolerance) {
      tail += 2 * Math.abs(j[cut]);
      cut--;
    }
    double[] kept = new double[cut + 1];
    System.arraycopy(j, 0, kept, 0, cut + 1);
    return kept;
  }

  /** Buffers of one Chebyshev step: three complex vectors, allocated once per evolution. */
  public static final class Workspace {
    final double[] aRe;
    final double[] aIm;
    final double[] bRe;
    final double[] bIm;
    final double[] accRe;
    final double[] accIm;

    /**
     * @param size vector length
     */
    public Workspace(int size) {
      aRe = new double[size];
      aIm = new double[size];
      bRe = new double[size];
      bIm = new double[size];
      accRe = new double[size];
      accIm = new double[size];
    }

    /** The vector length these buffers serve. */
    public int size() {
      return aRe.length;
    }
  }

  /**
   * Replaces {@code psi} by {@code exp(-i H tau) psi}, splitting long steps.
   *
   * @param operator H
   * @param center middle of the spectral interval
   * @param halfWidth half its width, > 0, such that the interval contains the spectrum
   * @param tau time step, any sign (negative: backward in time)
   * @param tolerance truncation error per sub-step, > 0
   * @param re real parts, modified
   * @param im imaginary parts, modified
   * @param work buffers of the same size
   * @return number of applications of H
   */
  public static long propagate(
      SparseOperator operator,
      double center,
      double halfWidth,
      double tau,
      double tolerance,
      double[] re,
      double[] im,
      Workspace work) {
    if (tau == 0) {
      return 0;
    }
    int pieces = (int) Math.ceil(Math.abs(halfWidth * tau) / MAX_ARGUMENT);
    double step = tau / pieces;
    double[] coefficients = besselCoefficients(halfWidth * step, tolerance);
    long applications = 0;
    for (int p = 0; p < pieces; p++) {
      applications += step(operator, center, halfWidth, step, coefficients, re, im, work);
    }
    return applications;
  }

  /** One expansion with given coefficients {@code J_k(halfWidth |tau|)}. */
  private static long step(
      SparseOperator operator,
      double center,
      double halfWidth,
      double tau,
      double[] j,
      double[] re,
      double[] im,
      Workspace w) {
    final int n = re.length;
    // J_k(-x) = (-1)^k J_k(x): a backward step flips the sign of the odd coefficients.
    final double sign = tau < 0 ? -1.0 : 1.0;
    final double alpha = 1.0 / halfWidth;
    final double beta = -center / halfWidth;
    // acc = J_0 psi
    final double j0 = j[0];
    Parallel.forRange(
        n,
        (from, to) -> {
          for (int i = from; i < to; i++) {
            w.accRe[i] = j0 * re[i];
            w.accIm[i] = j0 * im[i];
          }
        });
    long applications = 0;
    if (j.length > 1) {
      // T_1 = H~ psi into a; acc += 2 (-i) J_1 T_1
      double[] c = coefficient(1, sign * j[1]);
      operator.apply(
          re, im, alpha, beta, 0, null, null, w.aRe, w.aIm, w.accRe, w.accIm, c[0], c[1]);
      applications++;
    }
    if (j.length > 2) {
      // T_2 = 2 H~ T_1 - psi into b (psi itself stays untouched until the end)
      double[] c = coefficient(2, j[2]);
      operator.apply(
          w.aRe, w.aIm, 2 * alpha, 2 * beta, -1, re, im, w.bRe, w.bIm, w.accRe, w.accIm, c[0],
          c[1]);
      applications++;
    }
    double[] curRe = w.bRe;
    double[] curIm = w.bIm;
    double[] prevRe = w.aRe;
    double[] prevIm = w.aIm;
    for (int k = 3; k < j.length; k++) {
      double jk = (k % 2 == 1) ? sign * j[k] : j[k];
      double[] c = coefficient(k, jk);
      // T_{k} = 2 H~ T_{k-1} - T_{k-2}, written over T_{k-2}
      operator.apply(
          curRe, curIm, 2 * alpha, 2 * beta, -1, prevRe, prevIm, prevRe, prevIm, w.accRe, w.accIm,
          c[0], c[1]);
      applications++;
      double[] t = prevRe;
      prevRe = curRe;
      curRe = t;
      t = prevIm;
      prevIm = curIm;
      curIm = t;
      if ((k & 63) == 0 && Thread.currentThread().isInterrupted()) {
        throw new CancellationException("Chebyshev: interrupted at term " + k + " of " + j.length);
      }
    }
    // psi = exp(-i center tau) acc
    final double phRe = Math.cos(center * tau);
    final double phIm = -Math.sin(center * tau);
    Parallel.forRange(
        n,
        (from, to) -> {
          for (int i = from; i < to; i++) {
            double r = w.accRe[i];
            double m = w.accIm[i];
            re[i] = phRe * r - phIm * m;
            im[i] = phRe * m + phIm * r;
          }
        });
    return applications;
  }

  /** {@code 2 (-i)^k J_k} as {re, im}. */
  private static double[] coefficient(int k, double jk) {
    switch (k & 3) {
      case 0:
        return new double[] {2 * jk, 0};
      case 1:
        return new double[] {0, -2 * jk};
      case 2:
        return new double[] {-2 * jk, 0};
      default:
        return new double[] {0, 2 * jk};
    }
  }
}
