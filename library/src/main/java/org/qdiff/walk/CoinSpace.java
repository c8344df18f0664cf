package org.qdiff.walk;

import org.qdiff.lattice.Lattice;

/** The coin space of a lattice: how many internal states a walker there has. */
final class CoinSpace {

  private CoinSpace() {}

  /**
   * The coin dimension c of a lattice: 2d on a box of Z^d (one state per direction), the common
   * degree on a regular graph.
   *
   * @param where the user's method, for the message
   * @throws IllegalArgumentException if the lattice is a graph whose vertices do not all have the
   *     same degree >= 1 (a coin of one fixed dimension then cannot act at every vertex)
   */
  static int dimension(String where, Lattice lattice) {
    if (lattice.isBox()) {
      return 2 * lattice.dimension();
    }
    int[] start = lattice.adjacency()[0];
    int degree = start[1] - start[0];
    for (int x = 1; x < lattice.size(); x++) {
      int dx = start[x + 1] - start[x];
      if (dx != degree) {
        throw new IllegalArgumentException(
            where
                + ": lattice must be a regular graph (every vertex with the same degree, which is"
                + " the coin dimension), got vertex 0 of degree "
                + degree
                + " and vertex "
                + x
                + " of degree "
                + dx
                + " on "
                + lattice);
      }
    }
    if (degree < 1) {
      throw new IllegalArgumentException(
          where + ": lattice must have edges (degree >= 1) for a walker to move, got " + lattice);
    }
    return degree;
  }
}
