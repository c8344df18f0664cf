package org.qdiff.localization;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The loop of a transfer-matrix run: propagate the vectors slice by slice, re-orthonormalize them,
 * add up the logarithms of the diagonal of R per block, and turn the block sums into exponents and
 * standard errors.
 *
 * <p>All buffers are allocated once per run; a slice allocates nothing. The run is sequential (each
 * slice needs the previous one) and its numbers depend only on the system and the seed.
 */
final class Propagation {

  /**
   * Growth of the leading vector since the last QR that triggers the next one. The ratio of the
   * largest to the smallest kept growth stays near this, far below 1/epsilon = 4.5e15: MGS loses
   * about epsilon times this ratio of the smallest diagonal element of R, here 1e-6 relative.
   */
  static final double GROWTH_LIMIT = 1e10;

  /**
   * With all 2N exponents the last vector shrinks as the first grows (the exponents come in pairs
   * +-gamma), so their ratio is the square of the growth: the trigger is the square root.
   */
  static final double GROWTH_LIMIT_ALL = 1e5;

  private Propagation() {}

  static LyapunovSpectrum run(TransferMatrix system, BooleanSupplier stop, String where) {
    long started = System.nanoTime();
    Slices slices = system.slices();
    int rows = slices.rows();
    int cols = system.allExponents() ? rows : rows / 2;
    double[] y = new double[rows * cols];
    for (int j = 0; j < cols; j++) {
      y[j * cols + j] = 1.0;
    }
    double[] logR = new double[cols];
    double[] dots = new double[cols];
    double limit = system.allExponents() ? GROWTH_LIMIT_ALL : GROWTH_LIMIT;
    double limitSquared = limit * limit;

    long discard = system.discard();
    long length = system.length();
    int blocks = system.blocks();
    double[][] blockSums = new double[blocks][cols];
    long[] blockLength = new long[blocks];
    for (int b = 0; b < blocks; b++) {
      blockLength[b] = length / blocks + (b < length % blocks ? 1 : 0);
    }

    int interval = system.reorthogonalizationInterval();
    long total = discard + length;
    // block -1 is the discarded start; a QR closes every block, so no segment straddles two.
    int block = discard > 0 ? -1 : 0;
    long boundary = discard > 0 ? discard : blockLength[0];
    int sinceQr = 0;
    for (long slice = 0; slice < total; slice++) {
      slices.step(slice, y, cols);
      sinceQr++;
      boolean atBoundary = slice + 1 == boundary;
      if (!atBoundary && sinceQr < interval) {
        double lead = 0;
        for (int r = 0; r < rows; r++) {
          double v = y[r * cols];
          lead += v * v;
        }
        if (!(lead > limitSquared)) {
          continue;
        }
      }
      int failed = GramSchmidt.orthonormalize(y, rows, cols, logR, dots);
      if (failed >= 0) {
        throw new ArithmeticException(
            where
                + ": vector "
                + (failed + 1)
                + " became zero or not finite at slice "
                + (slice + 1)
                + " of "
                + total
                + ": the disorder or the couplings exceed double precision"
                + " (try reorthogonalizeEvery(1), or weaker disorder)");
      }
      if (block >= 0) {
        double[] sums = blockSums[block];
        for (int j = 0; j < cols; j++) {
          sums[j] += logR[j];
        }
      }
      sinceQr = 0;
      if (atBoundary) {
        block++;
        if (block < blocks) {
          boundary += blockLength[block];
        }
      }
      if (stop.getAsBoolean()) {
        throw new CancellationException(
            where + ": interrupted at slice " + (slice + 1) + " of " + total);
      }
    }

    double[] exponents = new double[cols];
    double[] errors = new double[cols];
    for (int j = 0; j < cols; j++) {
      double sum = 0;
      for (int b = 0; b < blocks; b++) {
        sum += blockSums[b][j];
      }
      double mean = sum / length;
      double squares = 0;
      for (int b = 0; b < blocks; b++) {
        double d = blockSums[b][j] / blockLength[b] - mean;
        squares += d * d;
      }
      exponents[j] = mean;
      errors[j] = Math.sqrt(squares / (blocks - 1.0) / blocks);
    }
    return new LyapunovSpectrum(
        system, exponents, errors, rows / 2 - 1, (System.nanoTime() - started) * 1e-9);
  }
}
