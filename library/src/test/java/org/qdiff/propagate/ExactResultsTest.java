package org.qdiff.propagate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.special.BesselJ;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qdiff.hamiltonian.Disorder;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.lattice.Lattice;
import org.qdiff.observe.Observables;
import org.qdiff.state.Distribution;
import org.qdiff.state.WaveFunction;

/** Evolutions checked against results known exactly. */
class ExactResultsTest {

  @ParameterizedTest(name = "d = {0}, L = {1}")
  @CsvSource({"1, 201", "2, 101", "3, 81"})
  void freeLaplacianMeanSquaredDisplacementIsTwoDTSquared(int d, int side) {
    int[] sides = new int[d];
    java.util.Arrays.fill(sides, side);
    Lattice lattice = Lattice.box(sides).build();
    Hamiltonian laplacian = Hamiltonian.on(lattice).laplacian().build();
    Trajectory<WaveFunction> run =
        Evolution.of(laplacian)
            .propagator(Propagators.chebyshev().tolerance(1e-14))
            .times(5.0, 10.0)
            .observe(Observables.meanSquaredDisplacement(), Observables.boundaryWeight(2))
            .boundary(BoundaryGuard.fail(1e-12))
            .run(WaveFunction.delta(lattice));
    double[] msd = run.column("msd");
    assertEquals(2 * d * 25.0, msd[0], 1e-9 * 2 * d * 25.0);
    assertEquals(2 * d * 100.0, msd[1], 1e-9 * 2 * d * 100.0);
  }

  @Test
  void freeChainProbabilityIsBesselSquared() {
    Lattice chain = Lattice.chain(121).build();
    Hamiltonian hopping = Hamiltonian.on(chain).hopping(1.0).build();
    for (double t : new double[] {1.0, 5.0, 12.5}) {
      WaveFunction psi =
          Evolution.of(hopping)
              .propagator(Propagators.chebyshev().tolerance(1e-15))
              .times(t)
              .run(WaveFunction.delta(chain))
              .finalState();
      for (int x = -40; x <= 40; x++) {
        double j = BesselJ.value(Math.abs(x), 2 * t);
        assertEquals(j * j, psi.probability(chain.site(x)), 1e-10, "t = " + t + ", x = " + x);
      }
    }
  }

  @Test
  void twoSitesOscillateAsCosineSquared() {
    Lattice pair = Lattice.path(2);
    Hamiltonian h = Hamiltonian.on(pair).hopping(1.0).build();
    double[] times = {0.3, 1.0, 2.2, 7.9, -3.1};
    for (Propagator method : new Propagator[] {Propagators.chebyshev(), Propagators.exact()}) {
      Trajectory<WaveFunction> run =
          Evolution.of(h)
              .propagator(method)
              .times(times)
              .observe(Observables.returnProbability(0))
              .run(WaveFunction.delta(pair, 0));
      double[] p = run.column("return_probability");
      for (int k = 0; k < times.length; k++) {
        double c = Math.cos(times[k]);
        assertEquals(c * c, p[k], 1e-12, method.describe() + " at t = " + times[k]);
      }
    }
  }

  @Test
  void potentialOnlyHamiltonianTrapsTheProbability() {
    Lattice square = Lattice.square(21).build();
    Hamiltonian v = Hamiltonian.on(square).onsite(Disorder.normal().seed(3)).build();
    WaveFunction psi0 = WaveFunction.gaussianPacket(square).width(2.0).momentum(1.0, -0.5).build();
    Trajectory<WaveFunction> run =
        Evolution.of(v).times(0.5, 3.0, 40.0, 100.0).keepStates().run(psi0);
    double[] p0 = psi0.probabilityArray();
    for (WaveFunction psi : run.states()) {
      double[] p = psi.probabilityArray();
      for (int i = 0; i < p.length; i++) {
        assertEquals(p0[i], p[i], 1e-12);
      }
    }
  }

  @Test
  void normIsConservedOnTheTwoDimensionalAndersonModel() {
    Lattice square = Lattice.square(64).periodic().build();
    Hamiltonian anderson =
        Hamiltonian.on(square).laplacian().onsite(Disorder.box(4.0).seed(11)).build();
    Trajectory<WaveFunction> run =
        Evolution.of(anderson)
            .propagator(Propagators.chebyshev().tolerance(1e-15))
            .times(TimeGrid.linear(10, 100, 10))
            .observe(Observables.norm())
            .boundary(BoundaryGuard.off())
            .run(WaveFunction.delta(square));
    for (double norm : run.column("norm")) {
      assertEquals(1.0, norm, 1e-12);
    }
  }

  @Test
  void forwardThenBackwardReturnsTheDeltaState() {
    Lattice square = Lattice.square(40).periodic().build();
    Hamiltonian anderson =
        Hamiltonian.on(square).laplacian().onsite(Disorder.normal().seed(5)).build();
    WaveFunction delta = WaveFunction.delta(square);
    Trajectory<WaveFunction> run =
        Evolution.of(anderson)
            .propagator(Propagators.chebyshev().tolerance(1e-14))
            .times(3.0, 17.0, 0.0)
            .boundary(BoundaryGuard.off())
            .run(delta);
    assertTrue(
        run.finalState().distance(delta) < 1e-10, "distance " + run.finalState().distance(delta));
  }

  @Test
  void classicalWalkSecondMomentEqualsTime() {
    for (Lattice lattice :
        new Lattice[] {Lattice.chain(401).build(), Lattice.square(121).build()}) {
      Trajectory<Distribution> walk =
          ClassicalWalk.on(lattice).steps(50).run(Distribution.delta(lattice));
      double[] msd = walk.column("msd");
      for (int t = 0; t <= 50; t++) {
        assertEquals(t, msd[t], 1e-11, lattice + " at t = " + t);
      }
    }
  }

  @Test
  void continuousTimeWalkOnTheFourCycleReturnsEveryTwoQuarterPeriods() {
    // H = -J A on the 4-cycle: <0|exp(-iHt)|0> = (1 + cos 2Jt) / 2 = cos^2(Jt), so the return
    // probability is cos^4(Jt): exactly 1 at t = n pi / J and 0 at t = (n + 1/2) pi / J, when the
    // walker sits on the opposite vertex.
    Lattice cycle = Lattice.cycle(4);
    int start = cycle.origin();
    int opposite = (start + 2) % 4;
    double hopping = 0.8;
    Hamiltonian h = Hamiltonian.on(cycle).hopping(hopping).build();
    double[] times = new double[9];
    for (int n = 0; n < times.length; n++) {
      times[n] = n * Math.PI / (2 * hopping);
    }
    Trajectory<WaveFunction> run =
        Evolution.of(h)
            .propagator(Propagators.chebyshev().tolerance(1e-14))
            .times(times)
            .observe(
                Observables.returnProbability(),
                Observables.returnProbability(opposite).withName("p_opposite"))
            .run(WaveFunction.delta(cycle, start));
    // A cycle is a finite system, not a box standing for Z: no boundary warnings.
    assertTrue(run.warnings().isEmpty(), run.warnings().toString());
    double[] back = run.column("return_probability");
    double[] across = run.column("p_opposite");
    for (int n = 0; n < times.length; n++) {
      double expected = n % 2 == 0 ? 1 : 0;
      assertEquals(expected, back[n], 1e-12, "return probability after " + n + " quarter periods");
      assertEquals(1 - expected, across[n], 1e-12, "opposite vertex after " + n);
    }
  }
}
