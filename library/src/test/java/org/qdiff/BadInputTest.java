package org.qdiff;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.qdiff.hamiltonian.Disorder;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.lattice.Lattice;
import org.qdiff.propagate.BoundaryException;
import org.qdiff.propagate.BoundaryGuard;
import org.qdiff.propagate.Evolution;
import org.qdiff.propagate.Propagators;
import org.qdiff.propagate.TimeGrid;
import org.qdiff.state.WaveFunction;

/** Every rule of bad input raises the documented exception, naming the parameter. */
class BadInputTest {

  private static void rejects(Class<? extends Throwable> type, String mustMention, Executable e) {
    Throwable thrown = assertThrows(type, e);
    assertTrue(
        thrown.getMessage().contains(mustMention),
        "message should mention \"" + mustMention + "\": " + thrown.getMessage());
  }

  @Test
  void nonPositiveSizes() {
    rejects(IllegalArgumentException.class, "side length", () -> Lattice.chain(0));
    rejects(IllegalArgumentException.class, "side length", () -> Lattice.cubic(10, -1, 10));
    rejects(IllegalArgumentException.class, "dimension d", () -> Lattice.box(2, 2, 2, 2));
    rejects(IllegalArgumentException.class, "n must be >= 3", () -> Lattice.cycle(2));
    rejects(IllegalArgumentException.class, "dimension", () -> Lattice.hypercube(0));
    rejects(IllegalArgumentException.class, "number of sites", () -> Lattice.cubic(2000));
    rejects(
        IllegalArgumentException.class,
        "periodic axis needs side length >= 3",
        () -> Lattice.chain(2).periodic().build());
  }

  @Test
  void siteOutsideTheLattice() {
    Lattice square = Lattice.square(11).build();
    rejects(
        IllegalArgumentException.class,
        "coordinate x2 must be in [-5, 5]",
        () -> square.site(0, 6));
    rejects(
        IllegalArgumentException.class,
        "site must be in [0, 120]",
        () -> WaveFunction.delta(square, 121));
    rejects(
        IllegalArgumentException.class, "site must be in [0, 120]", () -> square.neighbours(-1));
    rejects(
        IllegalArgumentException.class,
        "edges[1][1]",
        () -> Lattice.graph(3, new int[][] {{0, 1}, {1, 3}}));
  }

  @Test
  void zeroOrNonFiniteState() {
    Lattice chain = Lattice.chain(5).build();
    rejects(
        IllegalArgumentException.class,
        "non-zero",
        () -> WaveFunction.fromFunction(chain, i -> Complex.ZERO));
    rejects(
        IllegalArgumentException.class,
        "site 2 must be finite",
        () -> WaveFunction.fromFunction(chain, i -> i == 2 ? Complex.NaN : Complex.ONE));
    rejects(
        IllegalArgumentException.class,
        "failed at site 3",
        () ->
            WaveFunction.fromFunction(
                chain,
                i -> {
                  if (i == 3) {
                    throw new ArithmeticException("boom");
                  }
                  return Complex.ONE;
                }));
    rejects(
        IllegalArgumentException.class,
        "sigma must be finite and > 0",
        () -> WaveFunction.gaussianPacket(chain).width(0));
  }

  @Test
  void nanOrInfiniteDisorderStrength() {
    rejects(
        IllegalArgumentException.class,
        "width W must be finite and >= 0",
        () -> Disorder.box(-3.0));
    rejects(
        IllegalArgumentException.class,
        "width W must be finite and >= 0",
        () -> Disorder.box(Double.NaN));
    rejects(
        IllegalArgumentException.class, "sigma", () -> Disorder.normal(Double.POSITIVE_INFINITY));
    rejects(IllegalArgumentException.class, "gamma", () -> Disorder.cauchy(Double.NaN));
    rejects(IllegalArgumentException.class, "width W", () -> Disorder.binary(-1));
    Lattice chain = Lattice.chain(5).build();
    rejects(
        IllegalArgumentException.class,
        "has no seed",
        () -> Hamiltonian.on(chain).onsite(Disorder.box(2)));
    rejects(
        IllegalArgumentException.class,
        "amplitude J must be finite",
        () -> Hamiltonian.on(chain).hopping(Double.NaN));
    rejects(
        IllegalArgumentException.class,
        "v at site 4 [2] must be finite",
        () -> Hamiltonian.on(chain).potential(i -> i == 4 ? Double.POSITIVE_INFINITY : 0).build());
  }

  @Test
  void negativeOrOutOfRangeTolerance() {
    rejects(
        IllegalArgumentException.class,
        "tolerance must be in [1e-15, 0.1], got -1.0E-8",
        () -> Propagators.chebyshev().tolerance(-1e-8));
    rejects(
        IllegalArgumentException.class,
        "tolerance must be in",
        () -> Propagators.chebyshev().tolerance(Double.NaN));
    rejects(
        IllegalArgumentException.class,
        "start must be > 0 on a log grid, got 0.0",
        () -> TimeGrid.logSpaced(0.0, 1, 5));
    rejects(
        IllegalArgumentException.class,
        "times[1] must be finite",
        () -> TimeGrid.of(1, Double.NaN));
  }

  @Test
  void stateFromAnotherLattice() {
    Lattice a = Lattice.chain(10).build();
    Lattice b = Lattice.chain(11).build();
    Hamiltonian h = Hamiltonian.on(a).laplacian().build();
    rejects(
        IllegalArgumentException.class,
        "the state lives on",
        () -> Evolution.of(h).times(1.0).run(WaveFunction.delta(b)));
  }

  @Test
  void denseDiagonalizationTooLargeFailsBeforeAllocating() {
    Lattice big = Lattice.cubic(40).build();
    Hamiltonian h = Hamiltonian.on(big).laplacian().build();
    rejects(
        IllegalArgumentException.class,
        "maxSites",
        () -> Evolution.of(h).propagator(Propagators.exact()));
    rejects(
        IllegalArgumentException.class,
        "GB",
        () -> Evolution.of(h).propagator(Propagators.exact().maxSites(Integer.MAX_VALUE)));
  }

  @Test
  void wrongOrderOfUse() {
    Lattice chain = Lattice.chain(5).build();
    Hamiltonian h = Hamiltonian.on(chain).laplacian().build();
    rejects(
        IllegalStateException.class,
        "no output times",
        () -> Evolution.of(h).run(WaveFunction.delta(chain)));
    rejects(
        IllegalStateException.class,
        "call width(sigma)",
        () -> WaveFunction.gaussianPacket(chain).build());
  }

  @Test
  void boundaryGuardFailsWhenTheBoxIsTooSmall() {
    Lattice chain = Lattice.chain(21).build();
    Hamiltonian h = Hamiltonian.on(chain).laplacian().build();
    rejects(
        BoundaryException.class,
        "no longer stands for Z^d",
        () ->
            Evolution.of(h)
                .times(2.0, 20.0)
                .boundary(BoundaryGuard.fail(1e-6))
                .run(WaveFunction.delta(chain)));
  }
}
