package org.qdiff.hamiltonian;

import java.util.Locale;
import org.qdiff.numeric.Check;
import org.qdiff.random.Seed;

/**
 * Spin-orbit coupling as random SU(2) hopping: every nearest-neighbour bond's hopping amplitude is
 * multiplied by its own 2 x 2 unitary matrix of determinant 1, so that the spin 1/2 of a lattice
 * with {@code internalStates(2)} rotates as the particle hops (the random SU(2) model of Asada,
 * Slevin and Ohtsuki, the standard model of the symplectic class: time-reversal symmetric with
 * {@code T^2 = -1}, since {@code sigma_y conj(U) sigma_y = U} for every U in SU(2)).
 *
 * <p>With strength lambda, a bond whose Haar-random matrix is {@code exp(i theta n.sigma)} (theta
 * in [0, pi], n a unit vector) gets {@code exp(i lambda theta n.sigma)}: lambda = 1 is the Haar
 * distribution, lambda = 0 the identity (no spin-orbit coupling), and the matrices stay in SU(2) in
 * between. The matrices are a function of (seed, bond) only. Immutable: setters return copies.
 */
public final class SpinOrbit {

  private final double strength;
  private final Seed seed;

  private SpinOrbit(double strength, Seed seed) {
    this.strength = strength;
    this.seed = seed;
  }

  /** Haar-random SU(2) matrices on every bond (strength 1); set a seed before use. */
  public static SpinOrbit randomSU2() {
    return new SpinOrbit(1.0, null);
  }

  /**
   * A copy with strength lambda: the fraction of each Haar-random rotation angle kept.
   *
   * @param lambda in [0, 1]
   */
  public SpinOrbit strength(double lambda) {
    Check.finite("SpinOrbit.strength", "lambda", lambda);
    if (lambda < 0 || lambda > 1) {
      throw new IllegalArgumentException(
          "SpinOrbit.strength: lambda must be in [0, 1] (0: no spin-orbit coupling, 1: Haar-random"
              + " SU(2)), got "
              + lambda);
    }
    return new SpinOrbit(lambda, seed);
  }

  /** A copy with the given seed. */
  public SpinOrbit seed(long value) {
    return new SpinOrbit(strength, Seed.of(value));
  }

  /** A copy with the given seed. */
  public SpinOrbit seed(Seed value) {
    return new SpinOrbit(strength, Check.notNull("SpinOrbit.seed", "seed", value));
  }

  /** The strength lambda in [0, 1]. */
  public double strength() {
    return strength;
  }

  /** The seed, or null if none was set. */
  public Seed seedOrNull() {
    return seed;
  }

  void requireSeed(String where) {
    if (seed == null) {
      throw new IllegalArgumentException(
          where + ": " + this + " has no seed; call .seed(long), e.g. " + this + ".seed(42)");
    }
  }

  /**
   * The SU(2) matrix of one bond, written row-major into {@code re[k..k+3]} and {@code im[k..k+3]}.
   *
   * @param bond a bond number, unique per (cell, axis)
   */
  void matrix(long stream, long bond, double[] re, double[] im, int k) {
    // A uniform point on the 3-sphere (four normals, normalized) is a Haar-random unit quaternion
    // q0 + i (q1 sigma_x + q2 sigma_y + q3 sigma_z).
    double q0 = seed.normal(stream, 4 * bond);
    double q1 = seed.normal(stream, 4 * bond + 1);
    double q2 = seed.normal(stream, 4 * bond + 2);
    double q3 = seed.normal(stream, 4 * bond + 3);
    double v = Math.sqrt(q1 * q1 + q2 * q2 + q3 * q3);
    double angle = Math.atan2(v, q0) * strength;
    double c = Math.cos(angle);
    double s = v > 0 ? Math.sin(angle) / v : 0.0;
    double n1 = q1 * s;
    double n2 = q2 * s;
    double n3 = q3 * s;
    // [[c + i n3, n2 + i n1], [-n2 + i n1, c - i n3]]
    re[k] = c;
    im[k] = n3;
    re[k + 1] = n2;
    im[k + 1] = n1;
    re[k + 2] = -n2;
    im[k + 2] = n1;
    re[k + 3] = c;
    im[k + 3] = -n3;
  }

  @Override
  public String toString() {
    String base =
        strength == 1.0
            ? "SpinOrbit.randomSU2()"
            : String.format(Locale.ROOT, "SpinOrbit.randomSU2().strength(%s)", strength);
    return seed == null ? base : base + ".seed(" + seed.value() + ")";
  }
}
