package org.qdiff.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.qdiff.hamiltonian.Disorder;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Parallel;
import org.qdiff.numeric.SparseOperator;
import org.qdiff.state.StateBuffers;
import org.qdiff.state.WaveFunction;

/**
 * Case 1: one Hamiltonian-vector product on the 3D Anderson model (L = 128, W = 4, periodic), in
 * milliseconds and site updates per second, beside the STREAM triad bandwidth of the same machine
 * and thread count, and the fraction of that bandwidth the product reaches.
 *
 * <p>Bytes per site the kernel must move at least (neighbours assumed to come from the caches, and
 * no write-allocate traffic, as STREAM counts): H psi reads psi (re, im: 16 B) and the potential (8
 * B) and writes H psi (16 B), 40 B per site. The fused Chebyshev step {@code T_{k+1} = 2 H~ T_k -
 * T_{k-1}, acc += c T_{k+1}} reads T_k (16 B), reads and overwrites T_{k-1} (32 B), reads and
 * writes acc (32 B) and reads the potential (8 B), 88 B per site.
 *
 * <p>Beside the triad runs a stream that moves exactly the bytes of H psi without the stencil
 * ({@code out = v x} on both parts, 40 B per site on the same arrays): the fastest any H psi can be
 * on this machine, and its speedup on 2 threads the most a memory-bound product can gain.
 *
 * <p>Why paired rounds: other jobs on a shared machine change the bandwidth left to us from one
 * second to the next. Every kernel runs on every thread count in each of several short rounds, and
 * each keeps its best time, so the speedups compare times taken under the same conditions.
 */
final class HamiltonianProductCase {

  static final String NAME = "hpsi_3d_L128";
  static final int BYTES_PER_SITE_PRODUCT = 8 * (2 + 1 + 2);
  static final int BYTES_PER_SITE_CHEBYSHEV = 8 * (2 + 4 + 4 + 1);
  private static final int ROUNDS = 6;
  private static final int TIMED_PER_ROUND = 5;

  private HamiltonianProductCase() {}

  static List<BenchmarkRow> run(boolean quick, int[] threadCounts) {
    int side = quick ? 32 : 128;
    int triadElements = quick ? 1 << 22 : 1 << 25;
    Lattice lattice = Lattice.cubic(side).periodic().build();
    Hamiltonian h = Hamiltonian.on(lattice).hopping(1.0).onsite(Disorder.box(4.0).seed(1)).build();
    SparseOperator operator = h.operator();
    int n = h.size();
    StateBuffers x = WaveFunction.delta(lattice, lattice.center()).toBuffers();
    StateBuffers out = new StateBuffers(lattice);
    double[] accRe = new double[n];
    double[] accIm = new double[n];
    double[] potential = h.onsiteEnergies();
    double halfWidth = h.spectralBounds().halfWidth();
    double alpha = 1 / halfWidth;
    double beta = -h.spectralBounds().center() / halfWidth;
    StreamTriad triad = new StreamTriad(triadElements);
    System.out.printf(
        Locale.ROOT,
        "%s: H psi on %d^3 = %d sites (%d B/site at least), Chebyshev step (%d B/site), a stream"
            + " of H psi's bytes, STREAM triad on %d doubles per array (%d MiB each); %d paired"
            + " rounds of %d timed calls per thread count%n",
        NAME,
        side,
        n,
        BYTES_PER_SITE_PRODUCT,
        BYTES_PER_SITE_CHEBYSHEV,
        triadElements,
        triadElements * 8L >> 20,
        ROUNDS,
        TIMED_PER_ROUND);
    Runnable[] kernels = {
      () -> operator.apply(x.re, x.im, out.re, out.im),
      () ->
          operator.apply(
              x.re, x.im, 2 * alpha, 2 * beta, -1, out.re, out.im, out.re, out.im, accRe, accIm,
              0.5, -0.25),
      () -> sameBytesStream(potential, x.re, x.im, out.re, out.im),
      () -> triad.once(3.0)
    };
    double[][][] seconds = pairedTimes(kernels, threadCounts);
    List<BenchmarkRow> rows = new ArrayList<>();
    for (int c = 0; c < threadCounts.length; c++) {
      int threads = threadCounts[c];
      double[] product = seconds[0][c];
      double[] step = seconds[1][c];
      double[] stream = seconds[2][c];
      double triadSeconds = seconds[3][c][0];
      double triadBandwidth = triad.gigabytesPerSecond(triadSeconds);
      rows.add(
          BenchmarkRow.of(NAME, "stream_triad", threads)
              .count(BenchmarkRow.SITES, triad.elements())
              .number(BenchmarkRow.WALL, triadSeconds)
              .number(BenchmarkRow.RATE, triadBandwidth)
              .text(BenchmarkRow.RATE_UNIT, "GB/s")
              .number(BenchmarkRow.BANDWIDTH, triadBandwidth)
              .number(BenchmarkRow.RATIO_TO_QDIFF, triadSeconds / seconds[3][0][0])
              .note(
                  "a[i] = b[i] + s c[i] on "
                      + triad.elements()
                      + " doubles per array, best of "
                      + ROUNDS * TIMED_PER_ROUND
                      + "; 24 B per element counted, write-allocate not counted (STREAM"
                      + " convention)"));
      rows.add(
          kernelRow(
                  "qdiff_hpsi",
                  threads,
                  n,
                  product,
                  seconds[0][0],
                  BYTES_PER_SITE_PRODUCT,
                  triadBandwidth,
                  "out = H psi (one application)")
              .count(BenchmarkRow.APPLICATIONS, 1));
      rows.add(
          kernelRow(
                  "qdiff_chebyshev_step",
                  threads,
                  n,
                  step,
                  seconds[1][0],
                  BYTES_PER_SITE_CHEBYSHEV,
                  triadBandwidth,
                  "fused T_k+1 = 2 H~ T_k - T_k-1 and acc += c T_k+1 (one application)")
              .count(BenchmarkRow.APPLICATIONS, 1));
      rows.add(
          kernelRow(
              "stream_hpsi_bytes",
              threads,
              n,
              stream,
              seconds[2][0],
              BYTES_PER_SITE_PRODUCT,
              triadBandwidth,
              "out = v x on both parts: H psi's bytes without the stencil, the fastest H psi this"
                  + " machine allows"));
      System.out.printf(
          Locale.ROOT,
          "  %d thread(s): H psi %.2f ms (median %.2f), %.3g site updates/s, %.1f GB/s = %.2f of"
              + " STREAM, %.2f of the same-bytes stream (%.2f ms); Chebyshev step %.2f ms, %.1f"
              + " GB/s = %.2f of STREAM; triad %.1f GB/s%s (checksum %.3f)%n",
          threads,
          product[0] * 1e3,
          product[1] * 1e3,
          n / product[0],
          BYTES_PER_SITE_PRODUCT * n / product[0] * 1e-9,
          BYTES_PER_SITE_PRODUCT * n / product[0] * 1e-9 / triadBandwidth,
          stream[0] / product[0],
          stream[0] * 1e3,
          step[0] * 1e3,
          BYTES_PER_SITE_CHEBYSHEV * n / step[0] * 1e-9,
          BYTES_PER_SITE_CHEBYSHEV * n / step[0] * 1e-9 / triadBandwidth,
          triadBandwidth,
          c == 0
              ? ""
              : String.format(
                  Locale.ROOT,
                  "; speedups over %d thread: H psi %.2f, Chebyshev step %.2f, same-bytes"
                      + " stream %.2f, triad %.2f",
                  threadCounts[0],
                  seconds[0][0][0] / product[0],
                  seconds[1][0][0] / step[0],
                  seconds[2][0][0] / stream[0],
                  seconds[3][0][0] / triadSeconds),
          triad.checksum() + out.re[lattice.center()] + accRe[0]);
    }
    return rows;
  }

