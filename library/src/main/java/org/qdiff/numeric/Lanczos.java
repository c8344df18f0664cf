package org.qdiff.numeric;

import org.hipparchus.linear.EigenDecompositionSymmetric;

/**
 * Estimates of the extreme eigenvalues of a self-adjoint operator from a few Lanczos steps: tight
 * spectral intervals for Chebyshev expansions, at the cost of about 30 applications of the
 * operator.
 *
 * <p>From a start vector {@code q_1} the recurrence {@code beta_j q_{j+1} = A q_j - alpha_j q_j -
 * beta_{j-1} q_{j-1}} builds an orthonormal basis of the Krylov space in which A is the symmetric
 * tridiagonal matrix {@code T_k} (diagonal alpha, off-diagonal beta). The eigenvalues of {@code
 * T_k}, the Ritz values {@code theta}, lie inside the spectrum of A, and the extreme ones approach
 * the extreme eigenvalues from inside. The Ritz pair {@code (theta, y = Q_k z)} has the residual
 * {@code ||A y - theta y|| = |beta_k| |e_k^T z|}: some eigenvalue of A lies within that distance of
 * theta (Kahan, Parlett and Jiang).
 *
 * <p>The estimates follow Zhou and Li, "Bounding the spectrum of large Hermitian matrices", Linear
 * Algebra Appl. 435, 480 (2011): {@code theta_max + |beta_k| |e_k^T z_max|} above (and its mirror
 * below), widened by a further margin, a fraction of the estimated width. Zhou and Li also give the
 * more conservative {@code theta_max + |beta_k|}; here {@code |beta_k|} is about a quarter of the
 * width of the spectrum, so that bound is barely tighter than Gershgorin's and is not used. Neither
 * is a proof: a Krylov space can miss an eigenvector that the start vector hardly touches. Users of
 * these estimates therefore verify them (see {@link Chebyshev} and {@link ChebyshevMoments}) and
 * fall back to {@link SparseOperator#gershgorinBounds()}, which always hold.
 *
 * <p>No reorthogonalization: in floating point the Lanczos vectors lose orthogonality once a Ritz
 * value has converged, which makes that Ritz value reappear as a copy but does not carry Ritz
 * values beyond the spectrum (Paige 1980): the extremes stay valid, and 30 steps keep the copies
 * few.
 *
 * <p>The start vector has random phases {@code exp(2 pi i u_s)} on every site s, {@code u_s} a hash
 * of (seed, s): the same seed gives the same numbers on any number of threads. Memory: four complex
 * vectors; each step is one fused {@link SparseOperator#apply} and three passes over the vectors,
 * reduced in fixed blocks ({@link Parallel}).
 */
public final class Lanczos {

  /** Default number of steps: extremes within a few tenths of a per cent of the width. */
  public static final int DEFAULT_STEPS = 30;

  /**
   * Default extra margin, as a fraction of the estimated width, added on both sides of the Zhou–Li
   * estimates. On random Hamiltonians of up to 4096 sites (Anderson models with box, normal, Cauchy
   * and binary disorder in one to three dimensions, band matrices) the Zhou–Li estimates of 30
   * steps missed the extreme eigenvalues by at most 0.2 % of the width; 0.5 % leaves a factor of
   * 2.5. A wider margin would cost terms in every Chebyshev step, while a miss costs little: a
   * slightly outside eigenvalue is covered by the verified order, one further out triggers the
   * fallback once.
   */
  public static final double DEFAULT_MARGIN = 0.005;

  /** An off-diagonal beta below this fraction of {@code ||A q_j||} ends the run (see below). */
  private static final double BREAKDOWN = 1e-12;

  private Lanczos() {}

  /**
   * What k Lanczos steps say about the ends of the spectrum.
   *
   * @param lowest the smallest Ritz value (never below the smallest eigenvalue, up to rounding)
   * @param highest the largest Ritz value (never above the largest eigenvalue, up to rounding)
   * @param lowerResidual {@code |beta_k| |e_k^T z_min|}: residual norm of the lowest Ritz pair
   * @param upperResidual {@code |beta_k| |e_k^T z_max|}: residual norm of the highest Ritz pair
   * @param steps the steps taken (fewer than asked when the Krylov space became invariant)
   * @param invariant whether the Krylov space became invariant: then the Ritz values are
   *     eigenvalues and the residuals are zero
   */
  public record Extremes(
      double lowest,
      double highest,
      double lowerResidual,
      double upperResidual,
      int steps,
      boolean invariant) {

    /**
     * The estimated lower end: {@code lowest - lowerResidual - margin * width}, width being {@code
     * (highest + upperResidual) - (lowest - lowerResidual)}.
     *
     * @param margin fraction of the width, >= 0
     */
    public double lowerEstimate(double margin) {
      return lowest - lowerResidual - margin * width();
    }

    /**
     * The estimated upper end: {@code highest + upperResidual + margin * width}.
     *
     * @param margin fraction of the width, >= 0
     */
    public double upperEstimate(double margin) {
      return highest + upperResidual + margin * width();
    }

    private double width() {
      return (highest + upperResidual) - (lowest - lowerResidual);
    }
  }

