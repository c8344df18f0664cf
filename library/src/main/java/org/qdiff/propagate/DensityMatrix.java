package org.qdiff.propagate;

import org.hipparchus.complex.Complex;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Check;
import org.qdiff.state.Distribution;
import org.qdiff.state.ProbabilityState;
import org.qdiff.state.WaveFunction;

/**
 * A density matrix rho on a lattice: a Hermitian, positive N x N matrix of trace 1 in the site
 * basis, the state of a particle that may be in a statistical mixture of wave functions. Its
 * probabilities are the diagonal, {@code p(x) = rho_xx}, so every observable that only needs p (the
 * mean squared displacement, the return probability) works on it. Immutable.
 *
 * <p>Memory grows as N^2 (16 N^2 bytes): density matrices are for small lattices, e.g. a chain of a
 * few hundred sites. The factories check the memory before allocating.
 */
public final class DensityMatrix implements ProbabilityState {

  private final Lattice lattice;
  // Column-wise storage: re[j][i] + i im[j][i] = rho_ij, so that H rho is H applied to each column.
  final double[][] re;
  final double[][] im;

  DensityMatrix(Lattice lattice, double[][] re, double[][] im) {
    this.lattice = lattice;
    this.re = re;
    this.im = im;
  }

  /**
   * The pure state {@code rho = |psi><psi|}, {@code rho_xy = psi(x) conj(psi(y))}.
   *
   * @throws IllegalArgumentException if psi is null, lives on a lattice with internal states, or
   *     the matrix would not fit in memory
   */
  public static DensityMatrix of(WaveFunction psi) {
    String where = "DensityMatrix.of";
    Check.notNull(where, "psi", psi);
    if (psi.lattice().internalStates() > 1) {
      throw new IllegalArgumentException(
          where
              + ": density matrices are indexed by sites, but psi lives on "
              + psi.lattice()
              + " with internal states");
    }
    int n = psi.size();
    checkMemory(where, n, 1);
    double[][] amplitudes = psi.toArrays();
    double[] a = amplitudes[0];
    double[] b = amplitudes[1];
    double[][] re = new double[n][n];
    double[][] im = new double[n][n];
    for (int j = 0; j < n; j++) {
      double[] cr = re[j];
      double[] ci = im[j];
      for (int i = 0; i < n; i++) {
        // psi_i conj(psi_j) = (a_i + i b_i)(a_j - i b_j)
        cr[i] = a[i] * a[j] + b[i] * b[j];
        ci[i] = b[i] * a[j] - a[i] * b[j];
      }
      // Exactly real on the diagonal, whatever the rounding.
      ci[j] = 0;
    }
    return new DensityMatrix(psi.lattice(), re, im);
  }

  /**
   * The classical mixture {@code rho = sum_x p(x) |x><x|}: the particle sits at site x with
   * probability p(x), with no coherence between sites.
   *
   * @throws IllegalArgumentException if p is null or the matrix would not fit in memory
   */
  public static DensityMatrix mixture(Distribution p) {
    String where = "DensityMatrix.mixture";
    Check.notNull(where, "p", p);
    int n = p.lattice().size();
    checkMemory(where, n, 1);
    double[] diagonal = p.probabilityArray();
    double[][] re = new double[n][n];
    double[][] im = new double[n][n];
    for (int x = 0; x < n; x++) {
      re[x][x] = diagonal[x];
    }
    return new DensityMatrix(p.lattice(), re, im);
  }

  @Override
  public Lattice lattice() {
    return lattice;
  }

  /** Number of sites N (the matrix is N x N). */
  public int size() {
    return re.length;
  }

  /**
   * The matrix element {@code rho_xy = <x|rho|y>}.
   *
   * @throws IllegalArgumentException if a site is not in [0, N-1]
   */
  public Complex element(int x, int y) {
    lattice.checkSite("DensityMatrix.element", x);
    lattice.checkSite("DensityMatrix.element", y);
    return new Complex(re[y][x], im[y][x]);
  }

  /** p(x) = rho_xx, the probability of finding the particle at site x. */
  public double probability(int x) {
    lattice.checkSite("DensityMatrix.probability", x);
    return re[x][x];
  }

  @Override
  public void probabilitiesInto(double[] out) {
    if (out.length != re.length) {
      throw new IllegalArgumentException(
          "DensityMatrix.probabilitiesInto: out must have length N = "
              + re.length
              + ", got "
              + out.length);
    }
    for (int x = 0; x < out.length; x++) {
      out[x] = re[x][x];
    }
  }

  /** The trace {@code sum_x rho_xx}: the total probability, 1 and conserved by the evolution. */
  public double trace() {
    double s = 0;
    for (int x = 0; x < re.length; x++) {
      s += re[x][x];
    }
    return s;
  }

  /**
   * The purity {@code tr rho^2 = sum_xy |rho_xy|^2}: 1 for a pure state, down to 1/N for the
   * uniform mixture. Dephasing lowers it as it destroys the coherences {@code rho_xy}, x != y.
   */
  public double purity() {
    double s = 0;
    for (int j = 0; j < re.length; j++) {
      double[] cr = re[j];
      double[] ci = im[j];
      for (int i = 0; i < cr.length; i++) {
        s += cr[i] * cr[i] + ci[i] * ci[i];
      }
    }
    return s;
  }

  /** An independent copy (the buffers of a running evolution are reused; results get copies). */
  DensityMatrix copy() {
    double[][] r = new double[re.length][];
    double[][] m = new double[im.length][];
    for (int j = 0; j < re.length; j++) {
      r[j] = re[j].clone();
      m[j] = im[j].clone();
    }
    return new DensityMatrix(lattice, r, m);
  }

  /** Bytes of one N x N complex matrix. */
  static long bytes(int n) {
    return 16L * n * n;
  }

  /** Bytes the JVM can still allocate (maximum heap minus what is in use). */
  static long bytesAvailable() {
    Runtime r = Runtime.getRuntime();
    return r.maxMemory() - (r.totalMemory() - r.freeMemory());
  }

  /**
   * Checks that {@code copies} N x N complex matrices fit in the heap before any is allocated.
   *
   * @throws IllegalArgumentException naming the need, the heap and the ways out
   */
  static void checkMemory(String where, int n, int copies) {
    long need = copies * bytes(n);
    long have = bytesAvailable();
    if (need > have) {
      throw new IllegalArgumentException(
          String.format(
              "%s: a density matrix on N = %d sites has N^2 = %d complex entries; %d of them need"
                  + " about %.2f GB, more than the %.2f GB of heap available; use a smaller"
                  + " lattice, Dephasing.trajectories(R) (wave functions only), or a larger heap"
                  + " (-Xmx)",
              where, n, (long) n * n, copies, need / 1e9, have / 1e9));
    }
  }

  @Override
  public String toString() {
    return String.format(
        "DensityMatrix on %s, trace = %.15g, purity = %.6g", lattice, trace(), purity());
  }
}
