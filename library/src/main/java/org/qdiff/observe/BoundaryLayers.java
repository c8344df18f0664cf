package org.qdiff.observe;

import java.util.concurrent.ConcurrentHashMap;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Parallel;

/** Which sites lie in the outer layers of a box, cached per lattice and margin. */
final class BoundaryLayers {

  private static final ConcurrentHashMap<Lattice, int[]> DEPTHS = new ConcurrentHashMap<>();

  private BoundaryLayers() {}

  static double weight(Lattice lattice, int margin, double[] p) {
    if (!lattice.isBox()) {
      return 0.0; // a graph has no faces: nothing stands in for an infinite lattice
    }
    int[] depth = DEPTHS.computeIfAbsent(lattice, l -> periodicAwareDepths(l));
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

  /**
   * Distance to the nearest face; along a periodic axis, to where the torus wraps as seen from the
   * origin, which with centred coordinates is the same faces.
   */
  private static int[] periodicAwareDepths(Lattice lattice) {
    if (DEPTHS.size() > 16) {
      DEPTHS.clear(); // a notebook may build many lattices: keep the cache small
    }
    return lattice.boundaryDistances();
  }
}
