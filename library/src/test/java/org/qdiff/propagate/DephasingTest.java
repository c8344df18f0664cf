package org.qdiff.propagate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qdiff.hamiltonian.Disorder;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Parallel;
import org.qdiff.observe.Observables;
import org.qdiff.state.WaveFunction;

/** The dephasing master equation solved for the density matrix, against exact results. */
class DephasingTest {

  /** Largest relative deviation of the msd column from the exact law of Z^d. */
  private static double worstRelativeDeviation(
      Trajectory<?> run, double hopping, double gamma, int d) {
    double[] t = run.times();
    double[] msd = run.column("msd");
    double worst = 0;
    for (int k = 0; k < t.length; k++) {
      double exact = Dephasing.exactMeanSquaredDisplacement(hopping, gamma, d, t[k]);
      worst = Math.max(worst, Math.abs(msd[k] / exact - 1));
    }
    return worst;
  }

  @ParameterizedTest(name = "J = {0}, gamma = {1}")
  @CsvSource({"1.0, 0.5", "1.0, 1.0", "0.7, 2.0"})
  void chainMeanSquaredDisplacementFollowsTheExactCrossoverLaw(double hopping, double gamma) {
    // Open chain of 81 sites: the front of the coherent part moves at 2J, so up to t = 8 the
    // probability within reach of the ends (|x| = 40) is far below 1e-12.
    Lattice chain = Lattice.chain(81).build();
    Hamiltonian h = Hamiltonian.on(chain).hopping(hopping).build();
    Trajectory<DensityMatrix> run =
        Dephasing.of(h)
            .rate(gamma)
            .times(TimeGrid.linear(0.25, 8.0, 32))
            .observe(Observables.meanSquaredDisplacement(), Observables.boundaryWeight(3))
            .boundary(BoundaryGuard.fail(1e-12))
            .densityMatrix()
            .run(WaveFunction.delta(chain));
    double worst = worstRelativeDeviation(run, hopping, gamma, 1);
    System.out.printf(
        "chain J = %s, gamma = %s: max relative deviation of the msd from the exact law %.2e%n",
        hopping, gamma, worst);
    assertTrue(worst < 1e-6, "max relative deviation " + worst);
  }

  @Test
  void squareLatticeMeanSquaredDisplacementFollowsTheExactLawInTwoDimensions() {
    // The Laplacian differs from hopping J = 1 by a constant: same law, with d = 2. At most 1e-10
    // of the probability may come within two layers of the faces: with |x|^2 <= 2 * 16^2 there, it
    // could change the msd (about 16 at t = 3) by at most 1e-7 of its value.
    Lattice square = Lattice.square(33).build();
    Hamiltonian laplacian = Hamiltonian.on(square).laplacian().build();
    double gamma = 1.0;
    Trajectory<DensityMatrix> run =
        Dephasing.of(laplacian)
            .rate(gamma)
            .times(0.5, 1.0, 2.0, 3.0)
            .observe(Observables.meanSquaredDisplacement())
            .boundary(BoundaryGuard.fail(1e-10))
            .densityMatrix()
            .run(WaveFunction.delta(square));
    double worst = worstRelativeDeviation(run, 1.0, gamma, 2);
    System.out.printf(
        "square 33 x 33, gamma = 1: max relative deviation of the msd %.2e (%.2f s)%n",
        worst, run.wallSeconds());
    assertTrue(worst < 1e-6, "max relative deviation " + worst);
  }

