package org.qdiff.spectrum;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Parallel;
import org.qdiff.random.Seed;

/** Each rule of bad input raises the documented exception, naming the method and parameter. */
class DensityOfStatesBadInputTest {

  private final Hamiltonian chain = Hamiltonian.on(Lattice.chain(50).build()).hopping(1.0).build();

  private static void rejects(Class<? extends Throwable> type, String mustMention, Executable e) {
    Throwable thrown = assertThrows(type, e);
    assertTrue(
        thrown.getMessage().contains(mustMention),
        "message should mention \"" + mustMention + "\": " + thrown.getMessage());
  }

  @Test
  void settersRejectValuesOutsideTheirRange() {
    rejects(
        IllegalArgumentException.class,
        "DensityOfStates.of: hamiltonian must not be null",
        () -> DensityOfStates.of(null));
    rejects(
        IllegalArgumentException.class,
        "DensityOfStates.moments: moments M must be >= 2, got 1",
        () -> DensityOfStates.of(chain).moments(1));
    rejects(
        IllegalArgumentException.class,
        "DensityOfStates.randomVectors: random vectors R must be >= 1, got 0",
        () -> DensityOfStates.of(chain).randomVectors(0));
    rejects(
        IllegalArgumentException.class,
        "DensityOfStates.points: points K must be >= 2, got 1",
        () -> DensityOfStates.of(chain).points(1));
    rejects(
        IllegalArgumentException.class,
        "DensityOfStates.margin: margin epsilon must be in (0, 1), got 0.0",
        () -> DensityOfStates.of(chain).margin(0));
    rejects(
        IllegalArgumentException.class,
        "margin epsilon must be in (0, 1), got 1.0",
        () -> DensityOfStates.of(chain).margin(1));
    rejects(
        IllegalArgumentException.class,
        "margin epsilon must be in (0, 1), got NaN",
        () -> DensityOfStates.of(chain).margin(Double.NaN));
    rejects(
        IllegalArgumentException.class,
        "DensityOfStates.seed: seed must not be null",
        () -> DensityOfStates.of(chain).seed((Seed) null));
    rejects(
        IllegalArgumentException.class,
        "DensityOfStates.grid: grid must not be null",
        () -> DensityOfStates.of(chain).grid(null));
  }

  @Test
  void exactTraceIsForSmallSystemsOnly() {
    Hamiltonian large =
        Hamiltonian.on(Lattice.chain(DensityOfStates.EXACT_TRACE_LIMIT + 1).build())
            .hopping(1.0)
            .build();
    rejects(
        IllegalArgumentException.class,
        "DensityOfStates.exactTrace: needs N <= 8192 sites",
        () -> DensityOfStates.of(large).exactTrace());
  }

  @Test
  void randomVectorsNeedASeed() {
    rejects(
        IllegalStateException.class,
        "call seed(long) first",
        () -> DensityOfStates.of(chain).moments(8).compute());
  }

  @Test
  void anInterruptedThreadStopsTheCalculation() {
    Hamiltonian small = Hamiltonian.on(Lattice.cubic(6).build()).hopping(1.0).build();
    Hamiltonian large =
        Hamiltonian.on(Lattice.chain(3 * Parallel.BLOCK).build()).hopping(1.0).build();
    for (Hamiltonian h : new Hamiltonian[] {small, large}) {
      Thread.currentThread().interrupt();
      assertThrows(
          CancellationException.class,
          () -> DensityOfStates.of(h).moments(256).randomVectors(4).seed(1).compute());
      assertFalse(Thread.currentThread().isInterrupted(), "the interrupt is answered");
    }
  }

  @Test
  void densityAtANonFiniteEnergyIsRejected() {
    DensityOfStates.Result result = DensityOfStates.of(chain).moments(8).seed(1).compute();
    rejects(
        IllegalArgumentException.class,
        "DensityOfStates.Result.at: energy E must be finite, got NaN",
        () -> result.at(Double.NaN));
  }
}
