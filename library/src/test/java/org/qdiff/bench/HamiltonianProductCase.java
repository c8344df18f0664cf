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
 */
final class HamiltonianProductCase {

  static final String NAME = "hpsi_3d_L128";
  static final int BYTES_PER_SITE_PRODUCT = 8 * (2 + 1 + 2);
  static final int BYTES_PER_SITE_CHEBYSHEV = 8 * (2 + 4 + 4 + 1);

  private HamiltonianProductCase() {}

  static List<BenchmarkRow> run(boolean quick, int[] threadCounts) {
    int side = quick ? 32 : 128;
    int triadElements = quick ? 1 << 22 : 1 << 25;
    int repetitions = 30;
    Lattice lattice = Lattice.cubic(side).periodic().build();
    Hamiltonian h = Hamiltonian.on(lattice).hopping(1.0).onsite(Disorder.box(4.0).seed(1)).build();
    SparseOperator operator = h.operator();
    int n = h.size();
    StateBuffers x = WaveFunction.delta(lattice, lattice.center()).toBuffers();
    StateBuffers out = new StateBuffers(lattice);
    double[] accRe = new double[n];
    double[] accIm = new double[n];
    double halfWidth = h.spectralBounds().halfWidth();
    double alpha = 1 / halfWidth;
    double beta = -h.spectralBounds().center() / halfWidth;
    StreamTriad triad = new StreamTriad(triadElements);
    System.out.printf(
        Locale.ROOT,
        "%s: H psi on %d^3 = %d sites (%d B/site at least), Chebyshev step (%d B/site),"
            + " STREAM triad on %d doubles per array (%d MiB each)%n",
        NAME,
        side,
        n,
        BYTES_PER_SITE_PRODUCT,
        BYTES_PER_SITE_CHEBYSHEV,
        triadElements,
        triadElements * 8L >> 20);
    List<BenchmarkRow> rows = new ArrayList<>();
    for (int threads : threadCounts) {
      Parallel.setThreads(threads);
      double[] product = times(repetitions, () -> operator.apply(x.re, x.im, out.re, out.im));
      double[] step =
          times(
              repetitions,
              () ->
                  operator.apply(
                      x.re, x.im, 2 * alpha, 2 * beta, -1, out.re, out.im, out.re, out.im, accRe,
                      accIm, 0.5, -0.25));
      double triadSeconds = triad.bestSeconds(10);
      double stream = triad.gigabytesPerSecond(triadSeconds);
      rows.add(
          BenchmarkRow.of(NAME, "stream_triad", threads)
              .count(BenchmarkRow.SITES, triad.elements())
              .number(BenchmarkRow.WALL, triadSeconds)
              .number(BenchmarkRow.RATE, stream)
              .text(BenchmarkRow.RATE_UNIT, "GB/s")
              .number(BenchmarkRow.BANDWIDTH, stream)
              .note(
                  "a[i] = b[i] + s c[i] on "
                      + triad.elements()
                      + " doubles per array, best of 10; 24 B per element counted,"
                      + " write-allocate not counted (STREAM convention)"));
      rows.add(
          kernelRow("qdiff_hpsi", threads, n, product, BYTES_PER_SITE_PRODUCT, stream)
              .note("out = H psi (one application)"));
      rows.add(
          kernelRow("qdiff_chebyshev_step", threads, n, step, BYTES_PER_SITE_CHEBYSHEV, stream)
              .note("fused T_k+1 = 2 H~ T_k - T_k-1 and acc += c T_k+1 (one application)"));
      System.out.printf(
          Locale.ROOT,
          "  %d thread(s): H psi %.2f ms (median %.2f), %.3g site updates/s, %.1f GB/s = %.2f of"
              + " STREAM; Chebyshev step %.2f ms, %.1f GB/s = %.2f of STREAM; triad %.1f GB/s"
              + " (checksum %.3f)%n",
          threads,
          product[0] * 1e3,
          product[1] * 1e3,
          n / product[0],
          BYTES_PER_SITE_PRODUCT * n / product[0] * 1e-9,
          BYTES_PER_SITE_PRODUCT * n / product[0] * 1e-9 / stream,
          step[0] * 1e3,
          BYTES_PER_SITE_CHEBYSHEV * n / step[0] * 1e-9,
          BYTES_PER_SITE_CHEBYSHEV * n / step[0] * 1e-9 / stream,
          stream,
          triad.checksum() + out.re[lattice.center()] + accRe[0]);
    }
    return rows;
  }

  private static BenchmarkRow kernelRow(
      String method, int threads, int n, double[] seconds, int bytesPerSite, double stream) {
    double bandwidth = (double) bytesPerSite * n / seconds[0] * 1e-9;
    return BenchmarkRow.of(NAME, method, threads)
        .count(BenchmarkRow.SITES, n)
        .number(BenchmarkRow.WALL, seconds[0])
        .count(BenchmarkRow.APPLICATIONS, 1)
        .number(BenchmarkRow.RATE, n / seconds[0])
        .text(BenchmarkRow.RATE_UNIT, "site_updates/s")
        .number(BenchmarkRow.BANDWIDTH, bandwidth)
        .number(BenchmarkRow.FRACTION_OF_STREAM, bandwidth / stream)
        .note(
            String.format(
                Locale.ROOT,
                "%d B/site; best of %d after 5 untimed, median %.3f ms",
                bytesPerSite,
                seconds[2] > 0 ? (int) seconds[2] : 0,
                seconds[1] * 1e3));
  }

  /** {best, median, count} of the wall times of {@code repetitions} calls after 5 untimed ones. */
  private static double[] times(int repetitions, Runnable body) {
    for (int r = 0; r < 5; r++) {
      body.run();
    }
    double[] t = new double[repetitions];
    for (int r = 0; r < repetitions; r++) {
      long start = System.nanoTime();
      body.run();
      t[r] = (System.nanoTime() - start) * 1e-9;
    }
    Arrays.sort(t);
    return new double[] {t[0], t[repetitions / 2], repetitions};
  }
}
