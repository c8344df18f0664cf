package org.qdiff.propagate;

import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.hamiltonian.SpectralBounds;
import org.qdiff.numeric.Chebyshev;
import org.qdiff.numeric.Check;
import org.qdiff.numeric.SparseOperator;

/**
 * The Chebyshev-expansion propagator for large sparse Hamiltonians. Each step's truncation error is
 * bounded in norm by the tolerance, whatever its length (see {@link Chebyshev}); the number of
 * Hamiltonian-vector products grows like {@code halfWidth * |step|}.
 */
public final class ChebyshevPropagator implements Propagator {

  /**
   * Relative widening of the spectral interval: the Gershgorin bounds contain the spectrum exactly,
   * the margin only absorbs rounding in them so that {@code ||H~|| <= 1} surely holds.
   */
  static final double SAFETY_MARGIN = 1e-3;

  private final double tolerance;

  ChebyshevPropagator(double tolerance) {
    this.tolerance = tolerance;
  }

  /**
   * A copy with another tolerance: the bound on each step's error in norm.
   *
   * @param tolerance in [1e-15, 1e-1]
   */
  public ChebyshevPropagator tolerance(double tolerance) {
    if (!(tolerance >= 1e-15 && tolerance <= 1e-1)) {
      throw new IllegalArgumentException(
          "ChebyshevPropagator.tolerance: tolerance must be in [1e-15, 0.1], got " + tolerance);
    }
    return new ChebyshevPropagator(tolerance);
  }

  /** The error bound per step. */
  public double tolerance() {
    return tolerance;
  }

  @Override
  public String describe() {
    return "Chebyshev, tolerance " + tolerance;
  }

  @Override
  public void check(Hamiltonian hamiltonian) {
    Check.notNull("ChebyshevPropagator.check", "hamiltonian", hamiltonian);
  }

  @Override
  public Stepper prepare(Hamiltonian hamiltonian) {
    SpectralBounds bounds = hamiltonian.spectralBounds();
    double center = bounds.center();
    double scale = Math.max(Math.abs(bounds.lower()), Math.abs(bounds.upper()));
    // A zero-width spectrum (H = const) still needs a positive half width.
    double halfWidth = bounds.halfWidth() * (1 + SAFETY_MARGIN) + 1e-12 * Math.max(1, scale);
    SparseOperator operator = hamiltonian.operator();
    Chebyshev.Workspace work = new Chebyshev.Workspace(hamiltonian.size());
    return (state, from, to) ->
        Chebyshev.propagate(
            operator, center, halfWidth, to - from, tolerance, state.re, state.im, work);
  }

  @Override
  public String toString() {
    return "Propagators.chebyshev().tolerance(" + tolerance + ")";
  }
}
