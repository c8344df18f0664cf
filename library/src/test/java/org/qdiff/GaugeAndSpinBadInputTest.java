package org.qdiff;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.qdiff.analysis.Backscattering;
import org.qdiff.hamiltonian.Disorder;
import org.qdiff.hamiltonian.Gauge;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.hamiltonian.SpinOrbit;
import org.qdiff.lattice.Lattice;
import org.qdiff.observe.Profiles;
import org.qdiff.propagate.DensityMatrix;
import org.qdiff.propagate.Dephasing;
import org.qdiff.propagate.Evolution;
import org.qdiff.propagate.Propagators;
import org.qdiff.state.Spinor;
import org.qdiff.state.WaveFunction;

/** Bad input to fluxes, spin-orbit coupling, internal states and spinors names what is wrong. */
class GaugeAndSpinBadInputTest {

  private static void rejects(Class<? extends Throwable> type, String mustMention, Executable e) {
    Throwable thrown = assertThrows(type, e);
    assertTrue(
        thrown.getMessage().contains(mustMention),
        "message should mention \"" + mustMention + "\": " + thrown.getMessage());
  }

  @Test
  void badFlux() {
    Lattice open = Lattice.square(8).build();
    rejects(
        IllegalArgumentException.class,
        "flux phi",
        () -> Hamiltonian.on(open).hopping(1).flux(Double.NaN));
    rejects(
        IllegalArgumentException.class,
        "flux phi",
        () -> Hamiltonian.on(open).hopping(1).flux(Double.POSITIVE_INFINITY, Gauge.LANDAU_Y));
    rejects(IllegalArgumentException.class, "gauge", () -> Hamiltonian.on(open).flux(0.1, null));
    rejects(
        IllegalArgumentException.class,
        "dimension 2 or 3",
        () -> Hamiltonian.on(Lattice.chain(8).build()).hopping(1).flux(0.1));
    rejects(
        IllegalArgumentException.class,
        "dimension 2 or 3",
        () -> Hamiltonian.on(Lattice.cycle(8)).hopping(1).flux(0.1));
    Lattice torus = Lattice.square(16).periodic().build();
    rejects(
        IllegalArgumentException.class,
        "phi = 2 pi m / 16",
        () -> Hamiltonian.on(torus).hopping(1).flux(0.3));
    rejects(
        IllegalArgumentException.class,
        "phi = 0.3",
        () -> Hamiltonian.on(torus).hopping(1).flux(0.3, Gauge.LANDAU_Y));
    rejects(
        IllegalArgumentException.class,
        "symmetric gauge is not periodic",
        () -> Hamiltonian.on(torus).hopping(1).flux(2 * Math.PI / 16, Gauge.SYMMETRIC));
    // Periodic only along the axis the Landau-y phases do not depend on: any flux.
    Hamiltonian.on(Lattice.square(16).periodic(0).build()).hopping(1).flux(0.3, Gauge.LANDAU_Y);
    rejects(
        IllegalStateException.class,
        "add hopping(J)",
        () -> Hamiltonian.on(open).onsite(Disorder.box(1).seed(1)).flux(0.2).build());
  }

  @Test
  void badSpinOrbitCoupling() {
    Lattice spinless = Lattice.square(6).build();
    Lattice spinful = Lattice.square(6).spinHalf().build();
    rejects(
        IllegalArgumentException.class,
        "internalStates(2)",
        () -> Hamiltonian.on(spinless).hopping(1).spinOrbit(SpinOrbit.randomSU2().seed(1)));
    rejects(
        IllegalArgumentException.class,
        "s = 3",
        () ->
            Hamiltonian.on(Lattice.square(6).internalStates(3).build())
                .spinOrbit(SpinOrbit.randomSU2().seed(1)));
    rejects(
        IllegalArgumentException.class,
        "no seed",
        () -> Hamiltonian.on(spinful).hopping(1).spinOrbit(SpinOrbit.randomSU2()));
    rejects(
        IllegalArgumentException.class,
        "coupling",
        () -> Hamiltonian.on(spinful).hopping(1).spinOrbit(null));
    rejects(
        IllegalArgumentException.class,
        "lambda must be in [0, 1]",
        () -> SpinOrbit.randomSU2().strength(1.5));
    rejects(
        IllegalArgumentException.class, "lambda", () -> SpinOrbit.randomSU2().strength(Double.NaN));
    rejects(
        IllegalStateException.class,
        "spin-orbit coupling",
        () -> Hamiltonian.on(spinful).spinOrbit(SpinOrbit.randomSU2().seed(2)).build());
    rejects(
        IllegalArgumentException.class,
        "without internal states",
        () -> Hamiltonian.on(spinful).bandMatrix(1, Disorder.normal().seed(1)));
  }

  @Test
  void badInternalStatesAndSpinors() {
    rejects(
        IllegalArgumentException.class,
        "s must be >= 1",
        () -> Lattice.square(4).internalStates(0));
    Lattice spinful = Lattice.square(5).spinHalf().build();
    rejects(
        IllegalArgumentException.class,
        "spinor must have s = 2",
        () -> WaveFunction.delta(spinful, 0, Spinor.basis(3, 0)));
    rejects(
        IllegalArgumentException.class,
        "spinor must have s = 2",
        () -> WaveFunction.gaussianPacket(spinful).width(1).spinor(Spinor.of(Complex.ONE)));
    rejects(
        IllegalArgumentException.class,
        "non-zero",
        () -> Spinor.of(new double[] {0, 0}, new double[] {0, 0}));
    rejects(
        IllegalArgumentException.class,
        "real part of component 1",
        () -> Spinor.of(new double[] {1, Double.NaN}, new double[] {0, 0}));
    rejects(
        IllegalArgumentException.class,
        "at least 1 component",
        () -> Spinor.of(new double[0], new double[0]));
    rejects(IllegalArgumentException.class, "sigma", () -> spinful.stateIndex(0, 2));
    rejects(
        IllegalArgumentException.class,
        "length N s = 50",
        () -> WaveFunction.fromArrays(spinful, new double[25], new double[25]));
    Hamiltonian h = Hamiltonian.on(spinful).hopping(1).build();
    rejects(IllegalArgumentException.class, "internal states", () -> Dephasing.of(h));
    rejects(
        IllegalArgumentException.class,
        "internal states",
        () ->
            Evolution.of(h)
                .propagator(Propagators.fourier())
                .times(1.0)
                .run(WaveFunction.delta(spinful)));
    rejects(
        IllegalArgumentException.class,
        "internal states",
        () -> DensityMatrix.of(WaveFunction.delta(spinful)));
  }

  @Test
  void badMomentumQuestions() {
    rejects(
        IllegalArgumentException.class,
        "needs a box",
        () -> Profiles.momentumDistribution(WaveFunction.delta(Lattice.complete(4))));
    Lattice square = Lattice.square(12).periodic().build();
    rejects(
        IllegalArgumentException.class,
        "no image under the point group",
        () -> Backscattering.at(square, 0, 0));
    rejects(
        IllegalArgumentException.class,
        "dimension 2 or 3",
        () -> Backscattering.at(Lattice.chain(12).build(), 1.0));
    rejects(
        IllegalArgumentException.class,
        "k0 must have 2 components",
        () -> Backscattering.at(square, 1.0));
    rejects(
        IllegalArgumentException.class,
        "r must be finite and >= 0",
        () -> Backscattering.at(square, 1.0, 0.5).radius(-1));
  }
}
