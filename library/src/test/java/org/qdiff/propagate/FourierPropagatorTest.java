package org.qdiff.propagate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qdiff.hamiltonian.Disorder;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.lattice.Lattice;
import org.qdiff.observe.Observables;
import org.qdiff.state.WaveFunction;
import org.qdiff.units.FreeParticle;

/** Exact propagation of translation-invariant Hamiltonians by FFTs. */
class FourierPropagatorTest {

  static Stream<Arguments> translationInvariant() {
    return Stream.of(
        Arguments.of("periodic chain, hopping 0.7", chainH()),
        Arguments.of(
            "periodic square 9 x 12, Laplacian",
            Hamiltonian.on(Lattice.square(9, 12).periodic().build()).laplacian().build()),
        Arguments.of(
            "periodic cube 6 x 5 x 7, hopping 1 and potential 0.3",
            Hamiltonian.on(Lattice.box(6, 5, 7).periodic().build())
                .hopping(1)
                .potential(x -> 0.3)
                .build()),
        Arguments.of(
            "cycle of 30, 2 H", Hamiltonian.on(Lattice.cycle(30)).hopping(1).build().times(2)));
  }

  private static Hamiltonian chainH() {
    return Hamiltonian.on(Lattice.chain(64).periodic().build()).hopping(0.7).build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("translationInvariant")
  void fourierAgreesWithChebyshev(String name, Hamiltonian h) {
    WaveFunction psi0 = PropagatorContractTest.randomState(h.lattice(), 11);
    WaveFunction fourier =
        Evolution.of(h)
            .propagator(Propagators.fourier())
            .boundary(BoundaryGuard.off())
            .times(7.5)
            .run(psi0)
            .finalState();
    WaveFunction chebyshev =
        Evolution.of(h)
            .propagator(Propagators.chebyshev().tolerance(1e-14))
            .boundary(BoundaryGuard.off())
            .times(7.5)
            .run(psi0)
            .finalState();
    assertTrue(fourier.distance(chebyshev) < 1e-11, name + ": " + fourier.distance(chebyshev));
  }

  @Test
  void freeChainReturnProbabilityIsBesselSquaredAtLongTimes() {
    // On a ring of 4096 sites the front (speed 2) needs t > 1000 to wrap: compare at t = 400.
    Lattice ring = Lattice.chain(4096).periodic().build();
    Hamiltonian h = Hamiltonian.on(ring).hopping(1).build();
    Trajectory<WaveFunction> run =
        Evolution.of(h)
            .propagator(Propagators.fourier())
            .times(100.0, 400.0)
            .observe(Observables.returnProbability(), Observables.meanSquaredDisplacement())
            .run(WaveFunction.delta(ring, ring.origin()));
    double[] p0 = run.column("return_probability");
    double[] msd = run.column("msd");
    double[] t = {100, 400};
    for (int i = 0; i < 2; i++) {
      double j0 = org.hipparchus.special.BesselJ.value(0, 2 * t[i]);
      assertEquals(j0 * j0, p0[i], 1e-12);
      assertEquals(2 * t[i] * t[i], msd[i], 1e-9 * msd[i]);
    }
  }

  @Test
  void gaussianPacketOnAFineLatticeSpreadsAsTheFreeParticle() {
    // sigma0 = 1000 spacings: the lattice corrections to sigma^2 are ~ 1 / (4 sigma0^2) = 2.5e-7.
    // 2^17 sites hold the packet up to t = 3 tau (sigma = 3162) with tails below 1e-80.
    double sigma0 = 1000;
    Lattice chain = Lattice.chain(1 << 17).periodic().build();
    Hamiltonian h = Hamiltonian.on(chain).hopping(1).build();
    FreeParticle particle = FreeParticle.onLattice(1);
    double tau = particle.spreadingTime(sigma0);
    double[] times = {0, 0.5 * tau, tau, 3 * tau};
    Trajectory<WaveFunction> run =
        Evolution.of(h)
            .propagator(Propagators.fourier())
            .times(times)
            .observe(Observables.meanSquaredDisplacement())
            .run(WaveFunction.gaussianPacket(chain).width(sigma0).build());
    double[] msd = run.column("msd");
    for (int i = 0; i < times.length; i++) {
      double exact = particle.width(sigma0, times[i]);
      assertEquals(exact, Math.sqrt(msd[i]), 1e-6 * exact, "t = " + times[i]);
    }
  }

  @Test
  void fourierRefusesWhatIsNotTranslationInvariant() {
    Lattice open = Lattice.chain(50).build();
    Lattice ring = Lattice.chain(50).periodic().build();
    Hamiltonian[] refused = {
      Hamiltonian.on(open).hopping(1).build(),
      Hamiltonian.on(ring).hopping(1).onsite(Disorder.box(1).seed(1)).build(),
      Hamiltonian.on(Lattice.complete(10)).hopping(1).build(),
    };
    for (Hamiltonian h : refused) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  Evolution.of(h)
                      .propagator(Propagators.fourier())
                      .times(1.0)
                      .run(WaveFunction.delta(h.lattice(), 0)));
      assertTrue(e.getMessage().contains("translation-invariant"), e.getMessage());
    }
  }

  @Test
  void forwardThenBackwardReturnsTheState() {
    Hamiltonian h = chainH();
    WaveFunction psi0 = PropagatorContractTest.randomState(h.lattice(), 5);
    WaveFunction there =
        Evolution.of(h)
            .propagator(Propagators.fourier())
            .boundary(BoundaryGuard.off())
            .times(1e6)
            .run(psi0)
            .finalState();
    WaveFunction back =
        Evolution.of(h)
            .propagator(Propagators.fourier())
            .boundary(BoundaryGuard.off())
            .times(-1e6)
            .run(there)
            .finalState();
    assertArrayEquals(
        new double[] {0}, new double[] {back.distance(psi0)}, 1e-9, "distance after +-1e6");
  }
}
