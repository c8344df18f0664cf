package org.qdiff.random;

/**
 * A master seed and the counter-based generator derived from it.
 *
 * <p>{@link #uniform(long, long)} maps (stream, index) to a double in (0, 1) by two rounds of the
 * SplitMix64 finalizer, a bijective mixer with full avalanche: neighbouring indices give
 * independent-looking values. Streams separate independent uses of one seed (the potential, the
 * band-matrix entries, a Monte Carlo walk).
 */
public final class Seed {

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private final long value;

  private Seed(long value) {
    this.value = value;
  }

  /** The seed with the given value. Any long is valid. */
  public static Seed of(long value) {
    return new Seed(value);
  }

  /** The seed's value. */
  public long value() {
    return value;
  }

  /**
   * The seed of realization {@code index} of an ensemble: a fixed function of this seed and the
   * index, so realization i gets the same disorder however the ensemble is run.
   */
  public Seed realization(long index) {
    return new Seed(mix(mix(value ^ 0x5DEECE66DL) + GOLDEN_GAMMA * (index + 1)));
  }

  /**
   * A uniform double in the open interval (0, 1), determined by (seed, stream, index).
   *
   * @param stream which independent sequence
   * @param index position in the sequence, e.g. a site index
   */
  public double uniform(long stream, long index) {
    long h = mix(mix(value + GOLDEN_GAMMA * (stream + 1)) + GOLDEN_GAMMA * index);
    // 53 random bits, shifted by half a unit so neither 0 nor 1 occurs (logs and tangents stay
    // finite).
    return ((h >>> 11) + 0.5) * 0x1.0p-53;
  }

  /** A standard normal value determined by (seed, stream, index), by Box-Muller. */
  public double normal(long stream, long index) {
    double u1 = uniform(stream, 2 * index);
    double u2 = uniform(stream, 2 * index + 1);
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }

  /** SplitMix64's finalizer (Steele, Lea and Flood 2014). */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Seed && ((Seed) o).value == value;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(value);
  }

  @Override
  public String toString() {
    return "Seed(" + value + ")";
  }
}
