package org.qdiff.walk;

import java.util.Arrays;
import org.hipparchus.complex.Complex;
import org.qdiff.numeric.Check;

/**
 * The coin C of a coined quantum walk: a unitary c x c matrix that mixes the walker's internal
 * ("coin") states before every shift. Immutable and thread-safe.
 *
 * <p>Entry {@code (j, k)} is the amplitude {@code <j|C|k>}: the coin sends coin state k to {@code
 * sum_j C_jk |j>}. Which direction or arc a coin index stands for is fixed by the walk (see {@link
 * CoinedWalk} and {@link Shift}).
 *
 * <p>Factories: {@link #hadamard()} (c = 2, the walk on Z), {@link #grover(int)} (2/c - delta, the
 * coin that treats all directions alike), {@link #fourier(int)} (the discrete Fourier transform)
 * and {@link #of(double[][], double[][])} for any unitary matrix the user writes down. Every coin
 * is checked to be unitary to {@value #UNITARITY_TOLERANCE}.
 */
public final class Coin {

  /**
   * Largest allowed deviation {@code max_jk |(C^dagger C - 1)_jk|}: a few hundred times the
   * round-off of an entry such as 1/sqrt 2, small enough that the norm drifts by at most about c
   * times this per step.
   */
  public static final double UNITARITY_TOLERANCE = 1e-12;

  private final String name;
  private final int dimension;
  // Row-major: entry (j, k) at j * dimension + k.
  private final double[] re;
  private final double[] im;

  private Coin(String name, int dimension, double[] re, double[] im) {
    this.name = name;
    this.dimension = dimension;
    this.re = re;
    this.im = im;
  }

  // ---------------------------------------------------------------- factories

  /**
   * The Hadamard coin {@code H = (1/sqrt 2) [[1, 1], [1, -1]]}, c = 2: the coin of the quantum walk
   * on Z. From coin state |0> (a step to +1) it makes {@code (|0> + |1>)/sqrt 2}, from |1> it makes
   * {@code (|0> - |1>)/sqrt 2}: an equal-weight superposition of both directions, with a sign.
   */
  public static Coin hadamard() {
    double s = 1 / Math.sqrt(2);
    return new Coin("Hadamard", 2, new double[] {s, s, s, -s}, new double[4]);
  }

  /**
   * The Grover coin {@code G_jk = 2/c - delta_jk} of dimension c: the reflection about the uniform
   * coin state. Every direction is treated alike: the walker keeps its coin state with amplitude
   * {@code 2/c - 1} and moves to each other one with amplitude {@code 2/c}. For c = 2 it is the
   * swap {@code [[0, 1], [1, 0]]}, for c = 1 the number 1.
   *
   * @param dimension the coin dimension c (2d on Z^d, the degree on a regular graph), >= 1
   * @throws IllegalArgumentException if {@code dimension < 1}
   */
  public static Coin grover(int dimension) {
    checkDimension("Coin.grover", dimension);
    double[] re = new double[dimension * dimension];
    for (int j = 0; j < dimension; j++) {
      for (int k = 0; k < dimension; k++) {
        re[j * dimension + k] = 2.0 / dimension - (j == k ? 1 : 0);
      }
    }
    return new Coin("Grover", dimension, re, new double[dimension * dimension]);
  }

  /**
   * The Fourier coin {@code F_jk = omega^(j k) / sqrt c} with {@code omega = exp(2 pi i / c)}: the
   * discrete Fourier transform on the coin space. For c = 2 it is the Hadamard coin.
   *
   * @param dimension the coin dimension c, >= 1
   * @throws IllegalArgumentException if {@code dimension < 1}
   */
  public static Coin fourier(int dimension) {
    checkDimension("Coin.fourier", dimension);
    double[] re = new double[dimension * dimension];
    double[] im = new double[dimension * dimension];
    double s = 1 / Math.sqrt(dimension);
    for (int j = 0; j < dimension; j++) {
      for (int k = 0; k < dimension; k++) {
        // Reduce j k mod c first so the angle stays small and exact multiples of pi/2 come out
        // as exact 0 and 1.
        int m = (int) ((long) j * k % dimension);
        double angle = 2 * Math.PI * m / dimension;
        re[j * dimension + k] = s * cosExact(m, dimension, angle);
        im[j * dimension + k] = s * sinExact(m, dimension, angle);
      }
    }
    return new Coin("Fourier", dimension, re, im);
  }