  @Test
  void withoutHoppingTheCoherencesDecayAtRateGamma() {
    // H = v(x) only: rho_xy(t) = rho_xy(0) exp(-i (v_x - v_y) t) exp(-gamma t) for x != y, and the
    // populations stay. This is what "gamma is the decay rate of the coherences" means.
    Lattice chain = Lattice.chain(7).build();
    Hamiltonian v = Hamiltonian.on(chain).onsite(Disorder.box(4).seed(5)).build();
    double[] energy = v.onsiteEnergies();
    WaveFunction psi =
        WaveFunction.fromFunction(chain, x -> new Complex(1 + 0.1 * x, 0.3 * x - 0.5));
    double gamma = 0.8;
    double t = 2.5;
    DensityMatrix rho = Dephasing.of(v).rate(gamma).times(t).densityMatrix().run(psi).finalState();
    DensityMatrix rho0 = DensityMatrix.of(psi);
    for (int x = 0; x < 7; x++) {
      for (int y = 0; y < 7; y++) {
        Complex expected =
            rho0.element(x, y)
                .multiply(new Complex(0, -(energy[x] - energy[y]) * t).exp())
                .multiply(x == y ? 1 : Math.exp(-gamma * t));
        Complex got = rho.element(x, y);
        assertEquals(expected.getReal(), got.getReal(), 1e-14, x + ", " + y);
        assertEquals(expected.getImaginary(), got.getImaginary(), 1e-14, x + ", " + y);
      }
    }
  }

  @Test
  void traceIsConservedAndRhoStaysHermitianWithNonNegativePopulations() {
    Lattice square = Lattice.square(9).build();
    Hamiltonian h = Hamiltonian.on(square).hopping(1).onsite(Disorder.box(3).seed(11)).build();
    WaveFunction packet =
        WaveFunction.gaussianPacket(square).width(1.5).momentum(1.0, -0.4).build();
    Trajectory<DensityMatrix> run =
        Dephasing.of(h)
            .rate(0.6)
            .times(TimeGrid.linear(0, 6, 13))
            .observe(Observables.norm(), Dephasing.purity())
            .boundary(BoundaryGuard.off())
            .densityMatrix()
            .run(packet);
    double worstTrace = 0;
    for (double trace : run.column("norm")) {
      worstTrace = Math.max(worstTrace, Math.abs(trace - 1));
    }
    System.out.printf("largest trace drift %.2e%n", worstTrace);
    assertTrue(worstTrace < 1e-12, "trace drift " + worstTrace);
    double[] purity = run.column(Dephasing.PURITY);
    assertEquals(1.0, purity[0], 1e-14);
    for (int k = 1; k < purity.length; k++) {
      assertTrue(purity[k] < purity[k - 1], "purity falls: " + purity[k] + " at k = " + k);
    }
    DensityMatrix rho = run.finalState();
    int n = square.size();
    for (int x = 0; x < n; x++) {
      assertTrue(rho.probability(x) >= 0, "p(" + x + ") = " + rho.probability(x));
      for (int y = 0; y < n; y++) {
        Complex upper = rho.element(x, y);
        Complex lower = rho.element(y, x);
        assertEquals(upper.getReal(), lower.getReal(), 0.0, "Hermitian at " + x + ", " + y);
        assertEquals(upper.getImaginary(), -lower.getImaginary(), 0.0, "at " + x + ", " + y);
      }
    }
  }

  @Test
  void zeroRateEqualsThePureStateEvolution() {
    Lattice square = Lattice.square(9).build();
    Hamiltonian h = Hamiltonian.on(square).hopping(1).onsite(Disorder.box(2).seed(4)).build();
    WaveFunction packet = WaveFunction.gaussianPacket(square).width(1.2).momentum(0.7, 1.1).build();
    double[] times = {0.5, 2.0, 5.0};
    Trajectory<DensityMatrix> mixed =
        Dephasing.of(h)
            .rate(0)
            .times(times)
            .boundary(BoundaryGuard.off())
            .densityMatrix()
            .run(packet);
    WaveFunction psi =
        Evolution.of(h)
            .propagator(Propagators.chebyshev().tolerance(1e-15))
            .times(times)
            .boundary(BoundaryGuard.off())
            .run(packet)
            .finalState();
    DensityMatrix rho = mixed.finalState();
    double worst = 0;
    for (int x = 0; x < square.size(); x++) {
      for (int y = 0; y < square.size(); y++) {
        Complex pure = psi.amplitude(x).multiply(psi.amplitude(y).conjugate());
        worst = Math.max(worst, rho.element(x, y).subtract(pure).norm());
      }
    }
    System.out.printf("gamma = 0: largest |rho_xy - psi_x conj(psi_y)| = %.2e%n", worst);
    assertTrue(worst < 1e-10, "deviation " + worst);
    assertEquals(1.0, rho.purity(), 1e-12);
  }

