package org.qdiff.propagate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.hipparchus.complex.Complex;
import org.hipparchus.special.BesselJ;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qdiff.frame.Columns;
import org.qdiff.hamiltonian.Disorder;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Parallel;
import org.qdiff.observe.Observables;
import org.qdiff.state.WaveFunction;

/**
 * The time-reversal experiment against exact results: perfect reversal returns the state, a
 * perturbation that commutes with H gives closed forms, and the echo's curvature at t = 0 is the
 * variance of the perturbation for any H.
 */
class LoschmidtEchoTest {

  private static final Propagator ACCURATE = Propagators.chebyshev().tolerance(1e-14);

  private static Hamiltonian anderson(Lattice lattice, long seed) {
    return Hamiltonian.on(lattice).laplacian().onsite(Disorder.box(5.0).seed(seed)).build();
  }

  /** A normally distributed extra potential, independent of the disorder of H. */
  private static Hamiltonian randomPotential(Lattice lattice, long seed) {
    return Hamiltonian.on(lattice).onsite(Disorder.normal().seed(seed)).build();
  }

  /** A complex initial state: a Gaussian packet with a momentum. */
  private static WaveFunction movingPacket(Lattice lattice) {
    return WaveFunction.gaussianPacket(lattice).width(2.0).momentum(0.7, -0.4).build();
  }

  @Test
  void perfectReversalOfTheTwoDimensionalAndersonModelGivesEchoOneAndReturnsTheState() {
    Lattice square = Lattice.square(41).periodic().build();
    Hamiltonian h = anderson(square, 3);
    WaveFunction psi0 = movingPacket(square);
    Trajectory<WaveFunction> echo =
        LoschmidtEcho.of(h)
            .propagator(ACCURATE)
            .times(TimeGrid.linear(0, 20, 11))
            .boundary(BoundaryGuard.off())
            .run(psi0);
    for (double m : echo.column(LoschmidtEcho.ECHO)) {
      assertEquals(1.0, m, 1e-10);
    }
    double distance = echo.finalState().distance(psi0);
    assertTrue(distance < 1e-10, "returned state differs from psi0 by " + distance);

    Trajectory<WaveFunction> film =
        LoschmidtEcho.of(h)
            .propagator(ACCURATE)
            .times(TimeGrid.linear(0, 20, 21))
            .observe(Observables.meanSquaredDisplacement(), Observables.participationRatio())
            .boundary(BoundaryGuard.off())
            .roundTrip(psi0);
    distance = film.finalState().distance(psi0);
    assertTrue(distance < 1e-10, "film ends " + distance + " away from psi0");
    // Played backwards the film retraces itself: frame at elapsed 2T - t equals the one at t.
    double[] msd = film.column(Columns.MSD);
    double[] pr = film.column(Columns.PARTICIPATION_RATIO);
    int rows = msd.length;
    assertEquals(41, rows);
    for (int r = 0; r < rows; r++) {
      assertEquals(msd[r], msd[rows - 1 - r], 1e-9 * Math.max(1, msd[r]), "msd at row " + r);
      assertEquals(pr[r], pr[rows - 1 - r], 1e-9 * pr[r], "participation ratio at row " + r);
    }
    assertTrue(msd[20] > 10 * msd[0], "the packet should have spread by T: msd " + msd[20]);
  }

  @Test
  void conjugatingTheStateOfARealHamiltonianPlaysTheFilmBackwards() {
    // Time reversal: for real H, conj(exp(-iHT) psi0) evolved forward by T is conj(psi0).
    Lattice square = Lattice.square(41).periodic().build();
    Hamiltonian h = anderson(square, 9);
    WaveFunction psi0 = movingPacket(square);
    Evolution forward =
        Evolution.of(h).propagator(ACCURATE).times(15.0).boundary(BoundaryGuard.off());
    WaveFunction spread = forward.run(psi0).finalState();
    assertTrue(spread.overlap(psi0) < 0.1, "the packet should have left: " + spread.overlap(psi0));
    WaveFunction reversed = forward.run(spread.conjugate()).finalState();
    double distance = reversed.distance(psi0.conjugate());
    assertTrue(distance < 1e-10, "reversed film ends " + distance + " away from conj(psi0)");
    double[][] a = psi0.toArrays();
    double[][] b = psi0.conjugate().toArrays();
    assertArrayEquals(a[0], b[0], 0.0);
    for (int x = 0; x < a[1].length; x++) {
      assertEquals(-a[1][x], b[1][x], 0.0);
    }
  }

