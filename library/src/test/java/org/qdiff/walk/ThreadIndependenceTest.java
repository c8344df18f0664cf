package org.qdiff.walk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.qdiff.frame.Columns;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Parallel;
import org.qdiff.observe.Observable;
import org.qdiff.observe.Observables;
import org.qdiff.propagate.Trajectory;

/** The walk gives bit-identical results on 1 and 2 threads, on lattices of several blocks. */
class ThreadIndependenceTest {

  private static Trajectory<CoinedState> onThreads(
      int threads, Lattice lattice, Coin coin, Shift shift, int steps, Observable... observables) {
    int before = Parallel.threads();
    try {
      Parallel.setThreads(threads);
      Complex[] start = new Complex[coin.dimension()];
      for (int k = 0; k < start.length; k++) {
        start[k] = new Complex(1 + k, 0.5 - k);
      }
      return CoinedWalk.on(lattice)
          .coin(coin)
          .shift(shift)
          .steps(steps)
          .observe(observables)
          .run(CoinedState.atOrigin(lattice, start));
    } finally {
      Parallel.setThreads(before);
    }
  }

  private static void sameOnOneAndTwoThreads(
      Lattice lattice, Coin coin, Shift shift, int steps, String[] columns, Observable... obs) {
    Trajectory<CoinedState> one = onThreads(1, lattice, coin, shift, steps, obs);
    Trajectory<CoinedState> two = onThreads(2, lattice, coin, shift, steps, obs);
    for (String column : columns) {
      assertArrayEquals(one.column(column), two.column(column), 0.0, column);
    }
    double[][] a = one.finalState().toArrays();
    double[][] b = two.finalState().toArrays();
    assertArrayEquals(a[0], b[0], 0.0, "real parts");
    assertArrayEquals(a[1], b[1], 0.0, "imaginary parts");
  }

  @Test
  void hadamardWalkOnALongChainIsTheSameOnOneAndTwoThreads() {
    // 3 blocks of Parallel.BLOCK sites, so two threads really split the work.
    Lattice chain = Lattice.chain(3 * Parallel.BLOCK - 7).periodic().build();
    sameOnOneAndTwoThreads(
        chain,
        Coin.hadamard(),
        Shift.MOVING,
        200,
        new String[] {Columns.VARIANCE, Columns.MEAN_POSITION, Columns.NORM, Columns.ENTROPY},
        Observables.variance(),
        Observables.meanPosition(),
        Observables.norm(),
        Observables.entropy());
  }

  @Test
  void groverWalkOnZ2AndOnAHypercubeAreTheSameOnOneAndTwoThreads() {
    Lattice torus = Lattice.square(201).periodic().build();
    sameOnOneAndTwoThreads(
        torus,
        Coin.grover(4),
        Shift.FLIP_FLOP,
        60,
        new String[] {Columns.MSD, Columns.RETURN_PROBABILITY},
        Observables.meanSquaredDisplacement(),
        Observables.returnProbability());
    sameOnOneAndTwoThreads(
        Lattice.hypercube(16),
        Coin.grover(16),
        Shift.FLIP_FLOP,
        6,
        new String[] {Columns.MSD, Columns.NORM},
        Observables.meanSquaredDisplacement(),
        Observables.norm());
  }
}
