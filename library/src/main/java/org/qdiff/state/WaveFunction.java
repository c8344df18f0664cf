package org.qdiff.state;

import java.util.function.Function;
import java.util.function.IntFunction;
import org.hipparchus.complex.Complex;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Check;
import org.qdiff.numeric.ComplexVectors;
import org.qdiff.numeric.Parallel;
import org.qdiff.numeric.Tensors;

/**
 * A wave function psi on a lattice: one complex number per site, or per basis state {@code |x,
 * sigma>} on a lattice with s internal states (split into real and imaginary arrays, see the
 * package documentation). Immutable; operations return new wave functions.
 *
 * <p>Factories: {@link #delta} (Eq. 7), {@link #gaussianPacket}, {@link #planeWave}, {@link
 * #fromFunction}, {@link #fromCoordinates}, {@link #fromArrays}. All of them return states
 * normalized as in Eq. (2), {@code sum_x |psi(x)|^2 = 1}, and reject zero or non-finite input. On a
 * lattice with internal states, the factories that describe a spatial profile (delta, packet, plane
 * wave, coordinates) put it in internal state 0 unless given a {@link Spinor}; the probability p(x)
 * of a site is {@code sum_sigma |psi(x, sigma)|^2}.
 */
public final class WaveFunction implements ProbabilityState {

  final double[] re;
  final double[] im;
  private final Lattice lattice;

  WaveFunction(Lattice lattice, double[] re, double[] im) {
    this.lattice = lattice;
    this.re = re;
    this.im = im;
  }

  // ------------------------------------------------------------------ factories

  /**
   * The particle at one site with probability one: psi(x) = 1 if x = site, else 0 (Eq. 7).
   *
   * @throws IllegalArgumentException if the site is not in {@code [0, N-1]}
   */
  public static WaveFunction delta(Lattice lattice, int site) {
    Check.notNull("WaveFunction.delta", "lattice", lattice);
    lattice.checkSite("WaveFunction.delta", site);
    double[] re = new double[lattice.states()];
    re[site * lattice.internalStates()] = 1.0;
    return new WaveFunction(lattice, re, new double[lattice.states()]);
  }

  /**
   * The particle at one site in a given internal state: {@code psi(x, sigma) = chi(sigma)} if x =
   * site, else 0.
   *
   * @throws IllegalArgumentException if the site is not in {@code [0, N-1]} or the spinor does not
   *     have s components
   */
  public static WaveFunction delta(Lattice lattice, int site, Spinor spinor) {
    String where = "WaveFunction.delta";
    Check.notNull(where, "lattice", lattice);
    lattice.checkSite(where, site);
    Check.notNull(where, "spinor", spinor);
    int s = lattice.internalStates();
    spinor.requireDimension(where, s);
    double[] re = new double[lattice.states()];
    double[] im = new double[lattice.states()];
    for (int sigma = 0; sigma < s; sigma++) {
      re[site * s + sigma] = spinor.re(sigma);
      im[site * s + sigma] = spinor.im(sigma);
    }
    return new WaveFunction(lattice, re, im);
  }

  /** The delta state at the origin (Eq. 7). */
  public static WaveFunction delta(Lattice lattice) {
    Check.notNull("WaveFunction.delta", "lattice", lattice);
    return delta(lattice, lattice.origin());
  }

  /**
   * The uniform superposition {@code psi(x) = 1 / sqrt(N)} of all sites: the start of a quantum
   * search, which knows nothing about where the marked site is. With internal states, of all N s
   * basis states.
   */
  public static WaveFunction uniform(Lattice lattice) {
    Check.notNull("WaveFunction.uniform", "lattice", lattice);
    double[] re = new double[lattice.states()];
    java.util.Arrays.fill(re, 1 / Math.sqrt(lattice.states()));
    return new WaveFunction(lattice, re, new double[lattice.states()]);
  }

  /**
   * A Gaussian wave packet {@code psi(x) ~ exp(-|x - x0|^2 / (4 sigma^2) + i k.x)} on a box: its
   * probability has variance sigma^2 along each axis and mean momentum k. Configure it, then call
   * {@code build()}.
   */
  public static GaussianPacketBuilder gaussianPacket(Lattice lattice) {
    Check.notNull("WaveFunction.gaussianPacket", "lattice", lattice);
    return new GaussianPacketBuilder(lattice);
  }

