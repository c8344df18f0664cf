package org.qdiff.walk;

import org.hipparchus.complex.Complex;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Check;
import org.qdiff.state.ProbabilityState;

/**
 * The state of a coined quantum walk: an amplitude psi(x, k) for every site x and coin index k, in
 * the product of the position space (N sites) and the coin space (c states). Immutable.
 *
 * <p><b>Layout.</b> Two {@code double[]} of length N c hold the real and imaginary parts; the
 * amplitude of (x, k) sits at index {@code x * c + k}, so the c coin amplitudes of a site are
 * contiguous. The coin dimension is 2d on a box of Z^d (index {@code 2a} points along {@code +e_a},
 * {@code 2a + 1} along {@code -e_a}) and the degree on a regular graph (index k is the arc to the
 * k-th entry of {@link Lattice#neighbours}); see {@link Shift}.
 *
 * <p><b>Position probabilities.</b> The walker is found at x with probability {@code p(x) = sum_k
 * |psi(x, k)|^2}, so every observable of {@link org.qdiff.observe.Observables} that reads p (mean
 * squared displacement, return probability, entropy, mean position, variance, ...) works on a
 * coined state unchanged.
 *
 * <p>Every factory returns a normalized state, {@code sum_{x,k} |psi(x, k)|^2 = 1}.
 */
public final class CoinedState implements ProbabilityState {

  private final Lattice lattice;
  private final int coinDimension;
  final double[] re;
  final double[] im;

  CoinedState(Lattice lattice, int coinDimension, double[] re, double[] im) {
    this.lattice = lattice;
    this.coinDimension = coinDimension;
    this.re = re;
    this.im = im;
  }

  // ---------------------------------------------------------------- factories

  /**
   * The walker at one site, in a given coin state (normalized here): {@code psi(site, k) =
   * coinState[k] / |coinState|}, zero elsewhere. On Z, {@code at(line, line.origin(), Complex.ONE,
   * Complex.I)} is the symmetric start {@code (|0> + i|1>)/sqrt 2} of the Hadamard walk.
   *
   * @param lattice a box of Z^d or a regular graph
   * @param site the site, in {@code [0, N-1]}
   * @param coinState c complex amplitudes (c = 2d on a box, the degree on a graph), not all zero
   * @throws IllegalArgumentException if the site is outside the lattice, the number of coin
   *     amplitudes is not the lattice's coin dimension, an amplitude is null or not finite, all are
   *     zero, or the lattice is a graph that is not regular
   */
  public static CoinedState at(Lattice lattice, int site, Complex... coinState) {
    String where = "CoinedState.at";
    Check.notNull(where, "lattice", lattice);
    Check.notNull(where, "coinState", coinState);
    double[] real = new double[coinState.length];
    double[] imaginary = new double[coinState.length];
    for (int k = 0; k < coinState.length; k++) {
      Complex z = coinState[k];
      if (z == null) {
        throw new IllegalArgumentException(where + ": coinState[" + k + "] must not be null");
      }
      real[k] = z.getReal();
      imaginary[k] = z.getImaginary();
    }
    return localized(where, lattice, site, real, imaginary);
  }

  /**
   * The walker at one site, with coin amplitudes {@code coinReal[k] + i coinImaginary[k]}
   * (normalized here).
   *
   * @param lattice a box of Z^d or a regular graph
   * @param site the site, in {@code [0, N-1]}
   * @param coinReal real parts, one per coin index (c = 2d on a box, the degree on a graph)
   * @param coinImaginary imaginary parts, as many
   * @throws IllegalArgumentException as {@link #at(Lattice, int, Complex...)}
   */
  public static CoinedState at(
      Lattice lattice, int site, double[] coinReal, double[] coinImaginary) {
    String where = "CoinedState.at";
    Check.notNull(where, "lattice", lattice);
    Check.notNull(where, "coinReal", coinReal);
    Check.notNull(where, "coinImaginary", coinImaginary);
    if (coinReal.length != coinImaginary.length) {
      throw new IllegalArgumentException(
          where
              + ": coinReal and coinImaginary must have the same length, got "
              + coinReal.length
              + " and "
              + coinImaginary.length);
    }
    return localized(where, lattice, site, coinReal, coinImaginary);
  }

  /**
   * The walker at the lattice's origin ({@link Lattice#origin()}: coordinates 0 on a box, vertex 0
   * on a graph) in a given coin state (normalized here).
   *
   * @throws IllegalArgumentException as {@link #at(Lattice, int, Complex...)}
   */
  public static CoinedState atOrigin(Lattice lattice, Complex... coinState) {
    Check.notNull("CoinedState.atOrigin", "lattice", lattice);
    return at(lattice, lattice.origin(), coinState);
  }

  /**
   * A state from all its amplitudes (copied, then normalized): {@code psi(x, k) = real[x * c + k] +
   * i imaginary[x * c + k]}.
   *
   * @param lattice a box of Z^d or a regular graph
   * @param real real parts, length N c
   * @param imaginary imaginary parts, length N c
   * @throws IllegalArgumentException if a length is not N c, a value is not finite, the state is
   *     zero, or the lattice is a graph that is not regular
   */
  public static CoinedState of(Lattice lattice, double[] real, double[] imaginary) {
    String where = "CoinedState.of";
    Check.notNull(where, "lattice", lattice);
    Check.notNull(where, "real", real);
    Check.notNull(where, "imaginary", imaginary);
    int c = CoinSpace.dimension(where, lattice);
    long length = (long) lattice.size() * c;
    if (real.length != length || imaginary.length != length) {
      throw new IllegalArgumentException(
          where
              + ": real and imaginary must have length N c = "
              + lattice.size()
              + " x "
              + c
              + " = "
              + length
              + " (amplitude of site x, coin index k at x * c + k), got "
              + real.length
              + " and "
              + imaginary.length);
    }
    return normalized(where, lattice, c, real.clone(), imaginary.clone(), "amplitude");
  }

