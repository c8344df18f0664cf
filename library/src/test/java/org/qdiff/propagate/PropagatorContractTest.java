package org.qdiff.propagate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qdiff.hamiltonian.Disorder;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Parallel;
import org.qdiff.observe.Observables;
import org.qdiff.random.Seed;
import org.qdiff.state.WaveFunction;
import tech.tablesaw.api.Table;

/** Every propagator on the same problems: they agree with each other and with exact physics. */
class PropagatorContractTest {

  static Stream<Arguments> smallHamiltonians() {
    Lattice chain = Lattice.chain(60).build();
    Lattice square = Lattice.square(7, 9).periodic(0).build();
    Lattice cube = Lattice.cubic(5).periodic().build();
    Lattice ring = Lattice.cycle(40);
    return Stream.of(
        Arguments.of(
            "Anderson chain, normal disorder",
            Hamiltonian.on(chain).laplacian().onsite(Disorder.normal().seed(1)).build()),
        Arguments.of(
            "Anderson square, box W = 6",
            Hamiltonian.on(square).laplacian().onsite(Disorder.box(6).seed(2)).build()),
        Arguments.of(
            "Anderson cube, Cauchy",
            Hamiltonian.on(cube).hopping(1).onsite(Disorder.cauchy(0.5).seed(3)).build()),
        Arguments.of(
            "Anderson chain, binary",
            Hamiltonian.on(chain).hopping(0.7).onsite(Disorder.binary(2).seed(4)).build()),
        Arguments.of(
            "band matrix W = 3",
            Hamiltonian.on(ring).bandMatrix(3, Disorder.normal().seed(5)).build()),
        Arguments.of(
            "complex hopping with a random phase per bond",
            Hamiltonian.on(square)
                .hopping(
                    (from, to) ->
                        Complex.valueOf(0, Seed.of(6).uniform(0, 977L * from + to) * 6.28).exp())
                .onsite(Disorder.box(2).seed(7))
                .build()),
        Arguments.of(
            "sum and multiple: 0.5 H1 + H2",
            Hamiltonian.on(chain)
                .laplacian()
                .build()
                .times(0.5)
                .plus(Hamiltonian.on(chain).onsite(Disorder.normal().seed(8)).build())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("smallHamiltonians")
  void chebyshevAgreesWithExactDiagonalization(String name, Hamiltonian h) {
    Lattice lattice = h.lattice();
    WaveFunction psi0 = randomState(lattice, 99);
    double[] times = {0.7, 4.0, 13.0, -2.5};
    List<WaveFunction> chebyshev =
        Evolution.of(h)
            .propagator(Propagators.chebyshev().tolerance(1e-14))
            .times(times)
            .keepStates()
            .boundary(BoundaryGuard.off())
            .run(psi0)
            .states();
    List<WaveFunction> exact =
        Evolution.of(h)
            .propagator(Propagators.exact())
            .times(times)
            .keepStates()
            .boundary(BoundaryGuard.off())
            .run(psi0)
            .states();
    for (int k = 0; k < times.length; k++) {
      double distance = chebyshev.get(k).distance(exact.get(k));
      assertTrue(distance < 1e-10, name + " at t = " + times[k] + ": distance " + distance);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("smallHamiltonians")
  void hamiltonianIsSelfAdjoint(String name, Hamiltonian h) {
    WaveFunction phi = randomState(h.lattice(), 1);
    WaveFunction psi = randomState(h.lattice(), 2);
    Complex a = phi.inner(h.apply(psi));
    Complex b = psi.inner(h.apply(phi)).conjugate();
    assertEquals(a.getReal(), b.getReal(), 1e-12, name);
    assertEquals(a.getImaginary(), b.getImaginary(), 1e-12, name);
    assertEquals(0.0, psi.inner(h.apply(psi)).getImaginary(), 1e-12, name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("smallHamiltonians")
  void spectralBoundsContainTheSpectrum(String name, Hamiltonian h) {
    double[] eigenvalues = org.qdiff.numeric.DenseEigen.of(h.operator()).eigenvalues();
    assertTrue(h.spectralBounds().contains(eigenvalues[0]), name);
    assertTrue(h.spectralBounds().contains(eigenvalues[eigenvalues.length - 1]), name);
  }

  @Test
  void chebyshevErrorFallsWithTheTolerance() {
    Lattice chain = Lattice.chain(80).periodic().build();
    Hamiltonian h = Hamiltonian.on(chain).laplacian().onsite(Disorder.box(3).seed(9)).build();
    WaveFunction psi0 = randomState(chain, 4);
    WaveFunction exact =
        Evolution.of(h).propagator(Propagators.exact()).times(20.0).run(psi0).finalState();
    double previous = Double.POSITIVE_INFINITY;
    for (double tolerance : new double[] {1e-3, 1e-6, 1e-9, 1e-12}) {
      WaveFunction approx =
          Evolution.of(h)
              .propagator(Propagators.chebyshev().tolerance(tolerance))
              .times(20.0)
              .normTolerance(0.5)
              .run(psi0)
              .finalState();
      double error = approx.distance(exact);
      assertTrue(error <= tolerance * 1.01 + 1e-13, "tolerance " + tolerance + ": error " + error);
      assertTrue(error < previous || error < 1e-13, "error must fall with the tolerance");
      previous = error;
    }
  }

  @Test
  void sameSeedGivesBitIdenticalTablesOnOneAndTwoThreads() {
    int before = Parallel.threads();
    try {
      Parallel.setThreads(1);
      Table one = andersonRun();
      Parallel.setThreads(2);
      Table two = andersonRun();
      for (String column : one.columnNames()) {
        assertArrayEquals(
            one.doubleColumn(column).asDoubleArray(),
            two.doubleColumn(column).asDoubleArray(),
            0.0,
            column);
      }
    } finally {
      Parallel.setThreads(before);
    }
  }

  private static Table andersonRun() {
    // Large enough (> several blocks) that the kernels really split the work.
    Lattice cube = Lattice.cubic(48).periodic().build();
    Hamiltonian h = Hamiltonian.on(cube).laplacian().onsite(Disorder.box(8).seed(42)).build();
    return Evolution.of(h)
        .times(0.5, 1.5)
        .observe(
            Observables.norm(),
            Observables.meanSquaredDisplacement(),
            Observables.participationRatio(),
            Observables.entropy())
        .run(WaveFunction.delta(cube))
        .table();
  }

  static WaveFunction randomState(Lattice lattice, long seed) {
    Seed s = Seed.of(seed);
    return WaveFunction.fromFunction(lattice, i -> new Complex(s.normal(0, i), s.normal(1, i)));
  }
}
