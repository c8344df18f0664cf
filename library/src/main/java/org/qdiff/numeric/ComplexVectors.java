package org.qdiff.numeric;

/**
 * Operations on complex vectors stored split: {@code re[i] + i im[i]}.
 *
 * <p>All reductions are deterministic for any thread count (see {@link Parallel}). Arrays are
 * assumed to have equal lengths; outputs must not alias inputs unless stated.
 */
public final class ComplexVectors {

  private ComplexVectors() {}

  /** Squared norm {@code sum |z_i|^2}. Arrays not modified. */
  public static double normSquared(double[] re, double[] im) {
    return Parallel.sum(
        re.length,
        (from, to) -> {
          double s = 0;
          for (int i = from; i < to; i++) {
            s += re[i] * re[i] + im[i] * im[i];
          }
          return s;
        });
  }

  /**
   * Inner product {@code <a|b> = sum conj(a_i) b_i}, antilinear in the first argument.
   *
   * @param out receives {real, imaginary} (modified); inputs not modified
   */
  public static void dot(double[] aRe, double[] aIm, double[] bRe, double[] bIm, double[] out) {
    out[0] =
        Parallel.sum(
            aRe.length,
            (from, to) -> {
              double s = 0;
              for (int i = from; i < to; i++) {
                s += aRe[i] * bRe[i] + aIm[i] * bIm[i];
              }
              return s;
            });
    out[1] =
        Parallel.sum(
            aRe.length,
            (from, to) -> {
              double s = 0;
              for (int i = from; i < to; i++) {
                s += aRe[i] * bIm[i] - aIm[i] * bRe[i];
              }
              return s;
            });
  }

  /** Multiplies in place by the complex number {@code cRe + i cIm}. Arrays modified. */
  public static void scale(double[] re, double[] im, double cRe, double cIm) {
    Parallel.forRange(
        re.length,
        (from, to) -> {
          for (int i = from; i < to; i++) {
            double r = re[i];
            double m = im[i];
            re[i] = cRe * r - cIm * m;
            im[i] = cRe * m + cIm * r;
          }
        });
  }

  /** Probabilities {@code p_i = |z_i|^2} into {@code out} (modified). Inputs not modified. */
  public static void probabilities(double[] re, double[] im, double[] out) {
    Parallel.forRange(
        re.length,
        (from, to) -> {
          for (int i = from; i < to; i++) {
            out[i] = re[i] * re[i] + im[i] * im[i];
          }
        });
  }

  /**
   * True if every entry is finite. Used at output times so that a numerical failure surfaces as an
   * exception instead of NaN in a table.
   */
  public static boolean allFinite(double[] re, double[] im) {
    double s =
        Parallel.sum(
            re.length,
            (from, to) -> {
              double acc = 0;
              for (int i = from; i < to; i++) {
                acc += re[i] * 0.0 + im[i] * 0.0;
              }
              return acc;
            });
    // x * 0 is 0 for finite x and NaN for NaN or infinity: one pass detects both.
    return s == 0.0;
  }
}