  /**
   * A coin from the real and imaginary parts of its matrix, {@code C_jk = real[j][k] + i
   * imaginary[j][k]} (copied).
   *
   * @param real real parts, a square c x c array, c >= 1
   * @param imaginary imaginary parts, the same shape
   * @throws IllegalArgumentException if an array is null or empty, a row is null or of the wrong
   *     length (the matrix must be square), the shapes differ, an entry is not finite, or the
   *     matrix is not unitary within {@value #UNITARITY_TOLERANCE} (the message gives the
   *     deviation)
   */
  public static Coin of(double[][] real, double[][] imaginary) {
    String where = "Coin.of";
    int c = squareSize(where, "real", real);
    int ci = squareSize(where, "imaginary", imaginary);
    if (ci != c) {
      throw new IllegalArgumentException(
          where
              + ": real and imaginary must have the same shape, got "
              + c
              + "x"
              + c
              + " and "
              + ci
              + "x"
              + ci);
    }
    double[] re = new double[c * c];
    double[] im = new double[c * c];
    for (int j = 0; j < c; j++) {
      for (int k = 0; k < c; k++) {
        re[j * c + k] = Check.finite(where, "real[" + j + "][" + k + "]", real[j][k]);
        im[j * c + k] = Check.finite(where, "imaginary[" + j + "][" + k + "]", imaginary[j][k]);
      }
    }
    return checked(where, new Coin("custom", c, re, im));
  }

  /**
   * A coin from a real matrix (copied), e.g. a rotation {@code [[cos a, -sin a], [sin a, cos a]]}.
   *
   * @param real the matrix, square c x c, c >= 1
   * @throws IllegalArgumentException as {@link #of(double[][], double[][])}
   */
  public static Coin of(double[][] real) {
    int c = squareSize("Coin.of", "real", real);
    return of(real, new double[c][c]);
  }

  /**
   * A coin from a matrix of Hipparchus complex numbers (copied).
   *
   * @param matrix the matrix, square c x c, c >= 1
   * @throws IllegalArgumentException as {@link #of(double[][], double[][])}, and if an entry is
   *     null
   */
  public static Coin of(Complex[][] matrix) {
    String where = "Coin.of";
    int c = squareSize(where, "matrix", matrix);
    double[][] real = new double[c][c];
    double[][] imaginary = new double[c][c];
    for (int j = 0; j < c; j++) {
      for (int k = 0; k < c; k++) {
        Complex z = matrix[j][k];
        if (z == null) {
          throw new IllegalArgumentException(
              where + ": matrix[" + j + "][" + k + "] must not be null");
        }
        real[j][k] = Check.finite(where, "matrix[" + j + "][" + k + "] (real part)", z.getReal());
        imaginary[j][k] =
            Check.finite(where, "matrix[" + j + "][" + k + "] (imaginary part)", z.getImaginary());
      }
    }
    return of(real, imaginary);
  }

  // ---------------------------------------------------------------- accessors

  /** The coin dimension c: the number of internal states (2d on Z^d, the degree on a graph). */
  public int dimension() {
    return dimension;
  }

  /**
   * The matrix entry {@code <j|C|k>}.
   *
   * @throws IllegalArgumentException if j or k is not in {@code [0, c-1]}
   */
  public Complex entry(int j, int k) {
    Check.index("Coin.entry", "j", j, dimension);
    Check.index("Coin.entry", "k", k, dimension);
    return new Complex(re[j * dimension + k], im[j * dimension + k]);
  }

  /** Real parts as a new c x c array. */
  public double[][] real() {
    return unflatten(re);
  }

  /** Imaginary parts as a new c x c array. */
  public double[][] imaginary() {
    return unflatten(im);
  }

  /** The largest deviation {@code max_jk |(C^dagger C - 1)_jk|} from unitarity (round-off). */
  public double unitarityDeviation() {
    return unitarityDeviation(dimension, re, im);
  }

  // Package-private views for the kernel: row-major, do not modify.
  double[] realEntries() {
    return re;
  }

