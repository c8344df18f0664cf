package org.qdiff.propagate;

import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Fourier;
import org.qdiff.state.StateBuffers;

/**
 * Exact propagation of translation-invariant Hamiltonians by Fourier transforms: plane waves are
 * the eigenvectors, so {@code psi_t = F^-1 exp(-i E(k) t) F psi_0} with the Bloch energies E(k)
 * (for the hopping h on every bond of Z^d, {@code E(k) = v + sum_a 2 h cos k_a}). Exact up to
 * rounding at any time, at the cost of two FFTs whatever t is: the method for free wave packets
 * over long times (a Chebyshev series needs about {@code t * (E_max - E_min) / 2} products).
 *
 * <p>Applies to a lattice periodic along every axis with uniform hopping and a constant potential
 * (no disorder, no graph hopping, no complex bonds); {@link #check} says so otherwise.
 */
public final class FourierPropagator implements Propagator {

  FourierPropagator() {}

  @Override
  public String describe() {
    return "Fourier (exact for translation-invariant H)";
  }

  @Override
  public void check(Hamiltonian hamiltonian) {
    blochEnergies(hamiltonian);
  }

  /** E(k) on the FFT grid, or the reason this method does not apply. */
  private static double[] blochEnergies(Hamiltonian hamiltonian) {
    Lattice lattice = hamiltonian.lattice();
    if (lattice.internalStates() > 1) {
      throw new IllegalArgumentException(
          "Propagators.fourier: transforms one amplitude per site, but "
              + lattice
              + " has internal states; use Propagators.chebyshev()");
    }
    double[] energies = lattice.isBox() ? hamiltonian.operator().blochEnergies() : null;
    if (energies == null) {
      throw new IllegalArgumentException(
          "Propagators.fourier: needs a translation-invariant Hamiltonian (uniform hopping on a"
              + " lattice periodic along every axis, constant potential), got "
              + hamiltonian.description()
              + " on "
              + lattice
              + "; use Propagators.chebyshev() for disorder, open boundaries or graphs");
    }
    return energies;
  }

  @Override
  public Stepper prepare(Hamiltonian hamiltonian) {
    double[] energies = blochEnergies(hamiltonian);
    Fourier fourier = Fourier.of(hamiltonian.lattice().sides());
    return (StateBuffers state, double from, double to) -> {
      double dt = to - from;
      double[] re = state.re;
      double[] im = state.im;
      fourier.forward(re, im);
      for (int k = 0; k < energies.length; k++) {
        double phase = -energies[k] * dt;
        double c = Math.cos(phase);
        double s = Math.sin(phase);
        double r = re[k];
        double i = im[k];
        re[k] = r * c - i * s;
        im[k] = r * s + i * c;
      }
      fourier.inverse(re, im);
      return 0;
    };
  }

  @Override
  public String toString() {
    return "Propagators.fourier()";
  }
}
