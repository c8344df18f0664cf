package org.qdiff.propagate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.qdiff.hamiltonian.Disorder;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Parallel;
import org.qdiff.observe.Observable;
import org.qdiff.observe.Observables;
import org.qdiff.state.Distribution;
import org.qdiff.state.WaveFunction;
import tech.tablesaw.api.Table;

/** The quantum-jump unravelling of dephasing, against the exact law and the density matrix. */
class DephasingTrajectoriesTest {

  /** Largest |mean - exact| / sem of the msd over the output times. */
  private static double largestZ(Table table, double hopping, double gamma, int d) {
    double worst = 0;
    for (int k = 0; k < table.rowCount(); k++) {
      double t = table.doubleColumn("t").get(k);
      double exact = Dephasing.exactMeanSquaredDisplacement(hopping, gamma, d, t);
      double z = (table.doubleColumn("msd").get(k) - exact) / table.doubleColumn("msd_sem").get(k);
      System.out.printf(
          "  t = %5.2f: msd = %8.4f +- %.4f, exact %8.4f, z = %+.2f%n",
          t, table.doubleColumn("msd").get(k), table.doubleColumn("msd_sem").get(k), exact, z);
      worst = Math.max(worst, Math.abs(z));
    }
    return worst;
  }

  @Test
  void chainMeanSquaredDisplacementAgreesWithTheExactLawWithinFourStandardErrors() {
    // R = 400 trajectories on an open chain of 201 sites, gamma = 1, t up to 10 (msd about 36).
    Lattice chain = Lattice.chain(201).build();
    Hamiltonian h = Hamiltonian.on(chain).hopping(1).build();
    Table table =
        Dephasing.of(h)
            .rate(1.0)
            .times(0.5, 1.0, 2.0, 4.0, 7.0, 10.0)
            .observe(Observables.meanSquaredDisplacement())
            .trajectories(400)
            .seed(2024)
            .run(WaveFunction.delta(chain))
            .table();
    System.out.println("chain, R = 400, gamma = 1:");
    double z = largestZ(table, 1.0, 1.0, 1);
    assertTrue(z < 4, "largest |z| = " + z);
  }

  @Test
  void squareLatticeMeanSquaredDisplacementAgreesWithTheExactLawWithinFourStandardErrors() {
    Lattice square = Lattice.square(61).build();
    Hamiltonian laplacian = Hamiltonian.on(square).laplacian().build();
    Table table =
        Dephasing.of(laplacian)
            .rate(2.0)
            .times(0.5, 2.0, 5.0)
            .observe(Observables.meanSquaredDisplacement())
            .trajectories(200)
            .seed(99)
            .run(WaveFunction.delta(square))
            .table();
    System.out.println("square 61 x 61, R = 200, gamma = 2:");
    double z = largestZ(table, 1.0, 2.0, 2);
    assertTrue(z < 4, "largest |z| = " + z);
  }

  @Test
  void averageOfProbabilitiesMatchesTheDensityMatrixDiagonal() {
    // A small disordered lattice, a generic start: every p(x) is an observable, so the table has
    // each site's mean over trajectories and its standard error. The times are >= 2/gamma: much
    // earlier, p(x) at sites far from the start is dominated by rare early jumps onto sites near
    // them (a heavy tail), and a standard error from R = 2000 trajectories would not be reliable.
    // 25 sites x 3 times = 75 comparisons: for normal errors, P(max |z| > 4.5) is about 5e-4.
    Lattice square = Lattice.square(5).build();
    Hamiltonian h = Hamiltonian.on(square).hopping(1).onsite(Disorder.box(2).seed(8)).build();
    WaveFunction start = WaveFunction.delta(square, square.site(-1, 1));
    int n = square.size();
    Observable[] sites = new Observable[n];
    for (int x = 0; x < n; x++) {
      final int site = x;
      sites[x] = Observable.of("p" + x, s -> s.probabilities()[site]);
    }
    double[] times = {2.0, 4.0, 8.0};
    double gamma = 1.0;
    Trajectory<DensityMatrix> exact =
        Dephasing.of(h).rate(gamma).times(times).observe(sites).densityMatrix().run(start);
    int r = 2000;
    Trajectory<Distribution> jumps =
        Dephasing.of(h).rate(gamma).times(times).observe(sites).trajectories(r).seed(5).run(start);
    double worst = 0;
    for (int x = 0; x < n; x++) {
      double[] rho = exact.column("p" + x);
      double[] mean = jumps.column("p" + x);
      double[] sem = jumps.column("p" + x + "_sem");
      for (int k = 0; k < times.length; k++) {
        worst = Math.max(worst, Math.abs(mean[k] - rho[k]) / sem[k]);
      }
    }
    System.out.printf(
        "5 x 5 disordered, R = %d: largest |z| over %d sites and %d times = %.2f%n",
        r, n, times.length, worst);
    assertTrue(worst < 4.5, "largest |z| = " + worst);
    // The final state is the trajectory average of p(x) at the last time.
    double[] average = jumps.finalState().probabilityArray();
    for (int x = 0; x < n; x++) {
      assertEquals(jumps.column("p" + x)[times.length - 1], average[x], 1e-15);
    }
  }

