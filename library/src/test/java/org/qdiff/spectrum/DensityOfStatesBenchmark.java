package org.qdiff.spectrum;

import java.nio.file.Path;
import java.util.Locale;
import org.qdiff.frame.Frames;
import org.qdiff.hamiltonian.Disorder;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Parallel;

/**
 * Wall time of the kernel polynomial density of states of a large Anderson model. A benchmark, not
 * a test: it asserts nothing, prints the times and writes the density to {@code
 * data/bench/dos_anderson_L<side>.csv}.
 *
 * <p>Arguments: side L (default 128), moments M (512), random vectors R (1), disorder width W
 * (16.5), threads (all processors).
 */
public final class DensityOfStatesBenchmark {

  private DensityOfStatesBenchmark() {}

  public static void main(String[] args) {
    int side = args.length > 0 ? Integer.parseInt(args[0]) : 128;
    int moments = args.length > 1 ? Integer.parseInt(args[1]) : 512;
    int vectors = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    double width = args.length > 3 ? Double.parseDouble(args[3]) : 16.5;
    if (args.length > 4) {
      Parallel.setThreads(Integer.parseInt(args[4]));
    }
    long start = System.nanoTime();
    Hamiltonian h =
        Hamiltonian.on(Lattice.cubic(side).periodic().build())
            .hopping(1.0)
            .onsite(Disorder.box(width).seed(1))
            .build();
    long built = System.nanoTime();
    DensityOfStates.Result result =
        DensityOfStates.of(h)
            .moments(moments)
            .randomVectors(vectors)
            .seed(1)
            .points(1000)
            .compute();
    long done = System.nanoTime();
    Path file =
        Frames.writeCsv(
            result.table(), Frames.dataDirectory().resolve("bench/dos_anderson_L" + side + ".csv"));
    System.out.printf(
        Locale.ROOT,
        "Anderson W = %.1f on %d^3 = %d sites, M = %d, R = %d, %d threads: build %.2f s,"
            + " moments and density %.2f s (%.2f ms per application of H); %s%n",
        width,
        side,
        h.size(),
        moments,
        vectors,
        Parallel.threads(),
        (built - start) * 1e-9,
        (done - built) * 1e-9,
        (done - built) * 1e-6 / (vectors * (moments / 2.0)),
        file);
  }
}