  double[] imaginaryEntries() {
    return im;
  }

  /** The coin's name: "Hadamard", "Grover", "Fourier" or "custom". */
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    StringBuilder s =
        new StringBuilder("Coin ")
            .append(name)
            .append(" (")
            .append(dimension)
            .append('x')
            .append(dimension)
            .append(')');
    if (dimension <= 4) {
      s.append(": [");
      for (int j = 0; j < dimension; j++) {
        s.append(j == 0 ? "[" : ", [");
        for (int k = 0; k < dimension; k++) {
          s.append(k == 0 ? "" : ", ").append(format(re[j * dimension + k], im[j * dimension + k]));
        }
        s.append(']');
      }
      s.append(']');
    }
    return s.toString();
  }

  // ---------------------------------------------------------------- helpers

  private static void checkDimension(String where, int dimension) {
    Check.atLeast(where, "dimension", dimension, 1);
    // c^2 entries are stored; far beyond any degree the lattices of this library have.
    if (dimension > 4096) {
      throw new IllegalArgumentException(
          where + ": dimension must be in [1, 4096], got " + dimension);
    }
  }

  private static int squareSize(String where, String name, Object[] rows) {
    if (rows == null) {
      throw new IllegalArgumentException(where + ": " + name + " must not be null");
    }
    int c = rows.length;
    if (c == 0) {
      throw new IllegalArgumentException(
          where + ": " + name + " must be a square c x c matrix with c >= 1, got 0 rows");
    }
    checkDimension(where, c);
    for (int j = 0; j < c; j++) {
      Object row = rows[j];
      int length = row == null ? -1 : java.lang.reflect.Array.getLength(row);
      if (length != c) {
        throw new IllegalArgumentException(
            where
                + ": "
                + name
                + " must be square ("
                + c
                + " rows of "
                + c
                + " entries), got row "
                + j
                + (row == null ? " null" : " of length " + length));
      }
    }
    return c;
  }

  private static Coin checked(String where, Coin coin) {
    double deviation = coin.unitarityDeviation();
    if (!(deviation <= UNITARITY_TOLERANCE)) {
      throw new IllegalArgumentException(
          where
              + ": the matrix must be unitary (max |(C^dagger C - 1)_jk| <= "
              + UNITARITY_TOLERANCE
              + "), got deviation "
              + deviation
              + "; write entries such as 1/sqrt 2 as 1 / Math.sqrt(2), not 0.7071");
    }
    return coin;
  }

  static double unitarityDeviation(int c, double[] re, double[] im) {
    double worst = 0;
    for (int j = 0; j < c; j++) {
      for (int k = 0; k < c; k++) {
        // (C^dagger C)_jk = sum_m conj(C_mj) C_mk
        double sr = 0;
        double si = 0;
        for (int m = 0; m < c; m++) {
          double ar = re[m * c + j];
          double ai = -im[m * c + j];
          double br = re[m * c + k];
          double bi = im[m * c + k];
          sr += ar * br - ai * bi;
          si += ar * bi + ai * br;
        }
        if (j == k) {
          sr -= 1;
        }
        worst = Math.max(worst, Math.hypot(sr, si));
      }
    }
    return worst;
  }

  private double[][] unflatten(double[] flat) {
    double[][] out = new double[dimension][];
    for (int j = 0; j < dimension; j++) {
      out[j] = Arrays.copyOfRange(flat, j * dimension, (j + 1) * dimension);
    }
    return out;
  }

  private static double cosExact(int m, int c, double angle) {
    if (4 * m == c || 4 * m == 3 * c) {
      return 0;
    }
    if (2 * m == c) {
      return -1;
    }
    return m == 0 ? 1 : Math.cos(angle);
  }

  private static double sinExact(int m, int c, double angle) {
    if (m == 0 || 2 * m == c) {
      return 0;
    }
    if (4 * m == c) {
      return 1;
    }
    if (4 * m == 3 * c) {
      return -1;
    }
    return Math.sin(angle);
  }

  private static String format(double re, double im) {
    if (im == 0) {
      return String.format("%.4g", re);
    }
    if (re == 0) {
      return String.format("%.4gi", im);
    }
    return String.format("%.4g%+.4gi", re, im);
  }
}
