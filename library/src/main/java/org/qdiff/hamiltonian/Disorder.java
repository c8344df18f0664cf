package org.qdiff.hamiltonian;

import java.util.Locale;
import org.qdiff.numeric.Check;
import org.qdiff.numeric.Parallel;
import org.qdiff.random.Seed;

/**
 * A distribution of i.i.d. random values, one per site (the potential v(x) of the Anderson model
 * (10)) or per matrix entry (the A_xy of the band matrix (11)), with an explicit seed.
 *
 * <p>The value at index i is a function of (seed, stream, i) only (see {@link Seed}), so the same
 * seed gives the same values on any number of threads. Immutable: {@link #seed} returns a copy.
 */
public final class Disorder {

  private enum Kind {
    NORMAL,
    BOX,
    BINARY,
    CAUCHY
  }

  private final Kind kind;
  private final double strength;
  private final Seed seed;

  private Disorder(Kind kind, double strength, Seed seed) {
    this.kind = kind;
    this.strength = strength;
    this.seed = seed;
  }

  /** The standard normal distribution, the text's default choice (footnote 8). */
  public static Disorder normal() {
    return new Disorder(Kind.NORMAL, 1.0, null);
  }

  /**
   * A centred normal distribution with standard deviation sigma.
   *
   * @param sigma finite and >= 0
   */
  public static Disorder normal(double sigma) {
    return new Disorder(Kind.NORMAL, Check.nonNegative("Disorder.normal", "sigma", sigma), null);
  }

  /**
   * The uniform ("box") distribution on {@code [-W/2, W/2]}, Anderson's choice.
   *
   * @param width W, finite and >= 0
   */
  public static Disorder box(double width) {
    return new Disorder(Kind.BOX, Check.nonNegative("Disorder.box", "width W", width), null);
  }

  /**
   * Values {@code -W/2} or {@code +W/2} with probability 1/2 each.
   *
   * @param width W, finite and >= 0
   */
  public static Disorder binary(double width) {
    return new Disorder(Kind.BINARY, Check.nonNegative("Disorder.binary", "width W", width), null);
  }

  /**
   * The Cauchy (Lorentzian) distribution with scale gamma, density {@code gamma / (pi (v^2 +
   * gamma^2))} (Lloyd's model).
   *
   * @param gamma finite and >= 0
   */
  public static Disorder cauchy(double gamma) {
    return new Disorder(Kind.CAUCHY, Check.nonNegative("Disorder.cauchy", "gamma", gamma), null);
  }

  /** A copy with the given seed. */
  public Disorder seed(long value) {
    return new Disorder(kind, strength, Seed.of(value));
  }

  /** A copy with the given seed. */
  public Disorder seed(Seed value) {
    return new Disorder(kind, strength, Check.notNull("Disorder.seed", "seed", value));
  }

  /** The seed, or null if none was set. */
  public Seed seedOrNull() {
    return seed;
  }

  /** W for box and binary, sigma for normal, gamma for Cauchy. */
  public double strength() {
    return strength;
  }

  /**
   * @throws IllegalArgumentException naming {@code where} if no seed was set
   */
  void requireSeed(String where) {
    if (seed == null) {
      throw new IllegalArgumentException(
          where + ": " + this + " has no seed; call .seed(long), e.g. " + this + ".seed(42)");
    }
  }

  /** The value at one index of a stream. */
  public double value(long stream, long index) {
    requireSeed("Disorder.value");
    switch (kind) {
      case NORMAL:
        return strength * seed.normal(stream, index);
      case BOX:
        return strength * (seed.uniform(stream, index) - 0.5);
      case BINARY:
        return seed.uniform(stream, index) < 0.5 ? -0.5 * strength : 0.5 * strength;
      case CAUCHY:
        return strength * Math.tan(Math.PI * (seed.uniform(stream, index) - 0.5));
      default:
        throw new AssertionError(kind);
    }
  }

  /**
   * The potential v(x), one value per site, exactly as {@link HamiltonianBuilder#onsite(Disorder)}
   * adds it: e.g. to look at a realization of the Anderson model (10) (Figure 4).
   *
   * @throws IllegalArgumentException if no seed was set
   */
  public double[] values(org.qdiff.lattice.Lattice lattice) {
    Check.notNull("Disorder.values", "lattice", lattice);
    requireSeed("Disorder.values");
    return sample(lattice.size(), HamiltonianBuilder.POTENTIAL_STREAM);
  }

  /** Values 0..n-1 of a stream, filled in parallel (same numbers on any thread count). */
  public double[] sample(int n, long stream) {
    requireSeed("Disorder.sample");
    double[] v = new double[n];
    Parallel.forRange(
        n,
        (from, to) -> {
          for (int i = from; i < to; i++) {
            v[i] = value(stream, i);
          }
        });
    return v;
  }

  @Override
  public String toString() {
    String base;
    switch (kind) {
      case NORMAL:
        base = strength == 1.0 ? "Disorder.normal()" : "Disorder.normal(" + fmt(strength) + ")";
        break;
      case BOX:
        base = "Disorder.box(" + fmt(strength) + ")";
        break;
      case BINARY:
        base = "Disorder.binary(" + fmt(strength) + ")";
        break;
      default:
        base = "Disorder.cauchy(" + fmt(strength) + ")";
    }
    return seed == null ? base : base + ".seed(" + seed.value() + ")";
  }

  private static String fmt(double x) {
    return String.format(Locale.ROOT, "%s", x);
  }
}