  private static CoinedState localized(
      String where, Lattice lattice, int site, double[] real, double[] imaginary) {
    lattice.checkSite(where, site);
    int c = CoinSpace.dimension(where, lattice);
    if (real.length != c) {
      throw new IllegalArgumentException(
          where
              + ": coinState must have "
              + c
              + " amplitudes, the coin dimension of "
              + lattice
              + (lattice.isBox()
                  ? " (2d: index 2a steps along +e_a, 2a+1 along -e_a)"
                  : " (its degree: index k is the arc to the k-th neighbour)")
              + ", got "
              + real.length);
    }
    long length = (long) lattice.size() * c;
    if (length > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          where + ": N c must be < 2^31 amplitudes, got " + lattice.size() + " x " + c);
    }
    double[] re = new double[(int) length];
    double[] im = new double[(int) length];
    System.arraycopy(real, 0, re, site * c, c);
    System.arraycopy(imaginary, 0, im, site * c, c);
    return normalized(where, lattice, c, re, im, "coinState");
  }

  private static CoinedState normalized(
      String where, Lattice lattice, int c, double[] re, double[] im, String name) {
    double norm2 = 0;
    for (int i = 0; i < re.length; i++) {
      if (!Double.isFinite(re[i]) || !Double.isFinite(im[i])) {
        int index = name.equals("coinState") ? i % c : i;
        throw new IllegalArgumentException(
            where
                + ": "
                + name
                + "["
                + index
                + "] must be finite, got "
                + re[i]
                + " + "
                + im[i]
                + "i");
      }
      norm2 += re[i] * re[i] + im[i] * im[i];
    }
    if (!(norm2 > 0) || !Double.isFinite(norm2)) {
      throw new IllegalArgumentException(
          where
              + ": "
              + name
              + " must be non-zero with a finite norm (it is normalized), got sum |psi|^2 = "
              + norm2);
    }
    double s = 1 / Math.sqrt(norm2);
    for (int i = 0; i < re.length; i++) {
      re[i] *= s;
      im[i] *= s;
    }
    return new CoinedState(lattice, c, re, im);
  }

  // ---------------------------------------------------------------- accessors

  @Override
  public Lattice lattice() {
    return lattice;
  }

  /** The coin dimension c: 2d on a box of Z^d, the degree on a regular graph. */
  public int coinDimension() {
    return coinDimension;
  }

  /**
   * The amplitude psi(x, k).
   *
   * @throws IllegalArgumentException if the site is not in {@code [0, N-1]} or the coin index not
   *     in {@code [0, c-1]}
   */
  public Complex amplitude(int site, int coinIndex) {
    lattice.checkSite("CoinedState.amplitude", site);
    Check.index("CoinedState.amplitude", "coinIndex", coinIndex, coinDimension);
    int i = site * coinDimension + coinIndex;
    return new Complex(re[i], im[i]);
  }

  /**
   * The position probability {@code p(x) = sum_k |psi(x, k)|^2}.
   *
   * @throws IllegalArgumentException if the site is not in {@code [0, N-1]}
   */
  public double probability(int site) {
    lattice.checkSite("CoinedState.probability", site);
    double p = 0;
    for (int i = site * coinDimension; i < (site + 1) * coinDimension; i++) {
      p += re[i] * re[i] + im[i] * im[i];
    }
    return p;
  }

  /**
   * The probability of one coin index over all sites, {@code sum_x |psi(x, k)|^2}: on Z, the weight
   * moving right (k = 0) or left (k = 1).
   *
   * @throws IllegalArgumentException if the coin index is not in {@code [0, c-1]}
   */
  public double coinProbability(int coinIndex) {
    Check.index("CoinedState.coinProbability", "coinIndex", coinIndex, coinDimension);
    double p = 0;
    for (int i = coinIndex; i < re.length; i += coinDimension) {
      p += re[i] * re[i] + im[i] * im[i];
    }
    return p;
  }

  /** The total probability {@code sum_{x,k} |psi(x, k)|^2}: 1, conserved by the walk. */
  public double normSquared() {
    double s = 0;
    for (int i = 0; i < re.length; i++) {
      s += re[i] * re[i] + im[i] * im[i];
    }
    return s;
  }

  /** Copies of the real and imaginary parts, {@code {re, im}}, in the layout {@code x * c + k}. */
  public double[][] toArrays() {
    return new double[][] {re.clone(), im.clone()};
  }

  /**
   * Writes {@code p(x) = sum_k |psi(x, k)|^2} for every site into {@code out} (length N, modified).
   *
   * @throws IllegalArgumentException if {@code out.length != N}
   */
  @Override
  public void probabilitiesInto(double[] out) {
    if (out == null || out.length != lattice.size()) {
      throw new IllegalArgumentException(
          "CoinedState.probabilitiesInto: out must have length N = "
              + lattice.size()
              + ", got "
              + (out == null ? "null" : out.length));
    }
    CoinedStep.probabilities(coinDimension, re, im, out);
  }

  @Override
  public String toString() {
    return "CoinedState on "
        + lattice
        + ", coin dimension "
        + coinDimension
        + ", sum |psi|^2 = "
        + normSquared();
  }
}