  @Test
  void rescaledHoppingOnTheChainGivesBesselSquaredEcho() {
    // H' = (1 + eps) H commutes with H, so exp(iH't) exp(-iHt) = exp(i eps H t) and, from a site
    // of the free chain with hopping 1, the echo amplitude is <0|exp(i eps H t)|0> = J_0(2 eps t).
    double eps = 0.1;
    Lattice chain = Lattice.chain(401).build();
    Hamiltonian h = Hamiltonian.on(chain).hopping(1.0).build();
    WaveFunction delta = WaveFunction.delta(chain);
    TimeGrid grid = TimeGrid.linear(0, 40, 81);
    Trajectory<WaveFunction> scaled =
        LoschmidtEcho.of(h)
            .backward(h.times(1 + eps))
            .times(grid)
            .observe(Observables.returnProbability())
            .boundary(BoundaryGuard.fail(1e-12))
            .run(delta);
    Trajectory<WaveFunction> perturbed =
        LoschmidtEcho.of(h)
            .perturbation(eps, h)
            .times(grid)
            .boundary(BoundaryGuard.fail(1e-12))
            .run(delta);
    double[] t = scaled.times();
    double[] echo = scaled.column(LoschmidtEcho.ECHO);
    double[] echoOfSum = perturbed.column(LoschmidtEcho.ECHO);
    double[] returned = scaled.column(Columns.RETURN_PROBABILITY);
    for (int k = 0; k < t.length; k++) {
      double j0 = BesselJ.value(0, 2 * eps * t[k]);
      assertEquals(j0 * j0, echo[k], 1e-9, "H' = (1+eps)H at t = " + t[k]);
      assertEquals(j0 * j0, echoOfSum[k], 1e-9, "H' = H + eps H at t = " + t[k]);
      // From a site, the returned state's probability there is the echo itself.
      assertEquals(echo[k], returned[k], 1e-10, "return probability at t = " + t[k]);
    }
    // 2 eps t = t / 5 runs past the first two zeros of J_0 (2.405 and 5.520): the echo revives.
    assertTrue(echo[24] < 1e-4 && echo[40] > 0.1 && echo[55] < 1e-4, "echo revivals");
  }

  @ParameterizedTest
  @MethodSource("methods")
  void fluxThroughARingGivesTheExactPlaneWaveSum(Propagator method) {
    // A flux theta per bond shifts every Bloch energy, E'(k) = -2 cos(k - theta) on a ring of N
    // sites; H and H' are both diagonal in plane waves, so from a site the echo amplitude is the
    // finite sum (1/N) sum_k exp(i (E'(k) - E(k)) t), with E' - E = -4 sin(theta/2) sin(k -
    // theta/2). The perturbation changes the hopping, not the potential, and is not a multiple
    // of H; the waves wrap around the ring many times.
    int n = 64;
    double theta = 0.15;
    Lattice ring = Lattice.chain(n).periodic().build();
    Hamiltonian h = Hamiltonian.on(ring).hopping(1.0).build();
    Complex bond = new Complex(Math.cos(theta), Math.sin(theta)).multiply(-1.0);
    Hamiltonian threaded = Hamiltonian.on(ring).hopping((from, to) -> bond).build();
    Trajectory<WaveFunction> echo =
        LoschmidtEcho.of(h)
            .backward(threaded)
            .propagator(method)
            .times(TimeGrid.linear(0, 200, 101))
            .boundary(BoundaryGuard.off())
            .run(WaveFunction.delta(ring, 5));
    double[] t = echo.times();
    double[] m = echo.column(LoschmidtEcho.ECHO);
    double z = 4 * Math.sin(theta / 2);
    for (int k = 0; k < t.length; k++) {
      double re = 0;
      double im = 0;
      for (int q = 0; q < n; q++) {
        double phase = -z * t[k] * Math.sin(2 * Math.PI * q / n - theta / 2);
        re += Math.cos(phase);
        im += Math.sin(phase);
      }
      double exact = (re * re + im * im) / ((double) n * n);
      assertEquals(exact, m[k], 1e-9, method.describe() + ", t = " + t[k]);
    }
  }

  static Stream<Propagator> methods() {
    return Stream.of(Propagators.chebyshev(), Propagators.exact());
  }

