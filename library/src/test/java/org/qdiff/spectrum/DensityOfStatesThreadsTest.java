package org.qdiff.spectrum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.qdiff.hamiltonian.Disorder;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Parallel;

/** The same seed gives bit-identical moments and densities on one and two threads. */
class DensityOfStatesThreadsTest {

  private static DensityOfStates.Result onThreads(
      int threads, Supplier<DensityOfStates.Result> run) {
    int before = Parallel.threads();
    try {
      Parallel.setThreads(threads);
      return run.get();
    } finally {
      Parallel.setThreads(before);
    }
  }

  private static void sameOnOneAndTwoThreads(Supplier<DensityOfStates.Result> run) {
    DensityOfStates.Result one = onThreads(1, run);
    DensityOfStates.Result two = onThreads(2, run);
    assertArrayEquals(one.moments(), two.moments(), 0.0, "moments");
    assertArrayEquals(one.density(), two.density(), 0.0, "density");
  }

  @Test
  void longChainSplitsEachVectorOverTheThreads() {
    // Four blocks of Parallel.BLOCK sites: the kernels and the inner products really split.
    Hamiltonian h =
        Hamiltonian.on(Lattice.chain(4 * Parallel.BLOCK - 3).periodic().build())
            .hopping(1.0)
            .onsite(Disorder.box(2).seed(6))
            .build();
    sameOnOneAndTwoThreads(
        () -> DensityOfStates.of(h).moments(64).randomVectors(2).seed(3).points(200).compute());
  }

  @Test
  void smallBoxSplitsTheVectorsOverTheThreads() {
    Hamiltonian h =
        Hamiltonian.on(Lattice.cubic(6).build())
            .hopping(1.0)
            .onsite(Disorder.box(5).seed(1))
            .build();
    sameOnOneAndTwoThreads(
        () -> DensityOfStates.of(h).moments(64).randomVectors(9).seed(3).points(200).compute());
    sameOnOneAndTwoThreads(
        () -> DensityOfStates.of(h).moments(33).exactTrace().points(50).compute());
  }
}