  /** A kernel's row: best time, rate, bandwidth, fraction of the triad, time over 1 thread. */
  private static BenchmarkRow kernelRow(
      String method,
      int threads,
      int n,
      double[] seconds,
      double[] firstCount,
      int bytesPerSite,
      double stream,
      String what) {
    double bandwidth = (double) bytesPerSite * n / seconds[0] * 1e-9;
    return BenchmarkRow.of(NAME, method, threads)
        .count(BenchmarkRow.SITES, n)
        .number(BenchmarkRow.WALL, seconds[0])
        .number(BenchmarkRow.RATE, n / seconds[0])
        .text(BenchmarkRow.RATE_UNIT, "site_updates/s")
        .number(BenchmarkRow.BANDWIDTH, bandwidth)
        .number(BenchmarkRow.FRACTION_OF_STREAM, bandwidth / stream)
        .number(BenchmarkRow.RATIO_TO_QDIFF, seconds[0] / firstCount[0])
        .note(note(seconds, bytesPerSite, what));
  }

  private static String note(double[] seconds, int bytesPerSite, String what) {
    return String.format(
        Locale.ROOT,
        "%d B/site; best of %d in %d paired rounds, median %.3f ms; %s",
        bytesPerSite,
        ROUNDS * TIMED_PER_ROUND,
        ROUNDS,
        seconds[1] * 1e3,
        what);
  }

  /**
   * {best, median} of each kernel's wall times on each thread count ({@code [kernel][count]}): in
   * each of {@link #ROUNDS} rounds, every thread count in turn runs each kernel once untimed (to
   * start the pool's threads) and then {@link #TIMED_PER_ROUND} times timed, the kernels taking
   * turns.
   */
  private static double[][][] pairedTimes(Runnable[] kernels, int[] threadCounts) {
    int timed = ROUNDS * TIMED_PER_ROUND;
    double[][][] all = new double[kernels.length][threadCounts.length][timed];
    for (int round = 0; round < ROUNDS; round++) {
      for (int c = 0; c < threadCounts.length; c++) {
        Parallel.setThreads(threadCounts[c]);
        for (Runnable kernel : kernels) {
          kernel.run();
        }
        for (int r = 0; r < TIMED_PER_ROUND; r++) {
          for (int k = 0; k < kernels.length; k++) {
            long start = System.nanoTime();
            kernels[k].run();
            all[k][c][round * TIMED_PER_ROUND + r] = (System.nanoTime() - start) * 1e-9;
          }
        }
      }
    }
    double[][][] summary = new double[kernels.length][threadCounts.length][];
    for (int k = 0; k < kernels.length; k++) {
      for (int c = 0; c < threadCounts.length; c++) {
        double[] t = all[k][c];
        Arrays.sort(t);
        summary[k][c] = new double[] {t[0], t[timed / 2]};
      }
    }
    return summary;
  }

  /** {@code out = v x} on both parts, on the pool: the memory traffic of H psi alone. */
  private static void sameBytesStream(
      double[] v, double[] xr, double[] xi, double[] outRe, double[] outIm) {
    Parallel.forRange(
        v.length,
        (from, to) -> {
          for (int i = from; i < to; i++) {
            double w = v[i];
            outRe[i] = w * xr[i];
            outIm[i] = w * xi[i];
          }
        });
  }
}
