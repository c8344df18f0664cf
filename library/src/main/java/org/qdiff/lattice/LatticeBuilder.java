package org.qdiff.lattice;

import java.util.Arrays;
import org.qdiff.numeric.Check;

/**
 * Configures a box of Z^d: its side lengths (given to the factory) and its boundaries. Open by
 * default: the box stands in for Z^d with the wave function zero outside.
 */
public final class LatticeBuilder {

  private final String name;
  private final int[] sides;
  private final boolean[] periodic;
  private int internalStates = 1;

  LatticeBuilder(String name, int[] sides) {
    this.name = name;
    for (int a = 0; a < sides.length; a++) {
      Check.atLeast("Lattice." + name, "side length along axis " + a, sides[a], 1);
    }
    long n = 1;
    for (int s : sides) {
      n *= s;
    }
    if (n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "Lattice."
              + name
              + ": number of sites must be < 2^31, got "
              + n
              + " for sides "
              + Arrays.toString(sides));
    }
    this.sides = sides.clone();
    this.periodic = new boolean[sides.length];
  }

  /** Periodic boundaries on every axis (a torus). Each side must then be at least 3. */
  public LatticeBuilder periodic() {
    Arrays.fill(periodic, true);
    return this;
  }

  /**
   * Periodic boundary along the given axes only (0-based).
   *
   * @throws IllegalArgumentException if an axis is not in {@code [0, d-1]}
   */
  public LatticeBuilder periodic(int... axes) {
    for (int a : axes) {
      Check.index("LatticeBuilder.periodic", "axis", a, sides.length);
      periodic[a] = true;
    }
    return this;
  }

  /**
   * Gives every site {@code s} internal states, e.g. s = 2 for a spin 1/2: wave functions then have
   * N s components {@code psi(x, sigma)}, indexed {@code x * s + sigma}. Spin-independent terms
   * (hopping, potentials, disorder, flux) act as the identity on the internal states; spin-orbit
   * coupling mixes them. Default 1.
   *
   * @param s number of internal states, >= 1
   * @throws IllegalArgumentException if {@code s < 1}
   */
  public LatticeBuilder internalStates(int s) {
    this.internalStates = Check.atLeast("LatticeBuilder.internalStates", "s", s, 1);
    return this;
  }

  /** A spin 1/2 on every site: the same as {@code internalStates(2)}. */
  public LatticeBuilder spinHalf() {
    return internalStates(2);
  }

  /** Open boundaries on every axis (the default). */
  public LatticeBuilder open() {
    Arrays.fill(periodic, false);
    return this;
  }

  /**
   * Builds the lattice.
   *
   * @throws IllegalArgumentException if a periodic axis is shorter than 3 sites (its two neighbours
   *     would coincide)
   */
  public Lattice build() {
    for (int a = 0; a < sides.length; a++) {
      if (periodic[a] && sides[a] < 3) {
        throw new IllegalArgumentException(
            "LatticeBuilder.build: a periodic axis needs side length >= 3, got "
                + sides[a]
                + " along axis "
                + a
                + "; use open() for it");
      }
    }
    long states = (long) internalStates;
    for (int side : sides) {
      states *= side;
    }
    if (states > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "LatticeBuilder.build: sites times internal states must be < 2^31, got "
              + states
              + " for sides "
              + Arrays.toString(sides)
              + " and s = "
              + internalStates);
    }
    return Lattice.box(name, sides, periodic, internalStates);
  }

  @Override
  public String toString() {
    return "LatticeBuilder["
        + name
        + " "
        + Arrays.toString(sides)
        + ", periodic "
        + Arrays.toString(periodic)
        + (internalStates > 1 ? ", " + internalStates + " internal states" : "")
        + "]: call build()";
  }
}
