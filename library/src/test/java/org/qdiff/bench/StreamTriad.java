package org.qdiff.bench;

import org.qdiff.numeric.Parallel;

/**
 * The STREAM triad {@code a[i] = b[i] + s c[i]} in Java, on qdiff's own thread pool: the memory
 * bandwidth a streaming kernel can reach on this machine, the bound for a matrix-free H psi.
 *
 * <p>Convention of STREAM (McCalpin): 24 bytes per element, two reads and one write, without the
 * write-allocate read of {@code a} that most caches add (the real traffic is then 32 bytes; the
 * bandwidth counted this way is the one STREAM reports).
 */
final class StreamTriad {

  /** Bytes per element counted: read b and c, write a. */
  static final int BYTES_PER_ELEMENT = 24;

  private final double[] a;
  private final double[] b;
  private final double[] c;

  /**
   * @param elements array length; far larger than the caches (2^25 doubles = 256 MiB per array)
   */
  StreamTriad(int elements) {
    a = new double[elements];
    b = new double[elements];
    c = new double[elements];
    Parallel.forRange(
        elements,
        (from, to) -> {
          for (int i = from; i < to; i++) {
            b[i] = 1.0 + 1e-9 * i;
            c[i] = 2.0 - 1e-9 * i;
          }
        });
  }

  int elements() {
    return a.length;
  }

  /** One triad; returns its wall time in seconds. */
  double once(double scalar) {
    final double[] a = this.a;
    final double[] b = this.b;
    final double[] c = this.c;
    long start = System.nanoTime();
    Parallel.forRange(
        a.length,
        (from, to) -> {
          for (int i = from; i < to; i++) {
            a[i] = b[i] + scalar * c[i];
          }
        });
    return (System.nanoTime() - start) * 1e-9;
  }

  /** Best of {@code repetitions} triads after two untimed ones, in seconds. */
  double bestSeconds(int repetitions) {
    once(3.0);
    once(3.0);
    double best = Double.POSITIVE_INFINITY;
    for (int r = 0; r < repetitions; r++) {
      best = Math.min(best, once(3.0));
    }
    return best;
  }

  /** A value of {@code a}, so that the work cannot be discarded as dead code. */
  double checksum() {
    return a[a.length / 3] + a[a.length - 1];
  }

  /** GB/s (10^9 bytes per second) of a triad that took {@code seconds}. */
  double gigabytesPerSecond(double seconds) {
    return (double) BYTES_PER_ELEMENT * a.length / seconds * 1e-9;
  }
}
