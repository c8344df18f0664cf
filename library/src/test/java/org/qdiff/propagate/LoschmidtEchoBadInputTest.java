package org.qdiff.propagate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.lattice.Lattice;
import org.qdiff.observe.Observable;
import org.qdiff.observe.Observables;
import org.qdiff.state.WaveFunction;

/** Every rule of bad input to the time-reversal experiment raises the documented exception. */
class LoschmidtEchoBadInputTest {

  private final Lattice chain = Lattice.chain(11).build();
  private final Lattice otherChain = Lattice.chain(13).build();
  private final Hamiltonian h = Hamiltonian.on(chain).hopping(1).build();
  private final Hamiltonian elsewhere = Hamiltonian.on(otherChain).hopping(1).build();

  private static void rejects(Class<? extends Throwable> type, String mustMention, Executable e) {
    Throwable thrown = assertThrows(type, e);
    assertTrue(
        thrown.getMessage().contains(mustMention),
        "message should mention \"" + mustMention + "\": " + thrown.getMessage());
  }

  @Test
  void hamiltoniansMustBeGivenOnOneLattice() {
    rejects(
        IllegalArgumentException.class,
        "LoschmidtEcho.of: hamiltonian",
        () -> LoschmidtEcho.of(null));
    rejects(
        IllegalArgumentException.class,
        "LoschmidtEcho.backward: hamiltonian",
        () -> LoschmidtEcho.of(h).backward(null));
    rejects(
        IllegalArgumentException.class,
        "LoschmidtEcho.backward: H' acts on",
        () -> LoschmidtEcho.of(h).backward(elsewhere));
    rejects(
        IllegalArgumentException.class,
        "LoschmidtEcho.perturbation: V acts on",
        () -> LoschmidtEcho.of(h).perturbation(0.1, elsewhere));
    rejects(
        IllegalArgumentException.class,
        "LoschmidtEcho.perturbation: v",
        () -> LoschmidtEcho.of(h).perturbation(0.1, null));
  }

  @Test
  void perturbationStrengthMustBeFinite() {
    Throwable thrown =
        assertThrows(
            IllegalArgumentException.class, () -> LoschmidtEcho.of(h).perturbation(Double.NaN, h));
    assertEquals(
        "LoschmidtEcho.perturbation: epsilon must be finite, got NaN", thrown.getMessage());
    rejects(
        IllegalArgumentException.class,
        "epsilon must be finite",
        () -> LoschmidtEcho.of(h).perturbation(Double.POSITIVE_INFINITY, h));
  }

  @Test
  void configurationArgumentsAreChecked() {
    rejects(
        IllegalArgumentException.class,
        "LoschmidtEcho.propagator: method",
        () -> LoschmidtEcho.of(h).propagator(null));
    rejects(
        IllegalArgumentException.class,
        "LoschmidtEcho.times: grid",
        () -> LoschmidtEcho.of(h).times((TimeGrid) null));
    rejects(
        IllegalArgumentException.class,
        "LoschmidtEcho.boundary: guard",
        () -> LoschmidtEcho.of(h).boundary(null));
    rejects(
        IllegalArgumentException.class,
        "LoschmidtEcho.normTolerance: tolerance must be in (0, 1), got 0.0",
        () -> LoschmidtEcho.of(h).normTolerance(0));
    rejects(
        IllegalArgumentException.class,
        "LoschmidtEcho.observe: observable",
        () -> LoschmidtEcho.of(h).observe((Observable) null));
  }

  @Test
  void observableNamesMustBeFreeAndDistinct() {
    rejects(
        IllegalArgumentException.class,
        "\"echo\" is taken",
        () -> LoschmidtEcho.of(h).observe(Observables.norm().withName("echo")));
    rejects(
        IllegalArgumentException.class,
        "\"clock\" is taken",
        () -> LoschmidtEcho.of(h).observe(Observables.norm().withName("clock")));
    rejects(
        IllegalArgumentException.class,
        "two observables are named \"msd\"",
        () ->
            LoschmidtEcho.of(h)
                .observe(Observables.meanSquaredDisplacement())
                .observe(Observables.meanSquaredDisplacement()));
  }

  @Test
  void runsNeedTimesAndAStateOnTheLattice() {
    WaveFunction delta = WaveFunction.delta(chain);
    rejects(
        IllegalStateException.class,
        "LoschmidtEcho.run: no output times",
        () -> LoschmidtEcho.of(h).run(delta));
    rejects(
        IllegalStateException.class,
        "LoschmidtEcho.roundTrip: no output times",
        () -> LoschmidtEcho.of(h).roundTrip(delta));
    rejects(
        IllegalArgumentException.class,
        "LoschmidtEcho.run: the state lives on",
        () -> LoschmidtEcho.of(h).times(1.0).run(WaveFunction.delta(otherChain)));
    rejects(
        IllegalArgumentException.class,
        "LoschmidtEcho.run: state",
        () -> LoschmidtEcho.of(h).times(1.0).run(null));
  }

  @Test
  void theFilmStartsAtZeroAndRunsForward() {
    WaveFunction delta = WaveFunction.delta(chain);
    rejects(
        IllegalArgumentException.class,
        "times must start at 0, got t[0] = 1.0",
        () -> LoschmidtEcho.of(h).times(1.0, 2.0).roundTrip(delta));
    rejects(
        IllegalArgumentException.class,
        "must increase, got t[2] = 1.0 after t[1] = 2.0",
        () -> LoschmidtEcho.of(h).times(0.0, 2.0, 1.0).roundTrip(delta));
    rejects(
        IllegalArgumentException.class,
        "at least two times",
        () -> LoschmidtEcho.of(h).times(0.0).roundTrip(delta));
  }

  @Test
  void anOversizedExactDiagonalizationIsRefusedAtConfiguration() {
    Lattice square = Lattice.square(80).build();
    Hamiltonian large = Hamiltonian.on(square).hopping(1).build();
    rejects(
        IllegalArgumentException.class,
        "Propagators.exact: dense diagonalization allows at most",
        () -> LoschmidtEcho.of(large).propagator(Propagators.exact()));
  }
}
