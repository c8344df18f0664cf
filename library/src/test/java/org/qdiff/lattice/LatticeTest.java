package org.qdiff.lattice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatticeTest {

  @Test
  void boxCoordinatesAreCentredAndRoundTrip() {
    Lattice box = Lattice.cubic(4, 5, 6).build();
    assertEquals(120, box.size());
    assertArrayEquals(new int[] {0, 0, 0}, box.coordinates(box.origin()));
    assertArrayEquals(new int[] {-2, -2, -3}, box.coordinates(0));
    assertArrayEquals(new int[] {1, 2, 2}, box.coordinates(119));
    for (int site = 0; site < box.size(); site++) {
      assertEquals(site, box.site(box.coordinates(site)));
    }
  }

  @Test
  void neighboursOnOpenAndPeriodicBoxes() {
    Lattice open = Lattice.square(5).build();
    Lattice torus = Lattice.square(5).periodic().build();
    int corner = open.site(-2, -2);
    assertEquals(2, open.degree(corner));
    assertEquals(4, torus.degree(corner));
    assertArrayEquals(
        new int[] {torus.site(-2, -1), torus.site(-2, 2), torus.site(-1, -2), torus.site(2, -2)},
        sorted(torus.neighbours(corner)));
    for (int site = 0; site < torus.size(); site++) {
      for (int other : torus.neighbours(site)) {
        assertEquals(1.0, torus.distance(site, other), 0.0);
      }
    }
  }

  @Test
  void distanceUsesTheMinimumImageOnATorus() {
    Lattice ring = Lattice.chain(10).periodic().build();
    assertEquals(1.0, ring.distance(ring.site(-5), ring.site(4)), 0.0);
    Lattice line = Lattice.chain(10).build();
    assertEquals(9.0, line.distance(line.site(-5), line.site(4)), 0.0);
    Lattice cube = Lattice.cubic(9).build();
    assertEquals(Math.sqrt(1 + 4 + 9), cube.distance(cube.origin(), cube.site(1, -2, 3)), 1e-15);
  }

  @Test
  void graphsHaveTheirDegreesAndHopDistances() {
    assertEquals(2, Lattice.cycle(7).degree(3));
    assertEquals(1, Lattice.path(7).degree(0));
    Lattice complete = Lattice.complete(6);
    assertEquals(5, complete.degree(2));
    assertEquals(1.0, complete.distance(0, 5), 0.0);
    Lattice cube = Lattice.hypercube(4);
    assertEquals(16, cube.size());
    assertEquals(4, cube.degree(9));
    assertEquals(Math.sqrt(9), cube.distance(0, 0b0111), 0.0); // 3 hops
    Lattice edges = Lattice.graph(4, new int[][] {{0, 1}, {1, 2}, {2, 3}, {1, 0}});
    assertEquals(3, edges.adjacency()[1].length / 2);
    assertEquals(3.0, edges.distance(0, 3), 0.0);
    assertTrue(Lattice.cycle(5).sameGeometry(Lattice.chain(5).periodic().build()));
  }

  private static int[] sorted(int[] a) {
    int[] b = a.clone();
    java.util.Arrays.sort(b);
    return b;
  }
}
