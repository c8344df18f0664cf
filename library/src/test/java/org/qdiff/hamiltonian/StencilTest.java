package org.qdiff.hamiltonian;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qdiff.lattice.Lattice;
import org.qdiff.random.Seed;
import org.qdiff.state.WaveFunction;

/**
 * The stencil kernel (neighbours from strides) against the same hopping stored bond by bond in
 * compressed rows (neighbours from the lattice's adjacency list): two independent codes.
 */
class StencilTest {

  static Stream<Arguments> boxes() {
    return Stream.of(
        Arguments.of(Lattice.chain(1).build()),
        Arguments.of(Lattice.chain(2).build()),
        Arguments.of(Lattice.chain(70_001).periodic().build()),
        Arguments.of(Lattice.square(3, 1).build()),
        Arguments.of(Lattice.square(5, 7).periodic(1).build()),
        Arguments.of(Lattice.square(300, 301).periodic(0).build()),
        Arguments.of(Lattice.cubic(2, 3, 4).build()),
        Arguments.of(Lattice.cubic(40, 37, 41).periodic().build()),
        Arguments.of(Lattice.cubic(33, 1, 35).periodic(0).build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("boxes")
  void stencilEqualsBondByBondHopping(Lattice lattice) {
    Disorder v = Disorder.normal().seed(1);
    Hamiltonian stencil = Hamiltonian.on(lattice).hopping(0.8).onsite(v).build();
    Hamiltonian bonds =
        Hamiltonian.on(lattice).hopping((from, to) -> new Complex(-0.8)).onsite(v).build();
    Seed seed = Seed.of(3);
    WaveFunction psi =
        WaveFunction.fromFunction(lattice, i -> new Complex(seed.normal(0, i), seed.normal(1, i)));
    double distance = stencil.apply(psi).distance(bonds.apply(psi));
    assertTrue(distance < 1e-13, lattice + ": distance " + distance);
  }
}
