package org.qdiff.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import org.qdiff.ensemble.Ensemble;
import org.qdiff.ensemble.EnsembleResult;
import org.qdiff.hamiltonian.Disorder;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Parallel;
import org.qdiff.observe.Observables;
import org.qdiff.propagate.Evolution;
import org.qdiff.propagate.TimeGrid;
import org.qdiff.state.WaveFunction;

/**
 * Case 5: an ensemble of 1D Anderson chains (N = 4096, W = 2, periodic), each evolved from the
 * delta at the centre to T = 200 with the MSD on 41 output times, 256 realizations: realizations
 * per second on 1 and 2 threads ({@link Ensemble} runs realizations in parallel).
 *
 * <p>The machine is shared, and other processes take cores for seconds at a time: a single pair of
 * runs can show any speedup between 1 and 2. The thread counts therefore run in turn, back to back,
 * {@link #REPEATS} times (every other round in reverse order); each row gives the fastest of its
 * runs (the least disturbed), and the note lists every run with two numbers that say whether the
 * run had its cores: the CPU time this process used over {@code wall x threads} (its CPU share, 1
 * when nothing else ran), and the cores that other processes kept busy meanwhile ({@code
 * /proc/stat}). The CPU time per realization shows whether more threads cost more work (locks,
 * shared caches) or only less wall time.
 */
final class EnsembleCase {

  static final String NAME = "ensemble_1d_N4096";

  /** Rounds of back-to-back runs over the thread counts (1, without waiting, with --quick). */
  static final int REPEATS = 3;

  /** Below this CPU share a run is flagged: the machine did not give it its threads. */
  private static final double FULL_SHARE = 0.9;

  /**
   * Before each round, the case waits up to this long for a second in which other processes keep
   * fewer than {@link #QUIET_CORES} cores busy. Linux schedules each session as one group
   * (autogroup): while another session keeps one of the 2 cores busy, the 2 threads of this case
   * share the other one, and 2 threads run no faster than 1.
   */
  private static final int QUIET_WAIT_SECONDS = 20;

  private static final double QUIET_CORES = 0.3;

  private EnsembleCase() {}

  /** One timed ensemble. */
  private record Run(
      int threads, double wall, double cpu, double otherCores, double load, double msd) {

    double share() {
      return cpu / (wall * threads);
    }
  }

  static List<BenchmarkRow> run(boolean quick, int[] threadCounts) {
    int sites = 4096;
    double time = quick ? 50 : 200;
    int realizations = quick ? 16 : 256;
    int repeats = quick ? 1 : REPEATS;
    Lattice chain = Lattice.chain(sites).periodic().build();
    WaveFunction psi0 = WaveFunction.delta(chain, chain.center());
    TimeGrid grid = TimeGrid.linear(0, time, 41);
    // JIT warm-up: a few realizations of the same model, untimed.
    ensemble(chain, psi0, grid, Math.min(8, realizations));
    int restore = Parallel.threads();
    List<List<Run>> runs = new ArrayList<>();
    for (int t = 0; t < threadCounts.length; t++) {
      runs.add(new ArrayList<>());
    }
    try {
      for (int round = 0; round < repeats; round++) {
        if (!quick) {
          awaitQuietMachine(); // a smoke test need not wait
        }
        // Every other round in reverse order, so that a load that rises or falls during the rounds
        // does not favour one thread count.
        for (int u = 0; u < threadCounts.length; u++) {
          int t = round % 2 == 0 ? u : threadCounts.length - 1 - u;
          Run run = timed(chain, psi0, grid, realizations, threadCounts[t]);
          runs.get(t).add(run);
          System.out.printf(
              Locale.ROOT,
              "%s: %d realizations on %d thread(s): %.2f s, %.1f realizations/s, CPU share %.2f,"
                  + " other processes %.2f cores, load %.2f, mean msd(T) %.4g%n",
              NAME,
              realizations,
              run.threads,
              run.wall,
              realizations / run.wall,
              run.share(),
              run.otherCores,
              run.load,
              run.msd);
        }
      }
    } finally {
      Parallel.setThreads(restore);
    }
    List<BenchmarkRow> rows = new ArrayList<>();
    Run oneThread = null;
    for (int t = 0; t < threadCounts.length; t++) {
      List<Run> own = runs.get(t);
      Run best = own.get(0);
      for (Run r : own) {
        best = r.wall < best.wall ? r : best;
      }
      if (threadCounts[t] == 1) {
        oneThread = best;
      }
      double cpuPerRealization = 0;
      for (Run r : own) {
        cpuPerRealization += r.cpu / realizations / own.size();
      }
      BenchmarkRow row =
          BenchmarkRow.of(NAME, "qdiff_ensemble", threadCounts[t])
              .count(BenchmarkRow.SITES, sites)
              .number(BenchmarkRow.WALL, best.wall)
              .number(BenchmarkRow.MSD, best.msd)
              .number(BenchmarkRow.RATE, realizations / best.wall)
              .text(BenchmarkRow.RATE_UNIT, "realizations/s")
              .number(BenchmarkRow.LOAD, best.load)
              .note(
                  String.format(
                      Locale.ROOT,
                      "%d realizations of N = %d, W = 2, T = %s, 41 output times, Chebyshev"
                          + " tolerance 1e-12 (the default); msd is the ensemble mean at T;"
                          + " fastest of %d runs, the thread counts in turn: %s; CPU time %.1f ms"
                          + " per realization",
                      realizations,
                      sites,
                      time,
                      own.size(),
                      describe(own),
                      cpuPerRealization * 1e3));
      if (best.share() < FULL_SHARE) {
        row.note(
            String.format(
                Locale.ROOT,
                "the machine was busy: even the fastest run had only %.2f of its %d core(s)",
                best.share() * best.threads,
                best.threads));
      }
      if (oneThread != null && threadCounts[t] > 1) {
        row.number(BenchmarkRow.RATIO_TO_QDIFF, best.wall / oneThread.wall)
            .note(
                String.format(
                    Locale.ROOT,
                    "speedup %.2f over 1 thread (fastest runs); back to back: %s",
                    oneThread.wall / best.wall,
                    pairedSpeedups(runs.get(0), own)));
      }
      for (Run r : own) {
        if (r.msd != runs.get(0).get(0).msd) {
          // Realizations have seeds of their own and are averaged in index order: never expected.
          row.note("the mean msd differs between runs: the ensemble is not reproducible");
          break;
        }
      }
      rows.add(row);
    }
    double peak = Machine.peakRssMb();
    for (BenchmarkRow row : rows) {
      row.number(BenchmarkRow.PEAK_RSS, peak);
    }
    return rows;
  }

