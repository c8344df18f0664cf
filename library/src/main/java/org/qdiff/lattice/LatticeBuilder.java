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
    return Lattice.box(name, sides, periodic);
  }

  @Override
  public String toString() {
    return "LatticeBuilder["
        + name
        + " "
        + Arrays.toString(sides)
        + ", periodic "
        + Arrays.toString(periodic)
        + "]: call build()";
  }
}
