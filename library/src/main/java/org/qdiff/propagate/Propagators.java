package org.qdiff.propagate;

/** Factories of the numerical methods for Schrödinger's equation (3). */
public final class Propagators {

  private Propagators() {}

  /**
   * The Chebyshev-expansion propagator (default tolerance 1e-12 per step), for any size: applies H
   * matrix-free.
   */
  public static ChebyshevPropagator chebyshev() {
    return new ChebyshevPropagator(1e-12);
  }

  /** Exact diagonalization, for small systems (at most 4096 sites by default). */
  public static ExactPropagator exact() {
    return new ExactPropagator(4096);
  }
}
