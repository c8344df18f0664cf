package org.qdiff.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 */
final class EnsembleCase {

  static final String NAME = "ensemble_1d_N4096";

  private EnsembleCase() {}

  static List<BenchmarkRow> run(boolean quick, int[] threadCounts) {
    int sites = 4096;
    double time = quick ? 50 : 200;
    int realizations = quick ? 16 : 256;
    Lattice chain = Lattice.chain(sites).periodic().build();
    WaveFunction psi0 = WaveFunction.delta(chain, chain.center());
    TimeGrid grid = TimeGrid.linear(0, time, 41);
    // JIT warm-up: a few realizations of the same model, untimed.
    ensemble(chain, psi0, grid, Math.min(8, realizations));
    List<BenchmarkRow> rows = new ArrayList<>();
    double oneThread = Double.NaN;
    for (int threads : threadCounts) {
      Parallel.setThreads(threads);
      long start = System.nanoTime();
      EnsembleResult result = ensemble(chain, psi0, grid, realizations);
      double seconds = (System.nanoTime() - start) * 1e-9;
      double[] msd = result.mean().doubleColumn("msd").asDoubleArray();
      if (threads == 1) {
        oneThread = seconds;
      }
      BenchmarkRow row =
          BenchmarkRow.of(NAME, "qdiff_ensemble", threads)
              .count(BenchmarkRow.SITES, sites)
              .number(BenchmarkRow.WALL, seconds)
              .number(BenchmarkRow.MSD, msd[msd.length - 1])
              .number(BenchmarkRow.RATE, realizations / seconds)
              .text(BenchmarkRow.RATE_UNIT, "realizations/s")
              .note(
                  String.format(
                      Locale.ROOT,
                      "%d realizations of N = %d, W = 2, T = %s, 41 output times, Chebyshev"
                          + " tolerance 1e-12 (the default); msd is the ensemble mean at T",
                      realizations,
                      sites,
                      time));
      if (threads > 1 && Double.isFinite(oneThread)) {
        row.number(BenchmarkRow.RATIO_TO_QDIFF, seconds / oneThread)
            .note(String.format(Locale.ROOT, "speedup %.2f over 1 thread", oneThread / seconds));
      }
      rows.add(row);
      System.out.printf(
          Locale.ROOT,
          "%s: %d realizations on %d thread(s): %.2f s, %.1f realizations/s, mean msd(T) %.4g%n",
          NAME,
          realizations,
          threads,
          seconds,
          realizations / seconds,
          msd[msd.length - 1]);
    }
    double peak = Machine.peakRssMb();
    for (BenchmarkRow row : rows) {
      row.number(BenchmarkRow.PEAK_RSS, peak);
    }
    return rows;
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
