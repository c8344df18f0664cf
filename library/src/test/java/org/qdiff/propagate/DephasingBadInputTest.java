package org.qdiff.propagate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.lattice.Lattice;
import org.qdiff.observe.Observables;
import org.qdiff.state.Distribution;
import org.qdiff.state.WaveFunction;

/** Every rule of bad input to the dephasing API raises the documented exception. */
class DephasingBadInputTest {

  private final Lattice chain = Lattice.chain(11).build();
  private final Hamiltonian h = Hamiltonian.on(chain).hopping(1).build();

  private static void rejects(Class<? extends Throwable> type, String mustMention, Executable e) {
    Throwable thrown = assertThrows(type, e);
    assertTrue(
        thrown.getMessage().contains(mustMention),
        "message should mention \"" + mustMention + "\": " + thrown.getMessage());
  }

  private Dephasing configured() {
    return Dephasing.of(h).rate(1).times(1.0);
  }

  @Test
  void rateMustBeFiniteAndNonNegative() {
    Throwable thrown = assertThrows(IllegalArgumentException.class, () -> Dephasing.of(h).rate(-1));
    assertEquals("Dephasing.rate: gamma must be finite and >= 0, got -1.0", thrown.getMessage());
    rejects(IllegalArgumentException.class, "gamma", () -> Dephasing.of(h).rate(Double.NaN));
    rejects(
        IllegalArgumentException.class,
        "gamma must be finite",
        () -> Dephasing.of(h).rate(Double.POSITIVE_INFINITY));
  }

  @Test
  void hamiltonianMustBeGiven() {
    rejects(IllegalArgumentException.class, "Dephasing.of: hamiltonian", () -> Dephasing.of(null));
  }

  @Test
  void timesMustRunForwardFromZero() {
    rejects(
        IllegalArgumentException.class,
        "Dephasing.times: times must be >= 0",
        () -> Dephasing.of(h).times(-0.5, 1.0));
    rejects(
        IllegalArgumentException.class,
        "t[2] = 1.0 after t[1] = 2.0",
        () -> Dephasing.of(h).times(0.0, 2.0, 1.0));
    rejects(
        IllegalArgumentException.class,
        "Dephasing.times: grid",
        () -> Dephasing.of(h).times((TimeGrid) null));
  }

  @Test
  void observablesMustHaveDistinctNames() {
    rejects(
        IllegalArgumentException.class,
        "Dephasing.observe: two observables are named \"msd\"",
        () ->
            Dephasing.of(h)
                .observe(Observables.meanSquaredDisplacement())
                .observe(Observables.meanSquaredDisplacement()));
    rejects(IllegalArgumentException.class, "boundary", () -> Dephasing.of(h).boundary(null));
  }

  @Test
  void rateAndTimesComeBeforeTheMethod() {
    rejects(IllegalStateException.class, "rate(gamma)", () -> Dephasing.of(h).densityMatrix());
    rejects(IllegalStateException.class, "times(", () -> Dephasing.of(h).rate(1).trajectories(10));
  }

  @Test
  void densityMatrixSizeIsLimited() {
    rejects(
        IllegalArgumentException.class,
        "maxSites must be >= 1, got 0",
        () -> configured().densityMatrix(0));
    rejects(
        IllegalArgumentException.class,
        "at most maxSites = 10 sites are allowed, got N = 11",
        () -> configured().densityMatrix(10));
    Lattice big = Lattice.square(400).build();
    Hamiltonian large = Hamiltonian.on(big).hopping(1).build();
    rejects(
        IllegalArgumentException.class,
        "at most maxSites = 4096",
        () -> Dephasing.of(large).rate(1).times(1.0).densityMatrix());
    // 160000 sites: four matrices of N^2 complex entries need 1.6 TB.
    rejects(
        IllegalArgumentException.class,
        "GB of heap available",
        () -> Dephasing.of(large).rate(1).times(1.0).densityMatrix(1_000_000));
    rejects(
        IllegalArgumentException.class,
        "DensityMatrix.of: a density matrix on N = 160000 sites",
        () -> DensityMatrix.of(WaveFunction.delta(big)));
  }

