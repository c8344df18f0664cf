package org.qdiff.propagate;

/** Factories of the numerical methods for Schrödinger's equation (3). */
public final class Propagators {

  private Propagators() {}

  /**
   * The Chebyshev-expansion propagator (default tolerance 1e-12 per step), for any size: applies H
   * matrix-free. It expands on the Lanczos estimate of the spectral interval, verified during the
   * run ({@link ChebyshevPropagator#bounds(org.qdiff.hamiltonian.SpectralBounds.Source)}).
   */
  public static ChebyshevPropagator chebyshev() {
    return new ChebyshevPropagator(1e-12);
  }

  /** Exact diagonalization, for small systems (at most 4096 sites by default). */
  public static ExactPropagator exact() {
    return new ExactPropagator(4096);
  }

  /**
   * Exact propagation by FFTs for translation-invariant Hamiltonians (uniform hopping on a periodic
   * box, constant potential): two transforms per output time whatever the time step, so free wave
   * packets can be followed over times far beyond a Chebyshev series' reach.
   */
  public static FourierPropagator fourier() {
    return new FourierPropagator();
  }
}
