package org.qdiff.propagate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.qdiff.hamiltonian.Disorder;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Parallel;
import org.qdiff.observe.Observable;
import org.qdiff.observe.Observables;
import org.qdiff.state.WaveFunction;

/**
 * The memory of an evolution: besides the caller's initial state and H, a Chebyshev run holds three
 * state-sized vectors (the state, evolved in place, and the stepper's two buffers), and an array of
 * p(x) only when an observable asks for one. Measured as the bytes the run allocates on one thread
 * (all kernels run on the calling thread then), an upper bound of what it keeps alive.
 */
class EvolutionMemoryTest {

  private static final int SIDE = 40; // 64000 sites: a complex vector is 1 MB

  private static final Lattice BOX = Lattice.cubic(SIDE).periodic().build();
  private static final Hamiltonian H =
      Hamiltonian.on(BOX).hopping(1).onsite(Disorder.box(4).seed(3)).build();

  /** Bytes allocated by the current thread so far. */
  private static long allocated() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  private static long allocatedBy(Runnable run) {
    long before = allocated();
    run.run();
    return allocated() - before;
  }

  private static Trajectory<WaveFunction> evolve(WaveFunction psi0, Observable... observables) {
    return Evolution.of(H)
        .propagator(Propagators.chebyshev().tolerance(1e-10))
        .times(0.5, 1.5, 4.0)
        .observe(observables)
        .run(psi0);
  }

  @Test
  void aChebyshevRunAllocatesThreeStateVectorsAndNoProbabilityArray() {
    int before = Parallel.threads();
    try {
      Parallel.setThreads(1);
      WaveFunction psi0 = WaveFunction.delta(BOX, BOX.center());
      H.estimatedSpectralBounds(); // Lanczos once, outside the measurement (cached in H)
      evolve(psi0, Observables.norm()); // JIT and class loading
      long vector = 16L * BOX.size();
      Trajectory<WaveFunction>[] run = new Trajectory[1];
      long sums =
          allocatedBy(
              () ->
                  run[0] =
                      evolve(
                          psi0,
                          Observables.norm(),
                          Observables.meanSquaredDisplacement(),
                          Observables.returnProbability(),
                          Observables.participationRatio(),
                          Observables.boundaryWeight(2)));
      System.out.printf(
          "Evolution of %d sites, 3 output times: %.3f state vectors allocated%n",
          BOX.size(), (double) sums / vector);
      // The state and the stepper's two buffers; the rest (Bessel coefficients, the table) is
      // small: a p array would make 3.5 vectors, a copy of the state kept for a redo 4.
      assertTrue(sums < 3.25 * vector, sums + " bytes, a state vector being " + vector);
      assertTrue(run[0].warnings().isEmpty(), run[0].warnings().toString());

      // An observable that needs the whole p(x) gets one array, reused at every output time.
      Observable first = Observable.of("p_first", s -> s.probabilities()[0]);
      long withArray = allocatedBy(() -> evolve(psi0, Observables.norm(), first));
      assertTrue(
          withArray > 3.5 * vector && withArray < 3.75 * vector,
          withArray + " bytes, a state vector being " + vector);
    } finally {
      Parallel.setThreads(before);
    }
  }

  @Test
  void theFinalStateIsTheLastSnapshot() {
    WaveFunction psi0 = WaveFunction.delta(BOX, BOX.center());
    Trajectory<WaveFunction> run = Evolution.of(H).times(1.0, 3.0).keepStates().run(psi0);
    double[][] last = run.states().get(1).toArrays();
    double[][] end = run.finalState().toArrays();
    assertArrayEquals(last[0], end[0], 0.0);
    assertArrayEquals(last[1], end[1], 0.0);
    assertEquals(1.0, psi0.normSquared(), 0.0); // the caller's state is untouched
    assertEquals(1.0, psi0.probability(BOX.center()), 0.0);
  }
}
