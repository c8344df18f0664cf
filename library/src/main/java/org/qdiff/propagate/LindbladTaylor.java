package org.qdiff.propagate;

import java.util.concurrent.CancellationException;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.hamiltonian.SpectralBounds;
import org.qdiff.numeric.Parallel;
import org.qdiff.numeric.SparseOperator;

/**
 * The dephasing master equation integrated by Taylor series on short sub-steps: the kernel behind
 * {@link MasterEquation}.
 *
 * <p>The generator is {@code L(X) = -i[H, X] - gamma offdiag(X)}. Writing {@code L = -gamma/2 + L'}
 * with {@code L'(X) = -i[H, X] + (gamma/2)(diag(X) - offdiag(X))} gives {@code exp(L tau) =
 * exp(-gamma tau/2) exp(L' tau)} and, in the Hilbert-Schmidt (Frobenius) norm, {@code ||L'|| <= 2
 * halfWidth + gamma/2}, where the spectrum of H lies in {@code [center - halfWidth, center +
 * halfWidth]} (the commutator does not see the centre). Each sub-step has {@code a = ||L'|| tau <=
 * MAX_STEP_NORM}, and its series stops after the first m terms for which the remainder bound {@code
 * a^{m+1}/(m+1)! / (1 - a/(m+2))} is at most {@link #TRUNCATION}; so each sub-step errs by at most
 * {@code TRUNCATION ||rho||_HS <= TRUNCATION} (a density matrix has {@code ||rho||_HS <= tr rho =
 * 1}). Because {@code exp(L t)} never increases the Hilbert-Schmidt norm ({@code Re <X, L X> =
 * -gamma ||offdiag X||^2 <= 0}), these errors add up at most: after n sub-steps the truncation
 * error is at most {@code n TRUNCATION}, plus rounding of order {@code e^a} units of round-off per
 * step.
 *
 * <p>Matrices are stored column-wise ({@code re[j][i] = Re X_ij}). Since X and H are Hermitian,
 * {@code X H = (H X)^dagger}: one product {@code M = H X} (H applied to every column) gives the
 * commutator. Every Taylor term is Hermitian, and the kernel writes each pair {@code (i, j), (j,
 * i)} as exact complex conjugates, so Hermiticity holds to the last bit. Columns and column tiles
 * are shared among the threads of {@link Parallel}; every entry is computed by the same operations
 * on any number of threads.
 */
final class LindbladTaylor {

  /** Largest {@code ||L'|| tau} of a sub-step: about 12 terms per unit, terms at most e^2 = 7.4. */
  static final double MAX_STEP_NORM = 2.0;

  /** Bound on the truncation error of one sub-step, relative to {@code ||rho||_HS}. */
  static final double TRUNCATION = 1e-16;

  /** Relative widening of the Gershgorin half width, absorbing rounding in the bounds. */
  private static final double SAFETY_MARGIN = 1e-3;

  /** Square tiles of the pair loop: 2 x 32 x 32 doubles per array stay in the L1 cache. */
  private static final int TILE = 32;

  /** Columns per task of the product H X. */
  private static final int COLUMNS_PER_TASK = 4;

  private final SparseOperator operator;
  private final int n;
  private final double halfGamma;
  private final double generatorBound;
  private final double[][] aRe;
  private final double[][] aIm;
  private final double[][] bRe;
  private final double[][] bIm;

  /** Prepares the kernel and allocates its two work matrices. */
  LindbladTaylor(Hamiltonian hamiltonian, double gamma) {
    this.operator = hamiltonian.operator();
    this.n = hamiltonian.size();
    this.halfGamma = 0.5 * gamma;
    SpectralBounds bounds = hamiltonian.spectralBounds();
    double scale = Math.max(Math.abs(bounds.lower()), Math.abs(bounds.upper()));
    double halfWidth = bounds.halfWidth() * (1 + SAFETY_MARGIN) + 1e-12 * Math.max(1, scale);
    this.generatorBound = 2 * halfWidth + halfGamma;
    this.aRe = new double[n][n];
    this.aIm = new double[n][n];
    this.bRe = new double[n][n];
    this.bIm = new double[n][n];
  }

  /** The bound on {@code ||L'||} used to choose sub-steps. */
  double generatorBound() {
    return generatorBound;
  }

  /**
   * Number of Taylor terms m for a sub-step with {@code a = ||L'|| tau}: the smallest m >= 1 with
   * {@code a^{m+1}/(m+1)! / (1 - a/(m+2)) <= TRUNCATION}.
   */
  static int terms(double a) {
    int m = 1;
    double next = a * a / 2; // a^{m+1}/(m+1)!
    while (next / (1 - a / (m + 2)) > TRUNCATION) {
      m++;
      next *= a / (m + 1);
    }
    return m;
  }

