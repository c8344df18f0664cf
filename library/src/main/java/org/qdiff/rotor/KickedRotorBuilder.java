package org.qdiff.rotor;

import org.qdiff.numeric.Check;

/**
 * Configures a {@link KickedRotor}: the kick strength K (given to {@link
 * KickedRotor#kickStrength}), the effective Planck constant and the number of momenta kept. Mutable
 * and cheap; {@link #build()} validates and precomputes the phases once.
 *
 * <pre>{@code
 * var rotor = KickedRotor.kickStrength(5).hbar(1).momenta(1024).build();
 * }</pre>
 */
public final class KickedRotorBuilder {

  /**
   * Largest number of momenta: the free phase {@code hbarEff n^2 / 2} of the outermost momenta must
   * keep a useful number of bits in a double (n^2 below 2^46), and the buffers must fit in memory.
   */
  public static final int MAX_MOMENTA = 1 << 24;

  private final double kickStrength;
  private double hbar = Double.NaN;
  private int momenta = -1;

  KickedRotorBuilder(double kickStrength) {
    this.kickStrength = kickStrength;
  }

  /**
   * The effective Planck constant {@code hbarEff} (often written k-bar): the momentum is {@code p =
   * hbarEff n} for integer n. In the units of the model (moment of inertia 1, kick period 1) it is
   * the ratio of Planck's constant to the classical action scale; the classical limit is {@code
   * hbarEff -> 0} at fixed K. Quantum resonances sit at {@code hbarEff = 4 pi r / s}.
   *
   * @param hbarEff finite and {@code > 0}
   * @return this builder
   * @throws IllegalArgumentException otherwise
   */
  public KickedRotorBuilder hbar(double hbarEff) {
    this.hbar = Check.positive("KickedRotor.hbar", "hbarEff", hbarEff);
    return this;
  }

  /**
   * The number N of momenta kept: n runs over {@code [-N/2, N/2)} (for odd N over {@code [-(N-1)/2,
   * (N-1)/2]}), and the angle grid has the N points {@code theta_j = 2 pi j / N}. Any N works;
   * powers of two are fastest (JTransforms' split-radix; products of 2, 3 and 5 are nearly as fast,
   * other sizes fall back to Bluestein's algorithm, several times slower). Choose N so that the
   * state stays well inside the grid: the evolution fails when probability reaches its edges.
   *
   * @param count N in {@code [3, 2^24]} (the momentum lattice is a periodic chain, which needs 3
   *     sites)
   * @return this builder
   * @throws IllegalArgumentException otherwise
   */
  public KickedRotorBuilder momenta(int count) {
    if (count < 3 || count > MAX_MOMENTA) {
      throw new IllegalArgumentException(
          "KickedRotor.momenta: N must be in [3, " + MAX_MOMENTA + "], got " + count);
    }
    this.momenta = count;
    return this;
  }

  /**
   * The rotor: phases of the kick and of the free rotation computed once.
   *
   * @return an immutable, thread-safe rotor
   * @throws IllegalStateException if {@link #hbar} or {@link #momenta} was not called
   * @throws IllegalArgumentException if {@code K / hbarEff} or the largest free phase {@code
   *     hbarEff (N/2)^2 / 2} is not a finite number
   */
  public KickedRotor build() {
    if (Double.isNaN(hbar)) {
      throw new IllegalStateException(
          "KickedRotor.build: set the effective Planck constant first, e.g. .hbar(1.0)");
    }
    if (momenta < 0) {
      throw new IllegalStateException(
          "KickedRotor.build: set the number of momenta first, e.g. .momenta(1024)");
    }
    // Both phases must be finite numbers for every momentum and angle kept.
    if (!Double.isFinite(kickStrength / hbar)) {
      throw new IllegalArgumentException(
          "KickedRotor.build: K / hbarEff must be finite, got K = "
              + kickStrength
              + " and hbarEff = "
              + hbar);
    }
    double half = momenta / 2 + 1;
    if (!Double.isFinite(hbar * half * half)) {
      throw new IllegalArgumentException(
          "KickedRotor.build: hbarEff n^2 / 2 must be finite for |n| <= N/2, got hbarEff = "
              + hbar
              + " with N = "
              + momenta);
    }
    return new KickedRotor(kickStrength, hbar, momenta);
  }

  @Override
  public String toString() {
    return "KickedRotorBuilder: K = "
        + kickStrength
        + ", hbarEff = "
        + (Double.isNaN(hbar) ? "? (call hbar(value))" : hbar)
        + ", N = "
        + (momenta < 0 ? "? (call momenta(count))" : momenta)
        + "; then call build()";
  }
}