  @Test
  void aClassicalMixtureOfOneSiteIsTheDeltaState() {
    Lattice chain = Lattice.chain(31).build();
    Hamiltonian h = Hamiltonian.on(chain).hopping(1).build();
    Dephasing dephasing = Dephasing.of(h).rate(1.5).times(1.0, 3.0);
    double[] fromMixture =
        dephasing
            .densityMatrix()
            .run(DensityMatrix.mixture(org.qdiff.state.Distribution.delta(chain)))
            .column("msd");
    double[] fromPsi = dephasing.densityMatrix().run(WaveFunction.delta(chain)).column("msd");
    assertArrayEquals(fromPsi, fromMixture, 0.0);
  }

  @Test
  void densityMatrixIsBitIdenticalOnOneAndTwoThreads() {
    Lattice chain = Lattice.chain(101).build();
    Hamiltonian h = Hamiltonian.on(chain).hopping(1).onsite(Disorder.box(1).seed(3)).build();
    int threads = Parallel.threads();
    try {
      Parallel.setThreads(1);
      DensityMatrix one =
          Dephasing.of(h)
              .rate(0.9)
              .times(2.0)
              .densityMatrix()
              .run(WaveFunction.delta(chain))
              .finalState();
      Parallel.setThreads(2);
      DensityMatrix two =
          Dephasing.of(h)
              .rate(0.9)
              .times(2.0)
              .densityMatrix()
              .run(WaveFunction.delta(chain))
              .finalState();
      for (int x = 0; x < chain.size(); x++) {
        for (int y = 0; y < chain.size(); y++) {
          assertEquals(one.element(x, y), two.element(x, y), x + ", " + y);
        }
      }
    } finally {
      Parallel.setThreads(threads);
    }
  }

  @Test
  void exactLawHasTheBallisticAndDiffusiveLimits() {
    double j = 0.8;
    // gamma t << 1: 2 d J^2 t^2 (and exactly that at gamma = 0)
    assertEquals(2 * 3 * j * j * 4.0, Dephasing.exactMeanSquaredDisplacement(j, 0, 3, 2.0), 1e-15);
    assertEquals(
        2 * j * j * 4.0 * (1 - 2e-6 / 3 + 4e-12 / 12),
        Dephasing.exactMeanSquaredDisplacement(j, 1e-6, 1, 2.0),
        1e-15);
    // gamma t >> 1: 2 d D (t - 1/gamma), D = 2 J^2 / gamma
    double gamma = 2.0;
    double d = Dephasing.diffusionConstant(j, gamma);
    assertEquals(2 * j * j / gamma, d, 0.0);
    assertEquals(
        2 * 2 * d * (50 - 1 / gamma),
        Dephasing.exactMeanSquaredDisplacement(j, gamma, 2, 50),
        1e-12);
    // the series (gamma t < 0.5) and the closed form meet smoothly
    double below = Dephasing.exactMeanSquaredDisplacement(1, 1, 1, 0.5 - 1e-12);
    double above = Dephasing.exactMeanSquaredDisplacement(1, 1, 1, 0.5 + 1e-12);
    assertEquals(below, above, 1e-11);
    double t = 0.5 - 1e-12;
    double closed = 4 * (t - (1 - Math.exp(-t)));
    assertEquals(closed, below, 1e-14);
  }

  @Test
  void anInterruptedThreadStopsTheRun() {
    Lattice chain = Lattice.chain(21).build();
    Hamiltonian h = Hamiltonian.on(chain).hopping(1).build();
    MasterEquation equation = Dephasing.of(h).rate(1).times(1.0, 2.0).densityMatrix();
    Thread.currentThread().interrupt();
    assertThrows(CancellationException.class, () -> equation.run(WaveFunction.delta(chain)));
    assertFalse(Thread.currentThread().isInterrupted());
  }
}
