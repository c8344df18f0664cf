package org.qdiff.numeric;

import org.jtransforms.fft.DoubleFFT_1D;
import org.jtransforms.fft.DoubleFFT_2D;
import org.jtransforms.fft.DoubleFFT_3D;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * The bridge to JTransforms: discrete Fourier transforms of complex data in qdiff's split layout
 * (separate re and im buffers, row-major over a box of 1, 2 or 3 sides of any length).
 *
 * <p>Both directions are unitary: {@code X_k = N^{-1/2} sum_j x_j exp(-2 pi i j.k / side)} and its
 * inverse, so a normalized vector stays normalized. Index k along an axis of side L stands for the
 * wave number {@code 2 pi k / L} for k < L/2 and {@code 2 pi (k - L) / L} above ({@link
 * #waveNumber}).
 *
 * <p>Not thread-safe: each instance owns one interleaved work buffer of 2N doubles (allocated once;
 * no allocation per transform). JTransforms runs on as many threads as {@link Parallel#threads()}.
 */
public final class Fourier {

  private final int[] sides;
  private final int size;
  private final double scale;
  private final DoubleFFT_1D fft1;
  private final DoubleFFT_2D fft2;
  private final DoubleFFT_3D fft3;
  private final double[] work;

  private Fourier(int[] sides) {
    this.sides = sides.clone();
    int n = 1;
    for (int s : sides) {
      n = Math.multiplyExact(n, s);
    }
    this.size = n;
    this.scale = 1 / Math.sqrt(n);
    this.fft1 = sides.length == 1 ? new DoubleFFT_1D(sides[0]) : null;
    this.fft2 = sides.length == 2 ? new DoubleFFT_2D(sides[0], sides[1]) : null;
    this.fft3 = sides.length == 3 ? new DoubleFFT_3D(sides[0], sides[1], sides[2]) : null;
    this.work = new double[Math.multiplyExact(2, n)];
  }

  /**
   * A transform over a box with these sides (row-major, as a lattice lays out its sites).
   *
   * @param sides 1 to 3 sides, each >= 1
   * @throws IllegalArgumentException otherwise
   */
  public static Fourier of(int... sides) {
    Check.notNull("Fourier.of", "sides", sides);
    if (sides.length < 1 || sides.length > 3) {
      throw new IllegalArgumentException(
          "Fourier.of: sides must name 1 to 3 axes, got " + sides.length);
    }
    for (int a = 0; a < sides.length; a++) {
      Check.atLeast("Fourier.of", "sides[" + a + "]", sides[a], 1);
    }
    if ((long) sides[0] * (sides.length > 1 ? sides[1] : 1) * (sides.length > 2 ? sides[2] : 1)
        > Integer.MAX_VALUE / 2) {
      throw new IllegalArgumentException(
          "Fourier.of: at most "
              + Integer.MAX_VALUE / 2
              + " points, got sides that multiply to more");
    }
    return new Fourier(sides);
  }

  /** Number of points N. */
  public int size() {
    return size;
  }

  /** The sides (a copy). */
  public int[] sides() {
    return sides.clone();
  }

  /**
   * The wave number of index k along an axis of side L: {@code 2 pi k / L} for {@code k < L/2},
   * else {@code 2 pi (k - L) / L}; in [-pi, pi).
   */
  public static double waveNumber(int k, int side) {
    int m = k < (side + 1) / 2 ? k : k - side;
    return 2 * Math.PI * m / side;
  }

  /**
   * In-place forward transform (unitary).
   *
   * @param re real parts, length N (modified)
   * @param im imaginary parts, length N (modified)
   */
  public void forward(double[] re, double[] im) {
    transform(re, im, true);
  }

  /**
   * In-place inverse transform (unitary).
   *
   * @param re real parts, length N (modified)
   * @param im imaginary parts, length N (modified)
   */
  public void inverse(double[] re, double[] im) {
    transform(re, im, false);
  }

  private void transform(double[] re, double[] im, boolean forward) {
    if (re.length != size || im.length != size) {
      throw new IllegalArgumentException(
          "Fourier: re and im must have length N = "
              + size
              + ", got "
              + re.length
              + " and "
              + im.length);
    }
    if (re == im) {
      throw new IllegalArgumentException("Fourier: re and im must be different arrays");
    }
    ConcurrencyUtils.setNumberOfThreads(Parallel.threads());
    double[] w = work;
    Parallel.forRange(
        size,
        (lo, hi) -> {
          for (int i = lo; i < hi; i++) {
            w[2 * i] = re[i];
            w[2 * i + 1] = im[i];
          }
        });
    if (fft1 != null) {
      if (forward) {
        fft1.complexForward(w);
      } else {
        fft1.complexInverse(w, false);
      }
    } else if (fft2 != null) {
      if (forward) {
        fft2.complexForward(w);
      } else {
        fft2.complexInverse(w, false);
      }
    } else if (forward) {
      fft3.complexForward(w);
    } else {
      fft3.complexInverse(w, false);
    }
    double s = scale;
    Parallel.forRange(
        size,
        (lo, hi) -> {
          for (int i = lo; i < hi; i++) {
            re[i] = w[2 * i] * s;
            im[i] = w[2 * i + 1] * s;
          }
        });
  }
}
