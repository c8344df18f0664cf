package org.qdiff.rotor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.qdiff.lattice.Lattice;
import org.qdiff.observe.Observable;
import org.qdiff.observe.Observables;
import org.qdiff.propagate.Trajectory;
import org.qdiff.state.WaveFunction;

/** Every rule of bad input to the rotor package raises the documented exception, naming it. */
class RotorBadInputTest {

  private final KickedRotor rotor = KickedRotor.kickStrength(2).hbar(1).momenta(64).build();

  private static void rejects(Class<? extends Throwable> type, String mustMention, Executable e) {
    Throwable thrown = assertThrows(type, e);
    assertTrue(
        thrown.getMessage().contains(mustMention),
        "message should mention \"" + mustMention + "\": " + thrown.getMessage());
  }

  private static void rejectsArgument(String mustMention, Executable e) {
    rejects(IllegalArgumentException.class, mustMention, e);
  }

  @Test
  void kickedRotorParameters() {
    rejectsArgument(
        "KickedRotor.kickStrength: K must be finite and >= 0, got -1.0",
        () -> KickedRotor.kickStrength(-1));
    rejectsArgument("K must be finite", () -> KickedRotor.kickStrength(Double.NaN));
    rejectsArgument("K must be finite", () -> KickedRotor.kickStrength(Double.POSITIVE_INFINITY));
    rejectsArgument(
        "KickedRotor.hbar: hbarEff must be finite and > 0, got 0.0",
        () -> KickedRotor.kickStrength(1).hbar(0));
    rejectsArgument("hbarEff must be finite", () -> KickedRotor.kickStrength(1).hbar(-2));
    rejectsArgument("hbarEff must be finite", () -> KickedRotor.kickStrength(1).hbar(Double.NaN));
    rejectsArgument(
        "KickedRotor.momenta: N must be in [3, 16777216], got 2",
        () -> KickedRotor.kickStrength(1).momenta(2));
    rejectsArgument("N must be in [3", () -> KickedRotor.kickStrength(1).momenta((1 << 24) + 1));
    rejectsArgument(
        "K / hbarEff must be finite",
        () -> KickedRotor.kickStrength(1e308).hbar(1e-10).momenta(16).build());
    rejectsArgument(
        "hbarEff n^2 / 2 must be finite",
        () -> KickedRotor.kickStrength(1).hbar(1e300).momenta(1 << 20).build());
  }

  @Test
  void kickedRotorBuildNeedsEveryParameter() {
    rejects(
        IllegalStateException.class,
        ".hbar(",
        () -> KickedRotor.kickStrength(1).momenta(16).build());
    rejects(
        IllegalStateException.class,
        ".momenta(",
        () -> KickedRotor.kickStrength(1).hbar(1).build());
    assertTrue(KickedRotor.kickStrength(1).toString().contains("call hbar(value)"));
  }

  @Test
  void statesAndKicks() {
    rejectsArgument(
        "KickedRotor.momentumState: n must be in [-32, 31] (the momenta kept), got 32",
        () -> rotor.momentumState(32));
    WaveFunction elsewhere = WaveFunction.delta(Lattice.chain(64).build());
    rejectsArgument("momentum lattice", () -> rotor.apply(elsewhere));
    rejectsArgument("momentum lattice", () -> rotor.evolve(elsewhere));
    rejectsArgument("state must not be null", () -> rotor.evolve(null));
    rejectsArgument(
        "KickedRotor.apply: kicks must be >= 0, got -1",
        () -> rotor.apply(rotor.momentumState(0), -1));
    rejectsArgument(
        "KickedRotor.run: kicks must be >= 1, got 0", () -> rotor.run(rotor.momentumState(0), 0));
  }

  @Test
  void evolutionSettings() {
    RotorEvolution evolution = rotor.evolve(rotor.momentumState(0));
    rejectsArgument("RotorEvolution.kicks: count must be >= 1, got 0", () -> evolution.kicks(0));
    rejectsArgument("RotorEvolution.every: interval must be >= 1, got 0", () -> evolution.every(0));
    rejectsArgument(
        "RotorEvolution.edgeTolerance: tolerance must be in (0, 1], got 0.0",
        () -> evolution.edgeTolerance(0));
    rejectsArgument("tolerance must be in (0, 1]", () -> evolution.edgeTolerance(1.5));
    rejectsArgument("tolerance must be in (0, 1]", () -> evolution.edgeTolerance(Double.NaN));
    Observable duplicate = Observable.of("p2", s -> 0);
    rejectsArgument("\"p2\" is already a column", () -> evolution.observe(duplicate));
    rejects(IllegalStateException.class, "call kicks(count)", evolution::run);
  }