  /**
   * Replaces rho by {@code exp(L tau) rho}.
   *
   * @param rhoRe real parts, column-wise, modified
   * @param rhoIm imaginary parts, column-wise, modified
   * @param tau time step, >= 0
   * @param now the time rho is at, for the message when the thread is interrupted
   * @param where the caller's name, for the message when the thread is interrupted
   * @return number of Hamiltonian-vector products used
   * @throws CancellationException if the thread is interrupted (checked at every Taylor term; rho
   *     is then left half-way and must be discarded)
   */
  long advance(double[][] rhoRe, double[][] rhoIm, double tau, double now, String where) {
    if (tau == 0) {
      return 0;
    }
    int steps = (int) Math.ceil(tau * generatorBound / MAX_STEP_NORM);
    double step = tau / steps;
    int m = terms(generatorBound * step);
    double decay = Math.exp(-halfGamma * step);
    long products = 0;
    for (int s = 0; s < steps; s++) {
      products += subStep(rhoRe, rhoIm, step, m, decay, now + s * step, where);
    }
    return products;
  }

  /** One sub-step: rho = decay * sum_{k=0..m} (step L')^k / k! rho. */
  private long subStep(
      double[][] rhoRe,
      double[][] rhoIm,
      double step,
      int m,
      double decay,
      double now,
      String where) {
    // T_0 = rho itself: the first pair pass reads rho_ij before it adds T_1 to it.
    double[][] tRe = rhoRe;
    double[][] tIm = rhoIm;
    double[][] mRe = aRe;
    double[][] mIm = aIm;
    for (int k = 1; k <= m; k++) {
      // Checked at every term: on a large lattice one sub-step may take seconds.
      if (Thread.interrupted()) {
        throw new CancellationException(
            where + ": interrupted at t = " + now + " (Taylor term " + k + " of " + m + ")");
      }
      multiply(tRe, tIm, mRe, mIm);
      combine(tRe, tIm, mRe, mIm, rhoRe, rhoIm, step / k, k == m ? decay : 1.0);
      // The new term is in m; the old term's buffer receives the next product.
      double[][] swapRe = tRe == rhoRe ? bRe : tRe;
      double[][] swapIm = tIm == rhoIm ? bIm : tIm;
      tRe = mRe;
      tIm = mIm;
      mRe = swapRe;
      mIm = swapIm;
    }
    return (long) m * n;
  }

  /** M = H T, column by column. */
  private void multiply(double[][] tRe, double[][] tIm, double[][] mRe, double[][] mIm) {
    Parallel.forRange(
        n,
        COLUMNS_PER_TASK,
        (from, to) -> {
          for (int j = from; j < to; j++) {
            operator.apply(tRe[j], tIm[j], mRe[j], mIm[j]);
          }
        });
  }

  /**
   * Overwrites M (holding H T) with the next term {@code scale L'(T)}, adds it to rho, and
   * multiplies rho by {@code factor}. Pair (i, j), i < j, is handled by the task of column j: it
   * reads {@code M_ij, M_ji, T_ij} and writes {@code M_ij, M_ji, rho_ij, rho_ji}, which no other
   * pair touches; T may be rho itself, since {@code T_ij} is read before {@code rho_ij} changes and
   * the lower triangle of T is never read.
   */
  private void combine(
      double[][] tRe,
      double[][] tIm,
      double[][] mRe,
      double[][] mIm,
      double[][] rRe,
      double[][] rIm,
      double scale,
      double factor) {
    int tiles = (n + TILE - 1) / TILE;
    final double g = halfGamma;
    Parallel.forRange(
        tiles,
        1,
        (fromTile, toTile) -> {
          for (int jt = fromTile; jt < toTile; jt++) {
            int j0 = jt * TILE;
            int j1 = Math.min(n, j0 + TILE);
            for (int i0 = 0; i0 <= j0; i0 += TILE) {
              int i1 = Math.min(n, i0 + TILE);
              for (int j = j0; j < j1; j++) {
                double[] mjr = mRe[j];
                double[] mji = mIm[j];
                double[] tjr = tRe[j];
                double[] tji = tIm[j];
                double[] rjr = rRe[j];
                double[] rji = rIm[j];
                int end = Math.min(i1, j);
                for (int i = i0; i < end; i++) {
                  // L'(T)_ij = -i (M_ij - conj(M_ji)) - (gamma/2) T_ij, with M_ij = a + ib and
                  // M_ji = c + id: real part b + d, imaginary part c - a.
                  double a = mjr[i];
                  double b = mji[i];
                  double c = mRe[i][j];
                  double d = mIm[i][j];
                  double vr = scale * ((b + d) - g * tjr[i]);
                  double vi = scale * ((c - a) - g * tji[i]);
                  mjr[i] = vr;
                  mji[i] = vi;
                  mRe[i][j] = vr;
                  mIm[i][j] = -vi;
                  double sr = (rjr[i] + vr) * factor;
                  double si = (rji[i] + vi) * factor;
                  rjr[i] = sr;
                  rji[i] = si;
                  rRe[i][j] = sr;
                  rIm[i][j] = -si;
                }
                if (j >= i0 && j < i1) {
                  // Diagonal: L'(T)_jj = 2 Im M_jj + (gamma/2) T_jj, real.
                  double v = scale * (2 * mji[j] + g * tjr[j]);
                  mjr[j] = v;
                  mji[j] = 0;
                  rjr[j] = (rjr[j] + v) * factor;
                  rji[j] = 0;
                }
              }
            }
          }
        });
  }
}