  @Test
  void zeroRateReproducesTheCoherentEvolution() {
    Lattice square = Lattice.square(21).build();
    Hamiltonian h = Hamiltonian.on(square).hopping(1).onsite(Disorder.box(3).seed(1)).build();
    double[] times = {0.5, 2.0, 4.0};
    Table coherent =
        Evolution.of(h)
            .times(times)
            .observe(Observables.meanSquaredDisplacement(), Observables.returnProbability())
            .run(WaveFunction.delta(square))
            .table();
    Table jumps =
        Dephasing.of(h)
            .rate(0)
            .times(times)
            .observe(Observables.meanSquaredDisplacement(), Observables.returnProbability())
            .trajectories(3)
            .seed(1)
            .run(WaveFunction.delta(square))
            .table();
    for (String column : new String[] {"msd", "return_probability"}) {
      assertArrayEquals(
          coherent.doubleColumn(column).asDoubleArray(),
          jumps.doubleColumn(column).asDoubleArray(),
          1e-10,
          column);
      for (double sem : jumps.doubleColumn(column + "_sem").asDoubleArray()) {
        assertEquals(0.0, sem, 0.0, "no jumps: every trajectory is the same");
      }
    }
  }

  private static Table run(Lattice lattice, long seed, int count) {
    Hamiltonian h = Hamiltonian.on(lattice).hopping(1).onsite(Disorder.box(1).seed(2)).build();
    return Dephasing.of(h)
        .rate(1.3)
        .times(0.7, 1.5, 3.0)
        .observe(Observables.meanSquaredDisplacement(), Observables.returnProbability())
        .trajectories(count)
        .seed(seed)
        .run(WaveFunction.delta(lattice))
        .table();
  }

  private static void assertSameTables(Table a, Table b) {
    assertEquals(a.columnNames(), b.columnNames());
    for (String c : a.columnNames()) {
      assertArrayEquals(a.doubleColumn(c).asDoubleArray(), b.doubleColumn(c).asDoubleArray(), c);
    }
  }

  @Test
  void tablesAreBitIdenticalOnOneAndTwoThreads() {
    // A small lattice (trajectories share the threads) and one beyond Parallel.BLOCK sites (the
    // kernels share them too).
    Lattice small = Lattice.chain(101).build();
    Lattice large = Lattice.chain(Parallel.BLOCK + 4001).build();
    int threads = Parallel.threads();
    try {
      Parallel.setThreads(1);
      Table smallOne = run(small, 17, 37);
      Table largeOne = run(large, 17, 3);
      Parallel.setThreads(2);
      Table smallTwo = run(small, 17, 37);
      Table largeTwo = run(large, 17, 3);
      assertSameTables(smallOne, smallTwo);
      assertSameTables(largeOne, largeTwo);
    } finally {
      Parallel.setThreads(threads);
    }
  }

