package org.qdiff.hamiltonian;

import org.hipparchus.complex.Complex;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Check;
import org.qdiff.numeric.ComplexVectors;
import org.qdiff.numeric.Lanczos;
import org.qdiff.numeric.SparseOperator;
import org.qdiff.state.ProbabilityState;
import org.qdiff.state.StateBuffers;
import org.qdiff.state.WaveFunction;

/**
 * A self-adjoint Hamiltonian H on a lattice, the generator of Schrödinger's equation (3). Immutable
 * and thread-safe.
 *
 * <p>Start with {@link #on(Lattice)}, add terms, call {@code build()}. Sums and real multiples of
 * Hamiltonians on the same lattice are Hamiltonians ({@link #plus}, {@link #times}).
 */
public final class Hamiltonian {

  /** The start vector of the Lanczos estimate: fixed, so that the estimate is reproducible. */
  private static final long LANCZOS_SEED = 0x5350454354L;

  private final Lattice lattice;
  private final SparseOperator operator;
  private final SpectralBounds bounds;
  private final String description;
  // Computed on first use and kept: deterministic, so a race at worst computes it twice.
  private volatile SpectralBounds estimated;

  Hamiltonian(Lattice lattice, SparseOperator operator, String description) {
    this.lattice = lattice;
    this.operator = operator;
    double[] g = operator.gershgorinBounds();
    this.bounds = new SpectralBounds(g[0], g[1]);
    this.description = description;
  }

  /** Starts building a Hamiltonian on a lattice. */
  public static HamiltonianBuilder on(Lattice lattice) {
    return new HamiltonianBuilder(Check.notNull("Hamiltonian.on", "lattice", lattice));
  }

  /** The lattice H acts on. */
  public Lattice lattice() {
    return lattice;
  }

  /**
   * The dimension of the Hilbert space H acts on: the number of sites, times the internal states
   * per site on a lattice with internal states ({@link Lattice#states()}).
   */
  public int size() {
    return lattice.states();
  }

  /**
   * Bounds containing the spectrum for certain (Gershgorin discs: the diagonal plus or minus the
   * sum of the absolute off-diagonal elements of each row). See {@link #estimatedSpectralBounds()}
   * for a tighter estimate.
   */
  public SpectralBounds spectralBounds() {
    return bounds;
  }

  /**
   * A tight estimate of the spectral interval: the extreme Ritz values of {@value
   * Lanczos#DEFAULT_STEPS} Lanczos steps from a fixed random-phase start vector, widened by their
   * residuals (Zhou and Li 2011) and by 0.5 % of the width on each side, and clipped to {@link
   * #spectralBounds()}. Usually within a few per cent of the true extremes, where Gershgorin's
   * bounds can be far off (random band matrices: about +-2 against +-8), so Chebyshev expansions
   * need fewer terms.
   *
   * <p>An estimate, not a bound: an eigenvector that the start vector hardly touches can be missed.
   * The methods that use it verify it while they run (see {@link org.qdiff.numeric.Chebyshev}) and
   * fall back to {@link #spectralBounds()} if needed. Computed once, on first call (about 30
   * applications of H), then kept.
   */
  public SpectralBounds estimatedSpectralBounds() {
    SpectralBounds e = estimated;
    if (e == null) {
      double[] b =
          Lanczos.estimateBounds(
              operator, Lanczos.DEFAULT_STEPS, LANCZOS_SEED, Lanczos.DEFAULT_MARGIN);
      e = new SpectralBounds(b[0], b[1]);
      estimated = e;
    }
    return e;
  }

  /**
   * The spectral interval from the given source: {@link #spectralBounds()} or {@link
   * #estimatedSpectralBounds()}.
   */
  public SpectralBounds spectralBounds(SpectralBounds.Source source) {
    Check.notNull("Hamiltonian.spectralBounds", "source", source);
    return source == SpectralBounds.Source.LANCZOS ? estimatedSpectralBounds() : bounds;
  }

  /** True if some off-diagonal element is complex (e.g. Peierls phases). */
  public boolean isComplex() {
    return operator.hasImaginaryPart();
  }

  /**
   * The diagonal elements {@code <x|H|x>}, e.g. to plot a realization of the potential; one per
   * basis state {@code |x, sigma>} on a lattice with internal states.
   */
  public double[] onsiteEnergies() {
    return operator.diagonal();
  }

  /** The matrix-free operator, for propagators. */
  public SparseOperator operator() {
    return operator;
  }

  /**
   * H psi, as a new (unnormalized) wave function.
   *
   * @throws IllegalArgumentException if psi lives on another lattice
   */
  public WaveFunction apply(WaveFunction psi) {
    requireOnLattice("Hamiltonian.apply", psi);
    StateBuffers in = psi.toBuffers();
    StateBuffers out = new StateBuffers(lattice);
    operator.apply(in.re, in.im, out.re, out.im);
    return out.snapshot();
  }

  /**
   * The energy {@code <psi|H|psi> / <psi|psi>}, real because H is self-adjoint.
   *
   * @throws IllegalArgumentException if psi lives on another lattice
   */
  public double energy(WaveFunction psi) {
    requireOnLattice("Hamiltonian.energy", psi);
    StateBuffers in = psi.toBuffers();
    StateBuffers out = new StateBuffers(lattice);
    operator.apply(in.re, in.im, out.re, out.im);
    double[] dot = new double[2];
    ComplexVectors.dot(in.re, in.im, out.re, out.im, dot);
    return dot[0] / ComplexVectors.normSquared(in.re, in.im);
  }

  /** The matrix element {@code <phi|H|psi>}. */
  public Complex matrixElement(WaveFunction phi, WaveFunction psi) {
    return phi.inner(apply(psi));
  }

  /**
   * H + other.
   *
   * @throws IllegalArgumentException if the lattices differ
   */
  public Hamiltonian plus(Hamiltonian other) {
    Check.notNull("Hamiltonian.plus", "other", other);
    if (!lattice.sameGeometry(other.lattice)) {
      throw new IllegalArgumentException(
          "Hamiltonian.plus: the Hamiltonians act on different lattices: "
              + lattice
              + " and "
              + other.lattice);
    }
    return new Hamiltonian(
        lattice,
        operator.plus(other.operator),
        "(" + description + ") + (" + other.description + ")");
  }

  /**
   * factor * H. Only real factors keep H self-adjoint.
   *
   * @param factor finite
   */
  public Hamiltonian times(double factor) {
    Check.finite("Hamiltonian.times", "factor", factor);
    return new Hamiltonian(lattice, operator.times(factor), factor + " * (" + description + ")");
  }

  /**
   * @throws IllegalArgumentException if the state lives on a lattice of another geometry
   */
  public void requireOnLattice(String where, ProbabilityState state) {
    Check.notNull(where, "state", state);
    if (!lattice.sameGeometry(state.lattice())) {
      throw new IllegalArgumentException(
          where
              + ": the state lives on "
              + state.lattice()
              + " but the Hamiltonian acts on "
              + lattice
              + "; build the state on the Hamiltonian's lattice");
    }
  }

  /** What the Hamiltonian is made of. */
  public String description() {
    return description;
  }

  @Override
  public String toString() {
    return "Hamiltonian "
        + description
        + " on "
        + lattice
        + ", "
        + operator.offDiagonalCount() / 2
        + " bonds, spectrum within "
        + bounds;
  }
}