  private static Run timed(
      Lattice chain, WaveFunction psi0, TimeGrid grid, int realizations, int threads) {
    Parallel.setThreads(threads);
    double busyBefore = Machine.busySeconds();
    long cpuBefore = Machine.processCpuNanos();
    long start = System.nanoTime();
    EnsembleResult result = ensemble(chain, psi0, grid, realizations);
    double wall = (System.nanoTime() - start) * 1e-9;
    double cpu = (Machine.processCpuNanos() - cpuBefore) * 1e-9;
    // What the machine did besides this process (NaN without /proc/stat).
    double others = Math.max(0, (Machine.busySeconds() - busyBefore - cpu) / wall);
    double[] msd = result.mean().doubleColumn("msd").asDoubleArray();
    return new Run(threads, wall, cpu, others, Machine.loadAverage(), msd[msd.length - 1]);
  }

  private static String describe(List<Run> runs) {
    StringJoiner s = new StringJoiner(", ");
    for (Run r : runs) {
      s.add(
          String.format(
              Locale.ROOT,
              Double.isNaN(r.otherCores)
                  ? "%.2f s (CPU share %.2f)"
                  : "%.2f s (CPU share %.2f, others %.2f cores)",
              r.wall,
              r.share(),
              r.otherCores));
    }
    return s.toString();
  }

  /** The speedup of each round: the first thread count's run over this one's, same round. */
  private static String pairedSpeedups(List<Run> first, List<Run> these) {
    StringJoiner s = new StringJoiner(", ");
    for (int k = 0; k < Math.min(first.size(), these.size()); k++) {
      s.add(String.format(Locale.ROOT, "%.2f", first.get(k).wall / these.get(k).wall));
    }
    return s.toString();
  }

  /**
   * Waits until other processes keep fewer than {@link #QUIET_CORES} cores busy over a second, at
   * most {@link #QUIET_WAIT_SECONDS}; at once where {@code /proc/stat} is missing.
   */
  private static void awaitQuietMachine() {
    for (int second = 0; second < QUIET_WAIT_SECONDS; second++) {
      double busyBefore = Machine.busySeconds();
      long cpuBefore = Machine.processCpuNanos();
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      double others =
          Machine.busySeconds() - busyBefore - (Machine.processCpuNanos() - cpuBefore) * 1e-9;
      if (!(others >= QUIET_CORES)) {
        return;
      }
    }
  }

  private static EnsembleResult ensemble(
      Lattice chain, WaveFunction psi0, TimeGrid grid, int realizations) {
    return Ensemble.of(
            seed ->
                Evolution.of(
                        Hamiltonian.on(chain)
                            .hopping(1.0)
                            .onsite(Disorder.box(2.0).seed(seed))
                            .build())
                    .times(grid)
                    .observe(Observables.meanSquaredDisplacement())
                    .run(psi0)
                    .table())
        .realizations(realizations)
        .seed(42)
        .by("t")
        .run();
  }
}
