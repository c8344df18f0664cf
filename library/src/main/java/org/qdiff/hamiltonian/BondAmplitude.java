package org.qdiff.hamiltonian;

import org.hipparchus.complex.Complex;

/**
 * A complex hopping amplitude per bond: {@code amplitude(from, to)} is the matrix element {@code
 * <to|H|from>}, the amplitude to hop from site {@code from} to its neighbour {@code to}. The
 * reverse element is set to the complex conjugate, so the Hamiltonian stays self-adjoint.
 *
 * <p>On a box the function is called once per bond with {@code to} the neighbour of {@code from} in
 * the positive direction of an axis (so a Peierls phase can be written in terms of the bond's
 * direction); on a graph with {@code from < to}.
 */
@FunctionalInterface
public interface BondAmplitude {
  /** The amplitude {@code <to|H|from>}. */
  Complex amplitude(int from, int to);
}
