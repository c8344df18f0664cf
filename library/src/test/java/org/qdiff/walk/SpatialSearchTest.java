package org.qdiff.walk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qdiff.lattice.Lattice;
import org.qdiff.propagate.TimeGrid;
import tech.tablesaw.api.Table;

class SpatialSearchTest {

  @Test
  void completeGraphSearchSucceedsWithCertaintyAtHalfPiRootN() {
    // With gamma N = 1 the walk is Grover's Hamiltonian -|s><s| - |w><w| (plus a constant):
    // P(t) = sin^2(t / sqrt N) + cos^2(t / sqrt N) / N, which is 1 at t = (pi / 2) sqrt N.
    int n = 1024;
    SpatialSearch search = SpatialSearch.on(Lattice.complete(n)).marked(17).hopping(1.0 / n);
    double tStar = search.optimalTimeEstimate();
    double[] times = {0, tStar / 3, tStar};
    double[] p = search.run(TimeGrid.of(times)).column("success_probability");
    for (int i = 0; i < times.length; i++) {
      double s = Math.sin(times[i] / Math.sqrt(n));
      double exact = s * s + (1 - s * s) / n;
      assertEquals(exact, p[i], 1e-9, "t = " + times[i]);
    }
    assertTrue(p[2] > 0.99, "success at the optimal time: " + p[2]);
  }

  @Test
  void completeGraphAtTheCriticalHoppingAlsoFindsTheVertex() {
    int n = 1024;
    SpatialSearch search = SpatialSearch.on(Lattice.complete(n)).marked(0);
    assertEquals((n - 1.0) / n / n, search.hoppingInUse(), 1e-18);
    double p =
        search.run(TimeGrid.of(search.optimalTimeEstimate())).column("success_probability")[0];
    assertTrue(p > 0.99, "success " + p);
  }

  @Test
  void hypercubeCriticalHoppingMatchesItsSpectrum() {
    // The closed form against the dense spectrum of the same graph given as an edge list.
    Lattice cube = Lattice.hypercube(6);
    int[][] adjacency = cube.adjacency();
    int edges = adjacency[1].length / 2;
    int[][] list = new int[edges][];
    int k = 0;
    for (int x = 0; x < cube.size(); x++) {
      for (int j = adjacency[0][x]; j < adjacency[0][x + 1]; j++) {
        if (adjacency[1][j] > x) {
          list[k++] = new int[] {x, adjacency[1][j]};
        }
      }
    }
    Lattice same = Lattice.graph(cube.size(), list);
    assertEquals(SpatialSearch.criticalHopping(same), SpatialSearch.criticalHopping(cube), 1e-12);
  }

  @Test
  void hypercubeSearchPeaksNearHalfPiRootNWithLargeSuccess() {
    for (int dimension = 8; dimension <= 12; dimension += 2) {
      SpatialSearch search = SpatialSearch.on(Lattice.hypercube(dimension)).marked(5);
      double estimate = search.optimalTimeEstimate();
      double[] p =
          search
              .run(TimeGrid.linear(0.5 * estimate, 1.5 * estimate, 101))
              .column("success_probability");
      int best = 0;
      for (int i = 1; i < p.length; i++) {
        if (p[i] > p[best]) {
          best = i;
        }
      }
      double tBest = 0.5 * estimate + best * estimate / 100;
      System.out.printf(
          "hypercube n = %d: best success %.4f at t = %.2f = %.3f (pi/2) sqrt N%n",
          dimension, p[best], tBest, tBest / estimate);
      assertTrue(p[best] > 0.5, "n = " + dimension + ": " + p[best]);
      assertEquals(1, tBest / estimate, 0.25);
    }
  }

  @Test
  void classicalSearchOnTheCompleteGraphFollowsItsExactLaw() {
    // From a uniform start, each step moves to one of the N - 1 other vertices:
    // P(not found by t) = (1 - 1/N) (1 - 1/(N - 1))^t.
    int n = 64;
    Table table = SpatialSearch.on(Lattice.complete(n)).marked(3).classical(200);
    double[] p = table.doubleColumn("success_probability").asDoubleArray();
    for (int t = 0; t <= 200; t += 25) {
      double exact = 1 - (1 - 1.0 / n) * Math.pow(1 - 1.0 / (n - 1), t);
      assertEquals(exact, p[t], 1e-13, "t = " + t);
    }
  }

  @Test
  void badInputIsRejectedNamingTheParameter() {
    Lattice graph = Lattice.complete(8);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SpatialSearch.on(graph).marked(8));
    assertTrue(e.getMessage().contains("8"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> SpatialSearch.on(graph).hopping(-1));
    assertTrue(e.getMessage().contains("gamma"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> SpatialSearch.on(graph).run(TimeGrid.of(1.0)));
    e =
        assertThrows(
            IllegalArgumentException.class, () -> SpatialSearch.criticalHopping(Lattice.path(5)));
    assertTrue(e.getMessage().contains("regular"), e.getMessage());
  }
}