  /**
   * The plane wave {@code psi(x) = exp(i k.x) / sqrt(N)} on a box (in internal state 0). On a
   * periodic box it is an eigenstate of the hopping Hamiltonian when each k_a is a multiple of 2 pi
   * / L_a.
   *
   * @param momentum k, one finite component per axis
   */
  public static WaveFunction planeWave(Lattice lattice, double... momentum) {
    String where = "WaveFunction.planeWave";
    Check.notNull(where, "lattice", lattice);
    checkMomentum(where, lattice, momentum);
    int n = lattice.size();
    int s = lattice.internalStates();
    double[] re = new double[lattice.states()];
    double[] im = new double[lattice.states()];
    double amplitude = 1.0 / Math.sqrt(n);
    for (int i = 0; i < n; i++) {
      double phase = 0;
      for (int a = 0; a < momentum.length; a++) {
        phase += momentum[a] * lattice.coordinate(i, a);
      }
      re[i * s] = amplitude * Math.cos(phase);
      im[i * s] = amplitude * Math.sin(phase);
    }
    return new WaveFunction(lattice, re, im);
  }

  /**
   * A wave function from a function of the site index, then normalized (Eq. 2). On a lattice with s
   * internal states the function is called with every state index {@code x * s + sigma} (see {@link
   * Lattice#stateIndex}).
   *
   * @throws IllegalArgumentException if the function throws or returns null or a non-finite value
   *     (the message names the site), or if every value is 0
   */
  public static WaveFunction fromFunction(Lattice lattice, IntFunction<Complex> amplitude) {
    String where = "WaveFunction.fromFunction";
    Check.notNull(where, "lattice", lattice);
    Check.notNull(where, "amplitude", amplitude);
    int n = lattice.states();
    double[] re = new double[n];
    double[] im = new double[n];
    for (int i = 0; i < n; i++) {
      Complex z;
      try {
        z = amplitude.apply(i);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            where + ": the amplitude function failed at site " + i + ": " + e.getMessage(), e);
      }
      if (z == null) {
        throw new IllegalArgumentException(where + ": the amplitude at site " + i + " is null");
      }
      re[i] = z.getReal();
      im[i] = z.getImaginary();
    }
    return normalizedOrThrow(where, lattice, re, im);
  }

  /**
   * A wave function from a function of the centred coordinates of a box, then normalized; in
   * internal state 0 on a lattice with internal states.
   *
   * @see #fromFunction
   */
  public static WaveFunction fromCoordinates(Lattice lattice, Function<int[], Complex> amplitude) {
    Check.notNull("WaveFunction.fromCoordinates", "lattice", lattice);
    Check.notNull("WaveFunction.fromCoordinates", "amplitude", amplitude);
    int s = lattice.internalStates();
    return fromFunction(
        lattice,
        index -> index % s == 0 ? amplitude.apply(lattice.coordinates(index / s)) : Complex.ZERO);
  }

  /**
   * A wave function from arrays of real and imaginary parts (copied), then normalized. With s
   * internal states the arrays have N s entries, indexed {@code x * s + sigma}.
   *
   * @throws IllegalArgumentException if the lengths are not N s, a value is not finite, or the
   *     state is zero
   */
  public static WaveFunction fromArrays(Lattice lattice, double[] real, double[] imaginary) {
    String where = "WaveFunction.fromArrays";
    Check.notNull(where, "lattice", lattice);
    Check.notNull(where, "real", real);
    Check.notNull(where, "imaginary", imaginary);
    if (real.length != lattice.states() || imaginary.length != lattice.states()) {
      throw new IllegalArgumentException(
          where
              + ": real and imaginary must have length N s = "
              + lattice.states()
              + ", got "
              + real.length
              + " and "
              + imaginary.length);
    }
    return normalizedOrThrow(where, lattice, real.clone(), imaginary.clone());
  }

  static WaveFunction normalizedOrThrow(String where, Lattice lattice, double[] re, double[] im) {
    for (int i = 0; i < re.length; i++) {
      if (!Double.isFinite(re[i]) || !Double.isFinite(im[i])) {
        throw new IllegalArgumentException(
            where
                + ": amplitude at site "
                + i
                + " must be finite, got "
                + re[i]
                + " + "
                + im[i]
                + "i");
      }
    }
    double norm2 = ComplexVectors.normSquared(re, im);
    if (!(norm2 > 0) || !Double.isFinite(norm2)) {
      throw new IllegalArgumentException(
          where + ": the state must be non-zero with a finite norm, got sum |psi|^2 = " + norm2);
    }
    double s = 1.0 / Math.sqrt(norm2);
    for (int i = 0; i < re.length; i++) {
      re[i] *= s;
      im[i] *= s;
    }
    return new WaveFunction(lattice, re, im);
  }

  static void checkMomentum(String where, Lattice lattice, double[] momentum) {
    if (!lattice.isBox()) {
      throw new IllegalArgumentException(
          where + ": needs a box of Z^d (a momentum needs axes), got " + lattice);
    }
    if (momentum == null || momentum.length != lattice.dimension()) {
      throw new IllegalArgumentException(
          where
              + ": momentum must have "
              + lattice.dimension()
              + " components, one per axis, got "
              + (momentum == null ? 0 : momentum.length));
    }
    for (int a = 0; a < momentum.length; a++) {
      Check.finite(where, "momentum k" + (a + 1), momentum[a]);
    }
  }

  // ------------------------------------------------------------------ accessors

  @Override
  public Lattice lattice() {
    return lattice;
  }

  /** Number of complex amplitudes: the sites N, times s with internal states. */
  public int size() {
    return re.length;
  }

  /**
   * psi at one index as a complex number: the site on a lattice without internal states, else the
   * state index {@code x * s + sigma} (see {@link #amplitude(int, int)}).
   */
  public Complex amplitude(int index) {
    Check.index("WaveFunction.amplitude", "index", index, re.length);
    return new Complex(re[index], im[index]);
  }

  /** psi(site, sigma) as a complex number. */
  public Complex amplitude(int site, int sigma) {
    int index = lattice.stateIndex(site, sigma);
    return new Complex(re[index], im[index]);
  }

  /** p(site) = |psi(site)|^2 (Eq. 4), summed over the internal states. */
  public double probability(int site) {
    lattice.checkSite("WaveFunction.probability", site);
    int s = lattice.internalStates();
    double p = 0;
    for (int i = site * s; i < site * s + s; i++) {
      p += re[i] * re[i] + im[i] * im[i];
    }
    return p;
  }

  /** Writes p(x) of every site (summed over the internal states) into {@code out}, length N. */
  @Override
  public void probabilitiesInto(double[] out) {
    if (out.length != lattice.size()) {
      throw new IllegalArgumentException(
          "WaveFunction.probabilitiesInto: out must have length N = "
              + lattice.size()
              + ", got "
              + out.length);
    }
    int s = lattice.internalStates();
    if (s == 1) {
      ComplexVectors.probabilities(re, im, out);
      return;
    }
    Parallel.forRange(
        out.length,
        (from, to) -> {
          for (int x = from; x < to; x++) {
            double p = 0;
            for (int i = x * s; i < x * s + s; i++) {
              p += re[i] * re[i] + im[i] * im[i];
            }
            out[x] = p;
          }
        });
  }

  /**
   * Writes p(x) of the sites {@code first <= x < first + count} into {@code out[0, count)}, the
   * same numbers as {@link #probabilitiesInto(double[])}: lets a sum over p run in short blocks,
   * without an N-sized array. Sequential; for kernels, which check nothing.
   *
   * @param out modified, length at least {@code count}
   */
  public void probabilitiesInto(int first, int count, double[] out) {
    int s = lattice.internalStates();
    if (s == 1) {
      for (int j = 0; j < count; j++) {
        int i = first + j;
        out[j] = re[i] * re[i] + im[i] * im[i];
      }
      return;
    }
    for (int j = 0; j < count; j++) {
      int x = first + j;
      double p = 0;
      for (int i = x * s; i < x * s + s; i++) {
        p += re[i] * re[i] + im[i] * im[i];
      }
      out[j] = p;
    }
  }

  /**
   * p(x) = |psi(x)|^2 (summed over internal states) as an ND4J DOUBLE array shaped like the box (a
   * vector on a graph).
   */
  public INDArray probabilities() {
    return Tensors.array(probabilityArray(), shape());
  }

  /**
   * Real parts as an ND4J DOUBLE array shaped like the box, with a last axis of length s on a
   * lattice with internal states.
   */
  public INDArray real() {
    return Tensors.array(re, componentShape());
  }

  /** Imaginary parts, shaped as {@link #real()}. */
  public INDArray imaginary() {
    return Tensors.array(im, componentShape());
  }

  /** Copies of the real and imaginary parts, {@code {re, im}}. */
  public double[][] toArrays() {
    return new double[][] {re.clone(), im.clone()};
  }

  /** The squared norm {@code sum_x |psi(x)|^2}: the total probability of Eq. (2). */
  public double normSquared() {
    return ComplexVectors.normSquared(re, im);
  }

  /** The norm {@code sqrt(sum_x |psi(x)|^2)}. */
  public double norm() {
    return Math.sqrt(normSquared());
  }

  /** This state divided by its norm, so that Eq. (2) holds. */
  public WaveFunction normalized() {
    return normalizedOrThrow("WaveFunction.normalized", lattice, re.clone(), im.clone());
  }

  /**
   * The inner product {@code <this|other> = sum_x conj(psi(x)) phi(x)}.
   *
   * @throws IllegalArgumentException if the states live on different lattices
   */
  public Complex inner(WaveFunction other) {
    requireSameLattice("WaveFunction.inner", other);
    double[] out = new double[2];
    ComplexVectors.dot(re, im, other.re, other.im, out);
    return new Complex(out[0], out[1]);
  }

  /** {@code |<this|other>|^2}: the probability of finding this state in {@code other}. */
  public double overlap(WaveFunction other) {
    double modulus = inner(other).norm();
    return modulus * modulus;
  }

  /** {@code ||this - other||}, e.g. to compare two evolutions. */
  public double distance(WaveFunction other) {
    requireSameLattice("WaveFunction.distance", other);
    double s = 0;
    for (int i = 0; i < re.length; i++) {
      double dr = re[i] - other.re[i];
      double di = im[i] - other.im[i];
      s += dr * dr + di * di;
    }
    return Math.sqrt(s);
  }

  /** The superposition {@code this + other} (not normalized). */
  public WaveFunction plus(WaveFunction other) {
    requireSameLattice("WaveFunction.plus", other);
    double[] r = new double[re.length];
    double[] m = new double[re.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = re[i] + other.re[i];
      m[i] = im[i] + other.im[i];
    }
    return new WaveFunction(lattice, r, m);
  }

  /** This state times a complex number (not normalized). */
  public WaveFunction times(Complex factor) {
    Check.notNull("WaveFunction.times", "factor", factor);
    double[] r = re.clone();
    double[] m = im.clone();
    ComplexVectors.scale(r, m, factor.getReal(), factor.getImaginary());
    return new WaveFunction(lattice, r, m);
  }

  /**
   * The complex conjugate {@code conj(psi(x))}: quantum time reversal, the counterpart of reversing
   * every velocity in Newton's mechanics. For a real Hamiltonian H (no complex hopping, {@code
   * !H.isComplex()}), {@code conj(exp(-iHt) psi) = exp(+iHt) conj(psi)}: evolving the conjugate
   * forward plays the film of psi backwards.
   */
  public WaveFunction conjugate() {
    double[] m = im.clone();
    for (int i = 0; i < m.length; i++) {
      m[i] = -m[i];
    }
    return new WaveFunction(lattice, re.clone(), m);
  }

  /** Mutable copies of the buffers, for propagators. */
  public StateBuffers toBuffers() {
    return new StateBuffers(lattice, re.clone(), im.clone());
  }

  /**
   * @throws IllegalArgumentException if {@code other} lives on a lattice of another geometry
   */
  public void requireSameLattice(String where, ProbabilityState other) {
    Check.notNull(where, "state", other);
    if (!lattice.sameGeometry(other.lattice())) {
      throw new IllegalArgumentException(
          where
              + ": the states live on different lattices: "
              + lattice
              + " and "
              + other.lattice());
    }
  }

  private int[] shape() {
    return lattice.isBox() ? lattice.sides() : new int[] {lattice.size()};
  }

  private int[] componentShape() {
    int s = lattice.internalStates();
    if (s == 1) {
      return shape();
    }
    int[] sides = lattice.sides();
    int[] shape = java.util.Arrays.copyOf(sides, sides.length + 1);
    shape[sides.length] = s;
    return shape;
  }

  @Override
  public String toString() {
    return "WaveFunction on " + lattice + ", sum |psi|^2 = " + normSquared();
  }
}