  @Test
  void sameSeedGivesTheSameNumbersAndAnotherSeedOthers() {
    Lattice chain = Lattice.chain(61).build();
    Table first = run(chain, 3, 20);
    assertSameTables(first, run(chain, 3, 20));
    double[] other = run(chain, 4, 20).doubleColumn("msd").asDoubleArray();
    double[] same = first.doubleColumn("msd").asDoubleArray();
    for (int k = 0; k < same.length; k++) {
      assertTrue(same[k] != other[k], "seeds 3 and 4 give different msd at row " + k);
    }
  }

  @Test
  void progressIsReportedAndJumpsComeAtRateGamma() {
    Lattice chain = Lattice.chain(61).build();
    Hamiltonian h = Hamiltonian.on(chain).hopping(1).build();
    List<Long> reported = new ArrayList<>();
    org.qdiff.progress.Progress.install(
        (label, total) ->
            new org.qdiff.progress.ProgressReporter() {
              @Override
              public void advance(long done) {
                reported.add(done);
              }

              @Override
              public void close() {}
            });
    Trajectory<Distribution> run;
    try {
      run =
          Dephasing.of(h)
              .rate(2)
              .times(5.0)
              .trajectories(50)
              .seed(1)
              .run(WaveFunction.delta(chain));
    } finally {
      org.qdiff.progress.Progress.silence();
    }
    assertEquals(50L, reported.get(reported.size() - 1));
    for (int i = 1; i < reported.size(); i++) {
      assertTrue(reported.get(i) > reported.get(i - 1));
    }
    assertTrue(run.toString().contains("R = 50 trajectories"), run.toString());
    // Jumps form a Poisson process of rate gamma: gamma t = 10 per trajectory on average, with a
    // standard error of sqrt(10 / 50) = 0.45 over 50 trajectories.
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("([0-9.]+) jumps per trajectory").matcher(run.toString());
    assertTrue(m.find(), run.toString());
    assertEquals(10.0, Double.parseDouble(m.group(1)), 4 * Math.sqrt(10.0 / 50));
  }

  @Test
  void anInterruptDuringTheRunStopsTheTrajectoriesOnAllThreads() throws InterruptedException {
    // Would take about a minute: 5000 trajectories on 101 x 101 sites up to t = 15.
    Lattice square = Lattice.square(101).build();
    Hamiltonian h = Hamiltonian.on(square).hopping(1).build();
    QuantumJumps jumps =
        Dephasing.of(h).rate(1).times(TimeGrid.linear(1, 15, 15)).trajectories(5000).seed(1);
    Throwable[] thrown = new Throwable[1];
    boolean[] flagAfter = new boolean[1];
    Thread runner =
        new Thread(
            () -> {
              try {
                jumps.run(WaveFunction.delta(square));
              } catch (Throwable e) {
                thrown[0] = e;
              }
              flagAfter[0] = Thread.currentThread().isInterrupted();
            });
    runner.start();
    Thread.sleep(300);
    long interruptedAt = System.nanoTime();
    runner.interrupt();
    runner.join(10_000);
    double seconds = (System.nanoTime() - interruptedAt) * 1e-9;
    assertFalse(runner.isAlive(), "the run did not stop within 10 s of the interrupt");
    assertTrue(thrown[0] instanceof CancellationException, String.valueOf(thrown[0]));
    assertFalse(flagAfter[0]);
    System.out.printf("stopped %.3f s after the interrupt: %s%n", seconds, thrown[0].getMessage());
    assertTrue(seconds < 2, "stopped only " + seconds + " s after the interrupt");
  }

  @Test
  void anInterruptedThreadStopsTheRun() {
    Lattice chain = Lattice.chain(41).build();
    Hamiltonian h = Hamiltonian.on(chain).hopping(1).build();
    QuantumJumps jumps = Dephasing.of(h).rate(1).times(1.0, 2.0).trajectories(10).seed(1);
    Thread.currentThread().interrupt();
    assertThrows(CancellationException.class, () -> jumps.run(WaveFunction.delta(chain)));
    assertFalse(Thread.currentThread().isInterrupted());
  }
}
