package org.qdiff.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.qdiff.lattice.Lattice;

/** The images of k0 and the disc averages of the contrast. */
class BackscatteringTest {

  @Test
  void genericMomentumHasSixImagesOnASquareAndTwoOnARectangle() {
    Lattice square = Lattice.square(30).periodic().build();
    Backscattering b = Backscattering.at(square, Math.PI / 3, Math.PI / 5);
    assertArrayEquals(
        new double[] {2 * Math.PI * 5 / 30, 2 * Math.PI * 3 / 30}, b.momentum(), 1e-15);
    assertEquals(6, b.images().size());
    assertEquals(2, Backscattering.at(Lattice.square(30, 20).build(), 1.0, 0.5).images().size());
    // On the diagonal the swaps give k0 itself: two images remain.
    assertEquals(2, Backscattering.at(square, 1.0, 1.0).images().size());
    assertEquals(46, Backscattering.at(Lattice.cubic(10).build(), 0.7, 1.3, 2.0).images().size());
  }

  @Test
  void contrastOfDiscAverages() {
    Lattice square = Lattice.square(30).periodic().build();
    Backscattering b = Backscattering.at(square, Math.PI / 3, Math.PI / 5).radius(0.25);
    double[] n = new double[square.size()];
    java.util.Arrays.fill(n, 2.0);
    assertEquals(0.0, b.contrast(n), 0.0);
    // Double the density in the disc around -k0 (5 grid points within 0.25 of it).
    int[] minus = {-5, -3};
    int[][] disc = {{0, 0}, {1, 0}, {-1, 0}, {0, 1}, {0, -1}};
    for (int[] d : disc) {
      n[square.site(minus[0] + d[0], minus[1] + d[1])] = 4.0;
    }
    assertEquals(1.0, b.contrast(n), 1e-15);
    assertEquals(2.0, b.forward(n), 0.0);
    n[square.site(-5 + 2, -3)] = 100; // 0.42 away: outside the disc
    assertEquals(1.0, b.contrast(n), 1e-15);
  }
}
