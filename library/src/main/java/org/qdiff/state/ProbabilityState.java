package org.qdiff.state;

import org.qdiff.lattice.Lattice;

/**
 * Anything that gives a probability p(x) for each site of a lattice: a wave function (Eq. 4, {@code
 * p = |psi|^2}) or a classical distribution. Observables that only need p work on both.
 */
public interface ProbabilityState {

  /** The lattice the state lives on. */
  Lattice lattice();

  /**
   * Writes p(x) for every site into {@code out} (length N, modified).
   *
   * @throws IllegalArgumentException if {@code out.length != N}
   */
  void probabilitiesInto(double[] out);

  /** p(x) for every site, as a new array. */
  default double[] probabilityArray() {
    double[] p = new double[lattice().size()];
    probabilitiesInto(p);
    return p;
  }
}
