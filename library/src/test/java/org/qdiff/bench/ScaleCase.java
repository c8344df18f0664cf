package org.qdiff.bench;

import java.util.List;
import java.util.Locale;
import org.qdiff.hamiltonian.Disorder;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Parallel;
import org.qdiff.propagate.Trajectory;
import org.qdiff.state.WaveFunction;

/**
 * Case 4: the 3D Anderson model on L = 256 (16.8 million sites), and on L = 128 for the memory
 * budget there, W = 4, from the delta at the centre to T = 10 at tolerance 1e-10 on all threads:
 * wall time and the peak memory of the JVM, beside the budget of four complex vectors, the
 * potential and 300 MB. Run as a user would: build the lattice and H, evolve with the defaults
 * (boundary guard, norm check).
 */
final class ScaleCase {

  static final String NAME_L256 = "scale_3d_L256";
  static final String NAME_L128 = "scale_3d_L128";

  private ScaleCase() {}

  /** The side of the cube of a scale case. */
  static int side(String name, boolean quick) {
    if (name.equals(NAME_L128)) {
      return quick ? 32 : 128;
    }
    return quick ? 48 : 256;
  }

  static List<BenchmarkRow> run(String name, boolean quick, int threads) {
    int side = side(name, quick);
    double time = quick ? 5 : 10;
    Parallel.setThreads(threads);
    long start = System.nanoTime();
    Lattice lattice = Lattice.cubic(side).periodic().build();
    Hamiltonian h = Hamiltonian.on(lattice).hopping(1.0).onsite(Disorder.box(4.0).seed(1)).build();
    WaveFunction psi0 = WaveFunction.delta(lattice, lattice.center());
    double buildSeconds = (System.nanoTime() - start) * 1e-9;
    long evolveStart = System.nanoTime();
    Trajectory<WaveFunction> run = PropagationCase.evolve(h, psi0, time, PropagationCase.TOLERANCE);
    double seconds = (System.nanoTime() - evolveStart) * 1e-9;
    double msd = run.column("msd")[0];
    double peak = Machine.peakRssMb();
    long n = h.size();
    double budget = budgetMb(n);
    BenchmarkRow row =
        BenchmarkRow.of(name, "qdiff", threads)
            .count(BenchmarkRow.SITES, n)
            .number(BenchmarkRow.WALL, seconds)
            .count(BenchmarkRow.APPLICATIONS, run.hamiltonianApplications())
            .number(BenchmarkRow.MSD, msd)
            .number(BenchmarkRow.PEAK_RSS, peak)
            .number(BenchmarkRow.BUDGET, budget)
            .number(BenchmarkRow.RATE, (double) n * run.hamiltonianApplications() / seconds)
            .text(BenchmarkRow.RATE_UNIT, "site_updates/s")
            .note(
                String.format(
                    Locale.ROOT,
                    "%d^3 sites, T = %s, Chebyshev tolerance 1e-10; lattice, H and delta built in"
                        + " %.1f s (not in wall_s); peak RSS %.0f MiB = %.2f of the budget; -Xmx %d"
                        + " MiB",
                    side,
                    time,
                    buildSeconds,
                    peak,
                    peak / budget,
                    Runtime.getRuntime().maxMemory() >> 20));
    if (!run.warnings().isEmpty()) {
      row.note("warning: " + run.warnings().get(0));
    }
    System.out.printf(
        Locale.ROOT,
        "%s: %d^3 = %d sites, T = %s on %d threads: %.1f s, %d applications of H, msd %.4g,"
            + " peak RSS %.0f MiB (budget %.0f MiB: 4 complex vectors + potential + 300 MB);"
            + " build %.1f s%n",
        name,
        side,
        n,
        time,
        threads,
        seconds,
        run.hamiltonianApplications(),
        msd,
        peak,
        budget,
        buildSeconds);
    return List.of(row);
  }

  /**
   * The memory budget of the issue for N sites: 4 complex vectors, the potential, and 300 MB for
   * the JVM, libraries and everything else, in MiB.
   */
  static double budgetMb(long sites) {
    return (4 * 16.0 + 8.0) * sites / (1 << 20) + 300;
  }
}