  @Test
  void echoCurvatureAtZeroIsTheVarianceOfThePerturbationInTheInitialState() {
    // For any H, V and psi0: M(0) = 1, M'(0) = 0 and M''(0) = -2 eps^2 Var_psi0(V), exactly, for
    // every eps. The even part (M(h) + M(-h)) / 2 has no odd powers of h, so
    // (2 - M(h) - M(-h)) / (2 h^2) = eps^2 Var(V) + O(h^2): halving h divides the error by 4.
    Lattice square = Lattice.square(31).build();
    Hamiltonian h = anderson(square, 8);
    Hamiltonian v = randomPotential(square, 21);
    double eps = 0.3;
    WaveFunction psi0 = movingPacket(square);
    double[] p0 = psi0.probabilityArray();
    double[] potential = v.onsiteEnergies();
    double mean = 0;
    double meanSquare = 0;
    for (int x = 0; x < p0.length; x++) {
      mean += p0[x] * potential[x];
      meanSquare += p0[x] * potential[x] * potential[x];
    }
    double exact = eps * eps * (meanSquare - mean * mean);
    assertTrue(exact > 0.01, "the packet should see a varying potential: " + exact);
    double[] steps = {0.08, 0.04, 0.02};
    double[] errors = new double[steps.length];
    for (int i = 0; i < steps.length; i++) {
      double step = steps[i];
      double[] m =
          LoschmidtEcho.of(h)
              .perturbation(eps, v)
              .propagator(Propagators.chebyshev().tolerance(1e-15))
              .times(step, -step)
              .boundary(BoundaryGuard.fail(1e-10))
              .run(psi0)
              .column(LoschmidtEcho.ECHO);
      errors[i] = (2 - m[0] - m[1]) / (2 * step * step) - exact;
    }
    for (int i = 1; i < steps.length; i++) {
      double ratio = errors[i - 1] / errors[i];
      assertTrue(ratio > 3.7 && ratio < 4.3, "error should fall as h^2, ratio " + ratio);
    }
    assertTrue(Math.abs(errors[2]) < 1e-2 * exact, "error " + errors[2] + " of " + exact);
  }

  @Test
  void roundTripEndsWhereTheEchoSays() {
    Lattice square = Lattice.square(41).build();
    Hamiltonian h = anderson(square, 4);
    Hamiltonian v = randomPotential(square, 40);
    WaveFunction delta = WaveFunction.delta(square);
    double total = 12;
    // The identities below hold on any finite box, so the particle may reach the faces.
    Trajectory<WaveFunction> echo =
        LoschmidtEcho.of(h)
            .perturbation(0.4, v)
            .propagator(ACCURATE)
            .boundary(BoundaryGuard.off())
            .times(total)
            .run(delta);
    Trajectory<WaveFunction> film =
        LoschmidtEcho.of(h)
            .perturbation(0.4, v)
            .propagator(ACCURATE)
            .boundary(BoundaryGuard.off())
            .times(TimeGrid.linear(0, total, 7))
            .keepStates()
            .roundTrip(delta);
    double m = echo.column(LoschmidtEcho.ECHO)[0];
    assertTrue(m < 0.9, "the perturbation should spoil the return: echo " + m);
    assertEquals(m, film.finalState().overlap(delta), 1e-11);
    double distance = film.finalState().distance(echo.finalState());
    assertTrue(distance < 1e-10, "the two returned states differ by " + distance);
    assertArrayEquals(
        new double[] {0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24}, film.times(), 1e-12);
    assertArrayEquals(
        new double[] {0, 2, 4, 6, 8, 10, 12, 10, 8, 6, 4, 2, 0},
        film.column(LoschmidtEcho.CLOCK),
        1e-12);
    assertEquals(13, film.states().size());
    assertEquals(1.0, film.state(0).overlap(delta), 0.0);
  }

  @Test
  void echoIsTheSameOnOneAndTwoThreads() {
    // 201^2 sites are two blocks of Parallel.BLOCK, so two threads really split the work.
    Lattice square = Lattice.square(201).build();
    Hamiltonian h = anderson(square, 6);
    Hamiltonian v = randomPotential(square, 60);
    int before = Parallel.threads();
    Trajectory<WaveFunction> one;
    Trajectory<WaveFunction> two;
    try {
      Parallel.setThreads(1);
      one = onThreads(h, v, square);
      Parallel.setThreads(2);
      two = onThreads(h, v, square);
    } finally {
      Parallel.setThreads(before);
    }
    assertArrayEquals(one.column(LoschmidtEcho.ECHO), two.column(LoschmidtEcho.ECHO), 0.0);
    assertArrayEquals(one.column(Columns.MSD), two.column(Columns.MSD), 0.0);
    double[][] a = one.finalState().toArrays();
    double[][] b = two.finalState().toArrays();
    assertArrayEquals(a[0], b[0], 0.0);
    assertArrayEquals(a[1], b[1], 0.0);
  }

  private static Trajectory<WaveFunction> onThreads(Hamiltonian h, Hamiltonian v, Lattice lattice) {
    return LoschmidtEcho.of(h)
        .perturbation(0.2, v)
        .times(1, 2, 3)
        .observe(Observables.meanSquaredDisplacement())
        .run(WaveFunction.delta(lattice));
  }
}
