package org.qdiff.propagate;

import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.numeric.Check;
import org.qdiff.numeric.DenseEigen;
import org.qdiff.state.StateBuffers;

/**
 * Exact diagonalization: {@code exp(-iHt) = sum_n exp(-i E_n t) |n><n|}, exact up to rounding at
 * any time. For small systems only: memory grows as N^2 and time as N^3.
 */
public final class ExactPropagator implements Propagator {

  private final int maxSites;

  ExactPropagator(int maxSites) {
    this.maxSites = maxSites;
  }

  /**
   * A copy that accepts Hamiltonians up to this many sites (default 4096). Memory is checked in any
   * case.
   *
   * @param sites >= 1
   */
  public ExactPropagator maxSites(int sites) {
    Check.atLeast("ExactPropagator.maxSites", "sites", sites, 1);
    return new ExactPropagator(sites);
  }

  @Override
  public String describe() {
    return "exact diagonalization";
  }

  @Override
  public void check(Hamiltonian hamiltonian) {
    int n = hamiltonian.size();
    if (n > maxSites) {
      throw new IllegalArgumentException(
          "Propagators.exact: dense diagonalization allows at most maxSites = "
              + maxSites
              + " sites, got N = "
              + n
              + "; raise maxSites(...) if memory allows, or use Propagators.chebyshev()");
    }
    long need = DenseEigen.bytesNeeded(n, hamiltonian.isComplex());
    long have = DenseEigen.bytesAvailable();
    if (need > have) {
      throw new IllegalArgumentException(
          String.format(
              "Propagators.exact: dense diagonalization of N = %d sites needs about %.1f GB, "
                  + "more than the %.1f GB available; use Propagators.chebyshev() instead",
              n, need / 1e9, have / 1e9));
    }
  }

  @Override
  public Stepper prepare(Hamiltonian hamiltonian) {
    check(hamiltonian);
    DenseEigen eigen = DenseEigen.of(hamiltonian.operator());
    double[] outRe = new double[hamiltonian.size()];
    double[] outIm = new double[hamiltonian.size()];
    return (StateBuffers state, double from, double to) -> {
      eigen.propagate(to - from, state.re, state.im, outRe, outIm);
      System.arraycopy(outRe, 0, state.re, 0, outRe.length);
      System.arraycopy(outIm, 0, state.im, 0, outIm.length);
      return 0;
    };
  }

  @Override
  public String toString() {
    return "Propagators.exact()";
  }
}
