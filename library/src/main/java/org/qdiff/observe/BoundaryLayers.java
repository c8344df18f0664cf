package org.qdiff.observe;

import java.util.concurrent.ConcurrentHashMap;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Parallel;

/** Which sites lie in the outer layers of a box, cached per lattice and margin. */
final class BoundaryLayers {

  private static final ConcurrentHashMap<Lattice, int[]> DEPTHS = new ConcurrentHashMap<>();

  private BoundaryLayers() {}

  static double weight(Lattice lattice, int margin, double[] p) {
    if (!lattice.standsForInfiniteLattice()) {
      return 0.0; // a graph, cycle or path is the whole system: nothing stands in for Z^d
    }
    if (DEPTHS.size() > 16 && !DEPTHS.containsKey(lattice)) {
      DEPTHS.clear(); // a notebook may build many lattices: keep the cache small
    }
    int[] depth = DEPTHS.computeIfAbsent(lattice, Lattice::boundaryDistances);
    return Parallel.sum(
        p.length,
        (from, to) -> {
          double acc = 0;
          for (int i = from; i < to; i++) {
            if (depth[i] < margin) {
              acc += p[i];
            }
          }
          return acc;
        });
  }
}
