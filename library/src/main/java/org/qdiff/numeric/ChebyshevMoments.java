package org.qdiff.numeric;

import java.util.concurrent.CancellationException;

/**
 * Chebyshev moments {@code <r|T_n(A~)|r>} of a self-adjoint operator, {@code A~ = (A - center) /
 * halfWidth}, for the kernel polynomial method.
 *
 * <p>With {@code |v_n> = T_n(A~)|r>} from the recurrence {@code v_{n+1} = 2 A~ v_n - v_{n-1}}, the
 * product rule {@code 2 T_m T_n = T_{m+n} + T_{|m-n|}} gives two moments per application of A
 * (Weiße et al., Rev. Mod. Phys. 78, 275 (2006), Sec. II.B):
 *
 * <pre>
 *   mu_{2n}   = 2 &lt;v_n|v_n&gt;     - mu_0,
 *   mu_{2n+1} = 2 &lt;v_{n+1}|v_n&gt; - mu_1.
 * </pre>
 *
 * Each step is one fused {@link SparseOperator#apply} written over the older vector and one pass
 * that forms both inner products: two complex vectors in all, no allocation per moment. Inner
 * products are summed in fixed blocks ({@link Parallel#BLOCK}) and the block sums added in order,
 * so the moments do not depend on the number of threads.
 */
public final class ChebyshevMoments {

  /** How often (in moments) a long recurrence looks for an interrupt. */
  private static final int INTERRUPT_CHECK = 64;

  private ChebyshevMoments() {}

  /**
   * Buffers of one recurrence: a second complex vector and the per-block partial sums. Not
   * thread-safe: one per thread.
   */
  public static final class Workspace {
    private final double[] re;
    private final double[] im;
    private final InnerProducts sums;

    /**
     * @param size vector length
     */
    public Workspace(int size) {
      re = new double[size];
      im = new double[size];
      sums = new InnerProducts((size + Parallel.BLOCK - 1) / Parallel.BLOCK);
    }

    /** The vector length these buffers serve. */
    public int size() {
      return re.length;
    }
  }

  /**
   * Adds {@code <r|T_n(A~)|r>} (real part; the moments of a self-adjoint A are real) to {@code
   * out[n]} for {@code n = 0 .. out.length - 1}, on an interval known to contain the spectrum.
   *
   * @param operator A, not modified
   * @param center the middle of A's spectral interval
   * @param halfWidth half its width, > 0; the spectrum of A~ must lie inside [-1, 1]
   * @param re real parts of the start vector r; modified (used as a buffer of the recurrence)
   * @param im imaginary parts of r; modified likewise
   * @param out moments, at least 2 entries; modified (added to)
   * @param work buffers of the same size as r
   * @throws CancellationException if the thread is interrupted (checked every 64 moments)
   */
  public static void accumulate(
      SparseOperator operator,
      double center,
      double halfWidth,
      double[] re,
      double[] im,
      double[] out,
      Workspace work) {
    accumulate(operator, center, halfWidth, Double.POSITIVE_INFINITY, re, im, out, work);
  }

