package org.qdiff.propagate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Parallel;
import org.qdiff.observe.Observable;
import org.qdiff.observe.Observables;
import org.qdiff.random.Seed;
import org.qdiff.state.Distribution;
import tech.tablesaw.api.Table;

/** The simple random walk in discrete time, continuous time and sampled paths. */
class ClassicalWalkTest {

  /** sum_x x^4 p(x) on a chain. */
  private static final Observable FOURTH_MOMENT =
      Observable.of(
          "x4",
          s -> {
            double[] p = s.probabilities();
            double m = 0;
            for (int i = 0; i < p.length; i++) {
              double x = s.lattice().coordinate(i, 0);
              m += x * x * x * x * p[i];
            }
            return m;
          });

  @Test
  void continuousTimeWalkHasMeanSquaredDisplacementTAndFourthMomentTPlusThreeTSquared() {
    // X_t is a sum of a Poisson(t) number of +-1 steps: E X^2 = t, E X^4 = E[3N^2 - 2N] = t + 3t^2.
    Lattice chain = Lattice.chain(1201).build();
    double[] times = {0, 0.5, 3, 10, 60, 700};
    Trajectory<Distribution> run =
        ClassicalWalk.on(chain)
            .times(times)
            .observe(Observables.norm(), Observables.meanSquaredDisplacement(), FOURTH_MOMENT)
            .run(Distribution.delta(chain));
    double[] norm = run.column("norm");
    double[] msd = run.column("msd");
    double[] x4 = run.column("x4");
    for (int i = 0; i < times.length; i++) {
      double t = times[i];
      assertEquals(1, norm[i], 1e-13, "norm at t = " + t);
      assertEquals(t, msd[i], 1e-11 * Math.max(1, t), "msd at t = " + t);
      assertEquals(t + 3 * t * t, x4[i], 1e-10 * Math.max(1, t * t), "x^4 at t = " + t);
    }
  }

  @Test
  void continuousTimeWalkOnTheSquareLatticeAlsoSpreadsAsT() {
    Lattice square = Lattice.square(81).build();
    double[] msd =
        ClassicalWalk.on(square)
            .times(TimeGrid.linear(0, 40, 5))
            .run(Distribution.delta(square))
            .column("msd");
    for (int i = 0; i < 5; i++) {
      assertEquals(10.0 * i, msd[i], 1e-11 * Math.max(1, 10 * i));
    }
  }

  @Test
  void jumpRateRescalesTime() {
    Lattice chain = Lattice.chain(301).build();
    double[] msd =
        ClassicalWalk.on(chain)
            .times(4.0, 8.0)
            .jumpRate(2.5)
            .run(Distribution.delta(chain))
            .column("msd");
    assertEquals(10.0, msd[0], 1e-11);
    assertEquals(20.0, msd[1], 1e-11);
  }

  @Test
  void continuousTimeAtEqualTimesChangesNothing() {
    Lattice chain = Lattice.chain(101).build();
    Trajectory<Distribution> run =
        ClassicalWalk.on(chain).times(2.0, 2.0).run(Distribution.delta(chain));
    assertEquals(run.column("msd")[0], run.column("msd")[1], 0);
  }

  @Test
  void sampledWalkersSpreadAsTWithinTheirStandardError() {
    Lattice chain = Lattice.chain(401).build();
    int walkers = 20000;
    Table table =
        ClassicalWalk.on(chain)
            .steps(100)
            .monteCarlo(walkers, Seed.of(7))
            .run(Distribution.delta(chain))
            .table();
    double[] msd = table.doubleColumn("msd").asDoubleArray();
    double[] sem = table.doubleColumn("msd_sem").asDoubleArray();
    assertEquals(0, msd[0], 0);
    for (int t = 10; t <= 100; t += 30) {
      // Var(X_t^2) = E X^4 - t^2 = 2t^2 - 2t for the discrete walk: sem ~ t sqrt(2 / M).
      assertEquals(Math.sqrt((2.0 * t * t - 2 * t) / walkers), sem[t], 0.05 * sem[t]);
      assertEquals(t, msd[t], 4 * sem[t], "msd at t = " + t);
    }
  }

  @Test
  void sampledWalkersAreTheSameOnOneAndTwoThreadsAndDependOnTheSeed() {
    Lattice square = Lattice.square(101).build();
    int before = Parallel.threads();
    try {
      double[][] msd = new double[2][];
      for (int threads = 1; threads <= 2; threads++) {
        Parallel.setThreads(threads);
        msd[threads - 1] =
            ClassicalWalk.on(square)
                .steps(20)
                .monteCarlo(100_000, Seed.of(3))
                .run(Distribution.delta(square))
                .column("msd");
      }
      assertArrayEquals(msd[0], msd[1], 0);
      double[] other =
          ClassicalWalk.on(square)
              .steps(20)
              .monteCarlo(100_000, Seed.of(4))
              .run(Distribution.delta(square))
              .column("msd");
      assertFalse(Arrays.equals(msd[0], other));
    } finally {
      Parallel.setThreads(before);
    }
  }

  @Test
  void walkersStartWhereTheInitialDistributionPutsThem() {
    Lattice chain = Lattice.chain(11).build();
    double[] p = new double[11];
    p[2] = 0.25;
    p[8] = 0.75;
    Table t0 =
        ClassicalWalk.on(chain)
            .steps(1)
            .monteCarlo(40_000, Seed.of(1))
            .observe(
                Observables.returnProbability(2).withName("p_2"),
                Observables.returnProbability(8).withName("p_8"))
            .run(Distribution.of(chain, p))
            .table();
    Distribution start =
        ClassicalWalk.on(chain)
            .steps(1)
            .monteCarlo(40_000, Seed.of(1))
            .run(Distribution.of(chain, p))
            .finalState();
    assertEquals(0.25, t0.doubleColumn(1).get(0), 0.01);
    assertEquals(0.75, t0.doubleColumn(2).get(0), 0.01);
    // After one step nobody is at 2 or 8 (neighbours only).
    assertEquals(0, start.probability(2) + start.probability(8), 0);
  }

  @Test
  void badInputIsRejectedWhereItIsTyped() {
    Lattice chain = Lattice.chain(11).build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ClassicalWalk.on(chain).times(1.0, 0.5));
    assertTrue(e.getMessage().contains("times[1]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ClassicalWalk.on(chain).times(-1.0));
    assertTrue(e.getMessage().contains("times[0]"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ClassicalWalk.on(chain).monteCarlo(0, Seed.of(1)));
    assertTrue(e.getMessage().contains("count"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ClassicalWalk.on(chain).jumpRate(-1));
    assertTrue(e.getMessage().contains("jumpsPerUnitTime"), e.getMessage());
    assertThrows(
        IllegalStateException.class,
        () -> ClassicalWalk.on(chain).steps(3).times(1.0).run(Distribution.delta(chain)));
    assertThrows(
        IllegalStateException.class,
        () ->
            ClassicalWalk.on(chain)
                .times(1.0)
                .monteCarlo(10, Seed.of(1))
                .run(Distribution.delta(chain)));
    assertThrows(
        IllegalStateException.class, () -> ClassicalWalk.on(chain).run(Distribution.delta(chain)));
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ClassicalWalk.on(chain)
                    .observe(Observables.returnProbability(2), Observables.returnProbability(8)));
    assertTrue(e.getMessage().contains("withName"), e.getMessage());
  }
}