  @Test
  void trajectoriesNeedAtLeastTwoAndASeed() {
    rejects(
        IllegalArgumentException.class,
        "Dephasing.trajectories: count R must be >= 2, got 1",
        () -> configured().trajectories(1));
    rejects(
        IllegalArgumentException.class,
        "the name of the standard-error column of \"msd\"",
        () ->
            configured()
                .observe(
                    Observables.meanSquaredDisplacement(),
                    org.qdiff.observe.Observable.of("msd_sem", s -> 0))
                .trajectories(5));
    rejects(
        IllegalStateException.class,
        "seed(long)",
        () -> configured().trajectories(5).run(WaveFunction.delta(chain)));
    rejects(
        IllegalArgumentException.class,
        "QuantumJumps.seed: value",
        () -> configured().trajectories(5).seed(null));
    rejects(
        IllegalArgumentException.class,
        "QuantumJumps.propagator: method",
        () -> configured().trajectories(5).propagator(null));
  }

  @Test
  void statesMustLiveOnTheHamiltoniansLattice() {
    Lattice other = Lattice.chain(13).build();
    rejects(
        IllegalArgumentException.class,
        "MasterEquation.run: the state lives on",
        () -> configured().densityMatrix().run(WaveFunction.delta(other)));
    rejects(
        IllegalArgumentException.class,
        "MasterEquation.run: the state lives on",
        () -> configured().densityMatrix().run(DensityMatrix.mixture(Distribution.delta(other))));
    rejects(
        IllegalArgumentException.class,
        "QuantumJumps.run: the state lives on",
        () -> configured().trajectories(3).seed(1).run(WaveFunction.delta(other)));
  }

  @Test
  void jumpsNeedANormalizedState() {
    WaveFunction twice = WaveFunction.delta(chain).times(new org.hipparchus.complex.Complex(2, 0));
    rejects(
        IllegalArgumentException.class,
        "must be normalized",
        () -> configured().trajectories(3).seed(1).run(twice));
  }

  @Test
  void purityNeedsADensityMatrix() {
    rejects(
        IllegalStateException.class,
        "Dephasing.purity: needs a density matrix",
        () ->
            configured()
                .observe(Dephasing.purity())
                .trajectories(2)
                .seed(1)
                .run(WaveFunction.delta(chain)));
  }

  @Test
  void exactLawParametersAreChecked() {
    rejects(
        IllegalArgumentException.class,
        "hopping J must be finite",
        () -> Dephasing.exactMeanSquaredDisplacement(Double.NaN, 1, 1, 1));
    rejects(
        IllegalArgumentException.class,
        "rate gamma must be finite and >= 0, got -2.0",
        () -> Dephasing.exactMeanSquaredDisplacement(1, -2, 1, 1));
    rejects(
        IllegalArgumentException.class,
        "dimension d must be >= 1, got 0",
        () -> Dephasing.exactMeanSquaredDisplacement(1, 1, 0, 1));
    rejects(
        IllegalArgumentException.class,
        "time t must be finite and >= 0, got -1.0",
        () -> Dephasing.exactMeanSquaredDisplacement(1, 1, 1, -1));
    rejects(
        IllegalArgumentException.class,
        "Dephasing.diffusionConstant: rate gamma must be finite and > 0, got 0.0",
        () -> Dephasing.diffusionConstant(1, 0));
  }

  @Test
  void densityMatrixAccessorsCheckSites() {
    DensityMatrix rho = DensityMatrix.of(WaveFunction.delta(chain));
    rejects(IllegalArgumentException.class, "DensityMatrix.element", () -> rho.element(11, 0));
    rejects(IllegalArgumentException.class, "DensityMatrix.probability", () -> rho.probability(-1));
    rejects(
        IllegalArgumentException.class,
        "out must have length N = 11",
        () -> rho.probabilitiesInto(new double[3]));
    rejects(IllegalArgumentException.class, "DensityMatrix.of: psi", () -> DensityMatrix.of(null));
  }
}
