package org.qdiff.rotor;

import org.qdiff.numeric.Check;
import org.qdiff.random.Seed;

/**
 * Configures an ensemble of the standard map: how many particles, the seed of their initial angles
 * and their initial momenta. Mutable and cheap; {@link #build()} validates.
 *
 * <pre>{@code
 * var map = StandardMap.kickStrength(10).particles(100_000).seed(7).build();
 * }</pre>
 */
public final class StandardMapBuilder {

  private final double kickStrength;
  private int particles = -1;
  private Seed seed;
  private double initialMomentum;
  private double momentumSpread;

  StandardMapBuilder(double kickStrength) {
    this.kickStrength = kickStrength;
  }

  /**
   * The number M of particles.
   *
   * @param count M {@code >= 2} (a standard error needs two)
   * @return this builder
   * @throws IllegalArgumentException otherwise
   */
  public StandardMapBuilder particles(int count) {
    this.particles = Check.atLeast("StandardMap.particles", "count", count, 2);
    return this;
  }

  /**
   * The seed of the initial conditions: particle i starts at the angle {@code theta_i = 2 pi
   * seed.uniform(0, i)} (stream 0) and, with a momentum spread w, at the momentum {@code p_0 + w
   * (seed.uniform(1, i) - 1/2)} (stream 1). Particle i gets the same start however many threads
   * run.
   *
   * @param value any long
   * @return this builder
   */
  public StandardMapBuilder seed(long value) {
    this.seed = Seed.of(value);
    return this;
  }

  /**
   * The seed of the initial conditions.
   *
   * @param seed not null
   * @return this builder
   * @throws IllegalArgumentException if seed is null
   * @see #seed(long)
   */
  public StandardMapBuilder seed(Seed seed) {
    this.seed = Check.notNull("StandardMap.seed", "seed", seed);
    return this;
  }

  /**
   * The centre {@code p_0} of the initial momenta (default 0).
   *
   * @param p0 finite
   * @return this builder
   * @throws IllegalArgumentException otherwise
   */
  public StandardMapBuilder initialMomentum(double p0) {
    this.initialMomentum = Check.finite("StandardMap.initialMomentum", "p0", p0);
    return this;
  }

  /**
   * The width w of the initial momenta, uniform in {@code [p_0 - w/2, p_0 + w/2)} (default 0: all
   * particles start with p_0). With {@code w = 2 pi} the ensemble fills the torus (theta, p mod 2
   * pi) uniformly, the invariant measure of the map: then the angle correlations are stationary
   * from the first kick, and e.g. {@code <(p_3 - p_0)^2> = K^2 (3/2 - J_2(K))} exactly.
   *
   * @param width w, finite and {@code >= 0}
   * @return this builder
   * @throws IllegalArgumentException otherwise
   */
  public StandardMapBuilder momentumSpread(double width) {
    this.momentumSpread = Check.nonNegative("StandardMap.momentumSpread", "width", width);
    return this;
  }

  /**
   * The ensemble.
   *
   * @return an immutable, thread-safe standard map ensemble
   * @throws IllegalStateException if {@link #particles} or {@link #seed} was not called
   */
  public StandardMap build() {
    if (particles < 0) {
      throw new IllegalStateException(
          "StandardMap.build: set the number of particles first, e.g. .particles(100_000)");
    }
    if (seed == null) {
      throw new IllegalStateException(
          "StandardMap.build: set the seed of the initial angles first, e.g. .seed(7)");
    }
    return new StandardMap(kickStrength, particles, seed, initialMomentum, momentumSpread);
  }

  @Override
  public String toString() {
    return "StandardMapBuilder: K = "
        + kickStrength
        + ", M = "
        + (particles < 0 ? "? (call particles(count))" : particles)
        + ", seed = "
        + (seed == null ? "? (call seed(value))" : seed.value())
        + ", p0 = "
        + initialMomentum
        + ", spread = "
        + momentumSpread
        + "; then call build()";
  }
}