  /**
   * Runs {@code steps} Lanczos steps (at most the dimension) from the seeded random-phase start
   * vector and returns the extreme Ritz values and their residuals.
   *
   * @param operator A, self-adjoint; not modified
   * @param steps k, >= 1
   * @param seed selects the start vector
   * @throws IllegalArgumentException if {@code steps < 1}
   */
  public static Extremes extremes(SparseOperator operator, int steps, long seed) {
    Check.atLeast("Lanczos.extremes", "steps", steps, 1);
    final int n = operator.size();
    final int k = Math.min(steps, n);
    double[] qRe = new double[n];
    double[] qIm = new double[n];
    double[] wRe = new double[n];
    double[] wIm = new double[n];
    startVector(seed, qRe, qIm);
    double[] alpha = new double[k];
    double[] beta = new double[k];
    int taken = 0;
    boolean invariant = false;
    double previousBeta = 0;
    for (int j = 0; j < k; j++) {
      // w = A q_j - beta_{j-1} q_{j-1}, written over q_{j-1} (held in w)
      operator.apply(qRe, qIm, 1, 0, -previousBeta, wRe, wIm, wRe, wIm, null, null, 0, 0);
      double a = realDot(qRe, qIm, wRe, wIm);
      double b = Math.sqrt(subtractAndNormSquared(wRe, wIm, a, qRe, qIm));
      alpha[j] = a;
      beta[j] = b;
      taken = j + 1;
      // ||A q_j||^2 = alpha^2 + beta_j^2 + beta_{j-1}^2 in exact arithmetic: a beta that small
      // against it means A q_j lies in the Krylov space, whose Ritz values are then eigenvalues.
      double scale = Math.sqrt(a * a + b * b + previousBeta * previousBeta);
      if (b <= BREAKDOWN * scale || b == 0) {
        invariant = true;
        break;
      }
      if (j == k - 1) {
        break;
      }
      // q_{j+1} = w / beta_j; q_j moves to the w buffers, to be overwritten by the next step.
      ComplexVectors.scale(wRe, wIm, 1 / b, 0);
      double[] t = qRe;
      qRe = wRe;
      wRe = t;
      t = qIm;
      qIm = wIm;
      wIm = t;
      previousBeta = b;
    }
    return ritzExtremes(alpha, beta, taken, invariant);
  }

  /**
   * Estimated spectral bounds {@code {lower, upper}}: the Zhou–Li estimates of {@code steps} steps
   * widened by {@code margin} times the estimated width, and clipped to the Gershgorin bounds, so
   * never wider than those. An estimate, not a bound: see the class comment.
   *
   * @param operator A, self-adjoint; not modified
   * @param steps k, >= 1
   * @param seed selects the start vector
   * @param margin fraction of the width, >= 0
   */
  public static double[] estimateBounds(
      SparseOperator operator, int steps, long seed, double margin) {
    Extremes e = extremes(operator, steps, seed);
    double[] g = operator.gershgorinBounds();
    double lower = Math.max(g[0], e.lowerEstimate(margin));
    double upper = Math.min(g[1], e.upperEstimate(margin));
    if (!(lower <= upper)) {
      // Only rounding can cross them (a one-point spectrum at a Gershgorin end): keep Gershgorin.
      return g;
    }
    return new double[] {lower, upper};
  }

  /** The extreme eigenvalues of T_k and the residuals of their Ritz pairs. */
  private static Extremes ritzExtremes(double[] alpha, double[] beta, int m, boolean invariant) {
    double lastBeta = invariant ? 0 : beta[m - 1];
    if (m == 1) {
      return new Extremes(alpha[0], alpha[0], lastBeta, lastBeta, 1, invariant);
    }
    double[] main = new double[m];
    double[] secondary = new double[m - 1];
    System.arraycopy(alpha, 0, main, 0, m);
    System.arraycopy(beta, 0, secondary, 0, m - 1);
    // Eigenvalues in decreasing order: index 0 is the largest, m - 1 the smallest.
    EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(main, secondary);
    double[] theta = eigen.getEigenvalues();
    double upperWeight = Math.abs(eigen.getEigenvector(0).getEntry(m - 1));
    double lowerWeight = Math.abs(eigen.getEigenvector(m - 1).getEntry(m - 1));
    return new Extremes(
        theta[m - 1], theta[0], lastBeta * lowerWeight, lastBeta * upperWeight, m, invariant);
  }

  /** {@code Re <q|w>}, summed in fixed blocks. */
  private static double realDot(double[] qRe, double[] qIm, double[] wRe, double[] wIm) {
    return Parallel.sum(
        qRe.length,
        (from, to) -> {
          double s = 0;
          for (int i = from; i < to; i++) {
            s += qRe[i] * wRe[i] + qIm[i] * wIm[i];
          }
          return s;
        });
  }

  /** {@code w -= a q}, returning {@code ||w||^2} of the result, in one pass. */
  private static double subtractAndNormSquared(
      double[] wRe, double[] wIm, double a, double[] qRe, double[] qIm) {
    return Parallel.sum(
        wRe.length,
        (from, to) -> {
          double s = 0;
          for (int i = from; i < to; i++) {
            double r = wRe[i] - a * qRe[i];
            double m = wIm[i] - a * qIm[i];
            wRe[i] = r;
            wIm[i] = m;
            s += r * r + m * m;
          }
          return s;
        });
  }

  /** Unit vector with phases {@code 2 pi u(seed, s)} and equal moduli {@code 1 / sqrt(N)}. */
  private static void startVector(long seed, double[] re, double[] im) {
    final int n = re.length;
    final double modulus = 1 / Math.sqrt(n);
    final long base = mix(seed ^ 0x4C414E43L);
    Parallel.forRange(
        n,
        (from, to) -> {
          for (int s = from; s < to; s++) {
            double u = (mix(base + 0x9E3779B97F4A7C15L * (s + 1)) >>> 11) * 0x1.0p-53;
            double phase = 2 * Math.PI * u;
            re[s] = modulus * Math.cos(phase);
            im[s] = modulus * Math.sin(phase);
          }
        });
  }

  /** SplitMix64's finalizer: a bijective mixer with full avalanche. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
