package org.qdiff.observe;

import org.qdiff.lattice.Lattice;

/** The probability in the outer layers of a box, site by site from one table per axis. */
final class BoundaryLayers {

  private BoundaryLayers() {}

  /**
   * {@code sum p(x)} over the sites within {@code margin} layers of a face, the depth of a site
   * being that of {@link Lattice#boundaryDistances()}: {@code min(u, side - 1 - u)} for coordinate
   * index u, smallest over the axes. 0 on a lattice that does not stand for Z^d.
   */
  static double weight(Sample s, int margin) {
    Lattice lattice = s.lattice();
    if (!lattice.standsForInfiniteLattice()) {
      return 0.0; // a graph, cycle or path is the whole system: nothing stands in for Z^d
    }
    int[] sides = lattice.sides();
    int last = sides.length - 1;
    boolean[][] outer = new boolean[sides.length][];
    for (int a = 0; a <= last; a++) {
      outer[a] = new boolean[sides[a]];
      for (int u = 0; u < sides[a]; u++) {
        outer[a][u] = Math.min(u, sides[a] - 1 - u) < margin;
      }
    }
    boolean[] lastOuter = outer[last];
    int lastSide = sides[last];
    return s.sum(
        (acc, p, offset, site, count) -> {
          // Row by row along the last axis: a row lies in the outer layers when another axis puts
          // it there; otherwise its sites do when the last axis does.
          int j = 0;
          while (j < count) {
            int i = site + j;
            int u = i % lastSide;
            int rest = i / lastSide;
            boolean rowOuter = false;
            for (int a = last - 1; a >= 0; a--) {
              rowOuter |= outer[a][rest % sides[a]];
              rest /= sides[a];
            }
            int run = Math.min(lastSide - u, count - j);
            int q = offset + j;
            for (int k = 0; k < run; k++) {
              if (rowOuter || lastOuter[u + k]) {
                acc += p[q + k];
              }
            }
            j += run;
          }
          return acc;
        });
  }
}
