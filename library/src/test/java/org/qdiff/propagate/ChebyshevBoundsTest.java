package org.qdiff.propagate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import org.qdiff.hamiltonian.SpectralBounds;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.DenseEigen;
import org.qdiff.numeric.Parallel;
import org.qdiff.observe.Observables;
import org.qdiff.state.StateBuffers;
import org.qdiff.state.WaveFunction;
import tech.tablesaw.api.Table;

/**
 * The Chebyshev propagator on the Lanczos estimate of the spectral interval: it agrees with exact
 * diagonalization to the tolerance, catches intervals that miss part of the spectrum and redoes the
 * step on Gershgorin's bounds, and needs fewer applications of H than on Gershgorin's bounds.
 */
class ChebyshevBoundsTest {

  private static final double[] TIMES = {0.7, 4.0, 13.0, -2.5};

  static Stream<Arguments> hamiltonians() {
    Lattice chain = Lattice.chain(80).build();
    Lattice square = Lattice.square(9).periodic().build();
    Lattice cube = Lattice.cubic(5).periodic().build();
    Lattice ring = Lattice.cycle(90);
    return Stream.of(
        Arguments.of(
            "Anderson chain, box W = 2",
            Hamiltonian.on(chain).hopping(1).onsite(Disorder.box(2).seed(1)).build()),
        Arguments.of(
            "Anderson cube, Cauchy",
            Hamiltonian.on(cube).hopping(1).onsite(Disorder.cauchy(0.5).seed(2)).build()),
        Arguments.of(
            "band matrix b = 8",
            Hamiltonian.on(ring).bandMatrix(8, Disorder.normal().seed(3)).build()),
        Arguments.of(
            "Peierls phases, flux 1/9",
            Hamiltonian.on(square)
                .hopping(
                    (from, to) ->
                        to == from + 1 || to == from - 8
                            ? Complex.valueOf(0, 2 * Math.PI / 9 * (from / 9)).exp()
                            : Complex.ONE)
                .onsite(Disorder.normal(0.5).seed(4))
                .build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hamiltonians")
  void bothIntervalsAgreeWithExactDiagonalizationToTheTolerance(String name, Hamiltonian h) {
    WaveFunction psi0 = PropagatorContractTest.randomState(h.lattice(), 7);
    List<WaveFunction> exact = states(h, Propagators.exact(), psi0, TIMES);
    for (double tolerance : new double[] {1e-6, 1e-10}) {
      for (SpectralBounds.Source source : SpectralBounds.Source.values()) {
        Trajectory<WaveFunction> run =
            run(h, Propagators.chebyshev().tolerance(tolerance).bounds(source), psi0, TIMES);
        assertTrue(run.warnings().isEmpty(), name + ": " + run.warnings());
        for (int k = 0; k < TIMES.length; k++) {
          // one step per output time, each within the tolerance
          double distance = run.states().get(k).distance(exact.get(k));
          assertTrue(
              distance <= (k + 1) * tolerance + 1e-13,
              name + ", " + source + ", tol " + tolerance + ", t = " + TIMES[k] + ": " + distance);
        }
      }
    }
  }

  /** A chain (hopping 1, spectrum within [-2, 2]) with one site of potential 30 in the middle. */
  private static Hamiltonian chainWithImpurity() {
    double[] v = new double[120];
    v[60] = 30;
    return Hamiltonian.on(Lattice.chain(120).build()).hopping(1).potential(v).build();
  }

  @Test
  void anIntervalThatMissesAnOccupiedLevelIsCaughtAndTheStepRedone() {
    Hamiltonian h = chainWithImpurity();
    // Assume the band alone: the bound state near 30.03 lies far outside.
    ChebyshevPropagator method =
        Propagators.chebyshev().tolerance(1e-10).assumingBounds(new SpectralBounds(-2.02, 2.02));
    WaveFunction psi0 = WaveFunction.delta(h.lattice(), 60);
    double[] times = {0.5, 1.0, 3.0};
    Trajectory<WaveFunction> run = run(h, method, psi0, times);
    List<WaveFunction> exact = states(h, Propagators.exact(), psi0, times);
    for (int k = 0; k < times.length; k++) {
      double distance = run.states().get(k).distance(exact.get(k));
      assertTrue(distance <= (k + 1) * 1e-10, "t = " + times[k] + ": " + distance);
    }
    assertEquals(1, run.warnings().size(), run.warnings().toString());
    assertTrue(run.warnings().get(0).contains("outside the Lanczos estimate"));
    // The evolution keeps no copy of the state: it redid the run from psi0.
    assertTrue(run.warnings().get(0).contains("the run was redone from t = 0.0"));

    ChebyshevPropagator.Run stepper = (ChebyshevPropagator.Run) method.prepare(h);
    StateBuffers state = psi0.toBuffers();
    stepper.advance(state, 0, 0.5);
    assertEquals(1, stepper.fallbacks());
    // The stepper stays on Gershgorin's bounds [-2, 32] (widened by the safety margin).
    assertEquals(
        17 * (1 + ChebyshevPropagator.SAFETY_MARGIN), stepper.interval().halfWidth(), 1e-9);
    assertFalse(stepper.interval().isEstimate());
    stepper.reset();
    assertTrue(stepper.interval().isEstimate());
    assertTrue(stepper.warnings().isEmpty());
  }

  @Test
  void stepsInPlaceGiveTheStatesOfStepsThatKeepPsiBitForBit() {
    Lattice cube = Lattice.cubic(12).periodic().build();
    Hamiltonian h = Hamiltonian.on(cube).hopping(1).onsite(Disorder.box(4).seed(6)).build();
    WaveFunction psi0 = PropagatorContractTest.randomState(cube, 5);
    ChebyshevPropagator.Run keeping = (ChebyshevPropagator.Run) Propagators.chebyshev().prepare(h);
    ChebyshevPropagator.Run inPlace = (ChebyshevPropagator.Run) Propagators.chebyshev().prepare(h);
    assertTrue(keeping.interval().isEstimate());
    StateBuffers a = psi0.toBuffers();
    StateBuffers b = psi0.toBuffers();
    double now = 0;
    for (double t : new double[] {0.3, 2.0, 7.5, 1.0}) {
      long used = keeping.advance(a, now, t);
      assertEquals(used, inPlace.advance(b, now, t, psi0, 0));
      now = t;
      assertArrayEquals(a.re, b.re, 0.0, "t = " + t);
      assertArrayEquals(a.im, b.im, 0.0, "t = " + t);
    }
    assertTrue(keeping.keepsState()); // a third vector, to redo a failed step
    assertFalse(inPlace.keepsState()); // none: it would restart from psi0
    assertEquals(0, keeping.fallbacks() + inPlace.fallbacks());
  }

  @Test
  void aLevelOutsideThatTheStateHardlyTouchesNeedsNoFallback() {
    Hamiltonian h = chainWithImpurity();
    ChebyshevPropagator method =
        Propagators.chebyshev().tolerance(1e-10).assumingBounds(new SpectralBounds(-2.02, 2.02));
    // Sixty sites from the impurity: the bound state's amplitude there is about 30^-60.
    WaveFunction psi0 = WaveFunction.delta(h.lattice(), 0);
    double[] times = {0.5, 1.0, 3.0};
    Trajectory<WaveFunction> run = run(h, method, psi0, times);
    assertTrue(run.warnings().isEmpty(), run.warnings().toString());
    List<WaveFunction> exact = states(h, Propagators.exact(), psi0, times);
    for (int k = 0; k < times.length; k++) {
      double distance = run.states().get(k).distance(exact.get(k));
      assertTrue(distance <= (k + 1) * 1e-10, "t = " + times[k] + ": " + distance);
    }
  }

  @Test
  void boundsJustInsideTheSpectrumStillMeetTheTolerance() {
    // The true interval shrunk by 1 % and by 5 %: the extreme levels lie outside. Components with
    // weight enough to matter fail the growth check; the others are covered by the extra terms.
    Hamiltonian h =
        Hamiltonian.on(Lattice.chain(300).periodic().build())
            .hopping(1)
            .onsite(Disorder.box(2).seed(5))
            .build();
    double[] e = DenseEigen.of(h.operator()).eigenvalues();
    double center = 0.5 * (e[0] + e[e.length - 1]);
    double half = 0.5 * (e[e.length - 1] - e[0]);
    WaveFunction psi0 = PropagatorContractTest.randomState(h.lattice(), 3);
    double[] times = {0.05, 0.3, 1.0, 2.0, 5.0, 20.0};
    List<WaveFunction> exact = states(h, Propagators.exact(), psi0, times);
    for (double shrink : new double[] {0.99, 0.95}) {
      SpectralBounds tight = new SpectralBounds(center - shrink * half, center + shrink * half);
      Trajectory<WaveFunction> run =
          run(h, Propagators.chebyshev().tolerance(1e-10).assumingBounds(tight), psi0, times);
      for (int k = 0; k < times.length; k++) {
        double distance = run.states().get(k).distance(exact.get(k));
        assertTrue(
            distance <= (k + 1) * 1e-10,
            "shrink " + shrink + ", t = " + times[k] + ": " + distance + "; " + run.warnings());
      }
      // Both regimes occur: at 1 % the first five steps ran on the estimate with the extreme
      // levels outside and unseen, and only the long last step failed its check.
      assertEquals(1, run.warnings().size(), run.warnings().toString());
      if (shrink == 0.99) {
        assertTrue(run.warnings().get(0).contains("from t = 5.0 to 20.0"), run.warnings().get(0));
      }
    }
  }

  @Test
  void theLanczosIntervalSavesApplicationsInTheThreeDimensionalAndersonModel() {
    // W = 4, hopping 1, periodic 32^3, a particle at the centre, tolerance 1e-10, to t = 40 in one
    // step: Gershgorin's interval is [-8, 8], the spectrum about [-6.35, 6.37].
    Lattice box = Lattice.cubic(32).periodic().build();
    Hamiltonian h = Hamiltonian.on(box).hopping(1).onsite(Disorder.box(4).seed(1)).build();
    WaveFunction psi0 = WaveFunction.delta(box, box.center());
    double[] times = {40};
    Trajectory<WaveFunction> gershgorin =
        run(
            h,
            Propagators.chebyshev().tolerance(1e-10).bounds(SpectralBounds.Source.GERSHGORIN),
            psi0,
            times);
    Trajectory<WaveFunction> lanczos =
        run(h, Propagators.chebyshev().tolerance(1e-10), psi0, times);
    long g = gershgorin.hamiltonianApplications();
    long l = lanczos.hamiltonianApplications();
    System.out.printf(
        "3D Anderson W = 4, L = 32, T = 40: %d applications on Gershgorin's interval, %d on the"
            + " Lanczos estimate %s (%.1f %% fewer; the estimate itself took 30)%n",
        g, l, h.estimatedSpectralBounds(), 100.0 * (g - l) / g);
    assertTrue(l <= 0.88 * g, l + " applications against " + g);
    assertTrue(lanczos.warnings().isEmpty(), lanczos.warnings().toString());
    // Each is within 1e-10 of the exact state, so within 2e-10 of each other.
    assertTrue(lanczos.finalState().distance(gershgorin.finalState()) <= 2e-10);
  }

  @Test
  void lanczosRunsAreBitIdenticalOnOneAndTwoThreads() {
    int before = Parallel.threads();
    try {
      Parallel.setThreads(1);
      Trajectory<WaveFunction> one = andersonRun();
      Parallel.setThreads(2);
      Trajectory<WaveFunction> two = andersonRun();
      Table a = one.table();
      Table b = two.table();
      for (String column : a.columnNames()) {
        assertArrayEquals(
            a.doubleColumn(column).asDoubleArray(),
            b.doubleColumn(column).asDoubleArray(),
            0.0,
            column);
      }
      assertEquals(one.hamiltonianApplications(), two.hamiltonianApplications());
    } finally {
      Parallel.setThreads(before);
    }
  }

  private static Trajectory<WaveFunction> andersonRun() {
    // 40^3 sites: two blocks of the parallel loops, Lanczos included
    Lattice cube = Lattice.cubic(40).periodic().build();
    Hamiltonian h = Hamiltonian.on(cube).hopping(1).onsite(Disorder.box(4).seed(8)).build();
    return Evolution.of(h)
        .propagator(Propagators.chebyshev().bounds(SpectralBounds.Source.LANCZOS))
        .times(0.5, 3.0)
        .observe(Observables.norm(), Observables.meanSquaredDisplacement())
        .run(WaveFunction.delta(cube));
  }

  @Test
  void theSourceIsPartOfTheDescription() {
    ChebyshevPropagator lanczos = Propagators.chebyshev();
    assertEquals(SpectralBounds.Source.LANCZOS, lanczos.bounds());
    ChebyshevPropagator gershgorin = lanczos.bounds(SpectralBounds.Source.GERSHGORIN);
    assertEquals(SpectralBounds.Source.GERSHGORIN, gershgorin.tolerance(1e-8).bounds());
    assertTrue(gershgorin.describe().contains("Gershgorin"));
    assertTrue(gershgorin.toString().contains(".bounds(SpectralBounds.Source.GERSHGORIN)"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> lanczos.bounds(null));
    assertTrue(e.getMessage().contains("ChebyshevPropagator.bounds: source"), e.getMessage());
  }

  private static Trajectory<WaveFunction> run(
      Hamiltonian h, Propagator method, WaveFunction psi0, double[] times) {
    return Evolution.of(h)
        .propagator(method)
        .times(times)
        .keepStates()
        .observe(Observables.norm())
        .normTolerance(1e-4) // loose tolerances are tested too; their errors are checked here
        .boundary(BoundaryGuard.off())
        .run(psi0);
  }

  private static List<WaveFunction> states(
      Hamiltonian h, Propagator method, WaveFunction psi0, double[] times) {
    return run(h, method, psi0, times).states();
  }
}