  /**
   * As {@link #accumulate(SparseOperator, double, double, double[], double[], double[],
   * Workspace)}, on an interval that may not contain the whole spectrum: the recurrence checks
   * {@code <v_n|v_n> <= growthLimit <r|r>} at every n where it forms that product (free: it is the
   * moment {@code mu_{2n}}). Inside {@code [-1, 1]} {@code |T_n| <= 1}, so with {@code growthLimit
   * >= 1} a failed check proves that part of the spectrum lies outside the interval; the run then
   * stops and the moments added so far must be discarded.
   *
   * @param growthLimit largest allowed {@code <v_n|v_n> / <r|r>}, e.g. {@code
   *     Chebyshev.GROWTH_LIMIT^2}; infinity turns the check off
   * @return false if a check failed (out then holds partial sums)
   * @throws CancellationException if the thread is interrupted (checked every 64 moments)
   */
  public static boolean accumulate(
      SparseOperator operator,
      double center,
      double halfWidth,
      double growthLimit,
      double[] re,
      double[] im,
      double[] out,
      Workspace work) {
    final double alpha = 1.0 / halfWidth;
    final double beta = -center / halfWidth;
    final int moments = out.length;
    double[] prevRe = re;
    double[] prevIm = im;
    double[] curRe = work.re;
    double[] curIm = work.im;
    // v_1 = A~ r
    operator.apply(prevRe, prevIm, alpha, beta, 0, null, null, curRe, curIm, null, null, 0, 0);
    InnerProducts sums = work.sums;
    sums.compute(prevRe, prevIm, curRe, curIm);
    final double mu0 = sums.first;
    final double mu1 = sums.second;
    final boolean verify = growthLimit < Double.POSITIVE_INFINITY;
    final double limit = growthLimit * mu0;
    out[0] += mu0;
    out[1] += mu1;
    for (int n = 1; 2 * n < moments; n++) {
      if (2 * n + 1 < moments) {
        // v_{n+1} = 2 A~ v_n - v_{n-1}, written over v_{n-1}
        operator.apply(
            curRe, curIm, 2 * alpha, 2 * beta, -1, prevRe, prevIm, prevRe, prevIm, null, null, 0,
            0);
        sums.compute(curRe, curIm, prevRe, prevIm);
        // Written so that NaN (an overflow far outside) fails too.
        if (verify && !(sums.first <= limit)) {
          return false;
        }
        out[2 * n] += 2 * sums.first - mu0;
        out[2 * n + 1] += 2 * sums.second - mu1;
        double[] t = prevRe;
        prevRe = curRe;
        curRe = t;
        t = prevIm;
        prevIm = curIm;
        curIm = t;
      } else {
        sums.compute(curRe, curIm, null, null);
        // Written so that NaN (an overflow far outside) fails too.
        if (verify && !(sums.first <= limit)) {
          return false;
        }
        out[2 * n] += 2 * sums.first - mu0;
      }
      if (n % INTERRUPT_CHECK == 0 && Thread.currentThread().isInterrupted()) {
        throw new CancellationException(
            "ChebyshevMoments: interrupted at moment " + 2 * n + " of " + moments);
      }
    }
    return true;
  }

  /**
   * {@code first = <x|x>} and {@code second = Re <y|x>} in one pass over the vectors, summed per
   * block and then in block order. Reused for every moment: its fields are the arguments.
   */
  private static final class InnerProducts implements Parallel.RangeBody {
    private final double[] firstPartial;
    private final double[] secondPartial;
    private double[] xRe;
    private double[] xIm;
    private double[] yRe;
    private double[] yIm;
    double first;
    double second;

    InnerProducts(int blocks) {
      firstPartial = new double[Math.max(1, blocks)];
      secondPartial = new double[Math.max(1, blocks)];
    }

    /** Computes both sums; {@code yRe == null} skips the second. */
    void compute(double[] xRe, double[] xIm, double[] yRe, double[] yIm) {
      this.xRe = xRe;
      this.xIm = xIm;
      this.yRe = yRe;
      this.yIm = yIm;
      Parallel.forRange(xRe.length, this);
      double a = 0;
      double b = 0;
      int blocks = (xRe.length + Parallel.BLOCK - 1) / Parallel.BLOCK;
      for (int k = 0; k < blocks; k++) {
        a += firstPartial[k];
        b += secondPartial[k];
      }
      first = a;
      second = yRe == null ? 0 : b;
      this.xRe = null;
      this.xIm = null;
      this.yRe = null;
      this.yIm = null;
    }

    @Override
    public void run(int from, int to) {
      for (int block = from / Parallel.BLOCK; block * Parallel.BLOCK < to; block++) {
        int start = block * Parallel.BLOCK;
        int end = Math.min(to, start + Parallel.BLOCK);
        double a = 0;
        double b = 0;
        if (yRe == null) {
          for (int i = start; i < end; i++) {
            a += xRe[i] * xRe[i] + xIm[i] * xIm[i];
          }
        } else {
          for (int i = start; i < end; i++) {
            double r = xRe[i];
            double m = xIm[i];
            a += r * r + m * m;
            b += yRe[i] * r + yIm[i] * m;
          }
        }
        firstPartial[block] = a;
        secondPartial[block] = b;
      }
    }
  }
}