  @Test
  void distributionsNeedKeptStates() {
    Trajectory<WaveFunction> plain = rotor.run(rotor.momentumState(0), 3);
    rejects(IllegalStateException.class, "keepStates", () -> rotor.momentumDistributions(plain));
    Trajectory<WaveFunction> kept =
        rotor.evolve(rotor.momentumState(0)).kicks(3).keepStates().run();
    rejectsArgument(
        "KickedRotor.averageMomentumDistribution: fromKick must be <= the last kept kick 3.0, got 4",
        () -> rotor.averageMomentumDistribution(kept, 4));
    rejectsArgument("fromKick must be >= 0", () -> rotor.averageMomentumDistribution(kept, -1));
    assertEquals(4 * 64, rotor.momentumDistributions(kept).rowCount());
  }

  @Test
  void probabilityAtTheEdgeOfTheMomentumGridStopsTheRun() {
    // Small hbarEff: xi ~ D / hbarEff^2 ~ 200 momenta, far more than 64 can hold.
    KickedRotor tooSmall = KickedRotor.kickStrength(5).hbar(0.25).momenta(64).build();
    MomentumCutoffException e =
        assertThrows(
            MomentumCutoffException.class, () -> tooSmall.run(tooSmall.momentumState(0), 200));
    assertTrue(e.getMessage().contains("momenta(128)"), e.getMessage());
    assertTrue(e.getMessage().contains("edge tolerance 1.0E-10"), e.getMessage());
    assertTrue(e.kick() > 0 && e.kick() <= 200);
    // Switched off, the run goes through (a run over the whole grid on purpose).
    tooSmall.evolve(tooSmall.momentumState(0)).kicks(200).edgeTolerance(1).run();
    // Extra observables of the library work on the momentum lattice.
    double[] pr =
        rotor
            .evolve(rotor.momentumState(0))
            .kicks(2)
            .observe(Observables.participationRatio())
            .run()
            .column("participation_ratio");
    assertEquals(1.0, pr[0], 1e-15);
  }

  @Test
  void standardMapParameters() {
    rejectsArgument(
        "StandardMap.kickStrength: K must be finite and >= 0, got -1.0",
        () -> StandardMap.kickStrength(-1));
    rejectsArgument(
        "StandardMap.particles: count must be >= 2, got 1",
        () -> StandardMap.kickStrength(1).particles(1));
    rejectsArgument(
        "StandardMap.seed: seed must not be null",
        () -> StandardMap.kickStrength(1).seed((org.qdiff.random.Seed) null));
    rejectsArgument(
        "StandardMap.initialMomentum: p0 must be finite, got NaN",
        () -> StandardMap.kickStrength(1).initialMomentum(Double.NaN));
    rejectsArgument(
        "StandardMap.momentumSpread: width must be finite and >= 0, got -1.0",
        () -> StandardMap.kickStrength(1).momentumSpread(-1));
    rejects(
        IllegalStateException.class,
        ".particles(",
        () -> StandardMap.kickStrength(1).seed(1).build());
    rejects(
        IllegalStateException.class,
        ".seed(",
        () -> StandardMap.kickStrength(1).particles(10).build());
    StandardMap map = StandardMap.kickStrength(3).particles(10).seed(1).build();
    rejectsArgument("StandardMap.run: kicks must be >= 1, got 0", () -> map.run(0));
    rejectsArgument(
        "StandardMap.diffusionRate: fromKick must be >= 0, got -1", () -> map.diffusionRate(-1, 5));
    rejectsArgument(
        "StandardMap.diffusionRate: toKick must be > fromKick = 5, got 5",
        () -> map.diffusionRate(5, 5));
    rejectsArgument(
        "StandardMap.quasilinearDiffusion: K must be finite and >= 0, got NaN",
        () -> StandardMap.quasilinearDiffusion(Double.NaN));
    rejectsArgument(
        "StandardMap.rechesterWhiteDiffusion: K must be finite and >= 0, got -2.0",
        () -> StandardMap.rechesterWhiteDiffusion(-2));
    StandardMapRun run = map.run(2);
    rejectsArgument(
        "StandardMapRun.momentumHistogram: width must be finite and > 0, got 0.0",
        () -> run.momentumHistogram(0));
    rejectsArgument("no column named \"x\"", () -> run.column("x"));
  }
}
