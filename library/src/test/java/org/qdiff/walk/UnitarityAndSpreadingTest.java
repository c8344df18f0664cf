package org.qdiff.walk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.qdiff.frame.Columns;
import org.qdiff.lattice.Lattice;
import org.qdiff.observe.Observables;
import org.qdiff.propagate.Trajectory;

/**
 * Coin and shift are unitary, so the walk conserves probability on every lattice; the Grover walk
 * on Z^2 spreads ballistically; the shift on a graph agrees with the shift on the same box.
 */
class UnitarityAndSpreadingTest {

  private static double largestNormDrift(
      Lattice lattice, Coin coin, Shift shift, int steps, Complex... start) {
    double[] norm =
        CoinedWalk.on(lattice)
            .coin(coin)
            .shift(shift)
            .steps(steps)
            .observe(Observables.norm())
            .run(CoinedState.atOrigin(lattice, start))
            .column(Columns.NORM);
    double worst = 0;
    for (double n : norm) {
      worst = Math.max(worst, Math.abs(n - 1));
    }
    return worst;
  }

  /** A coin state with c unequal complex amplitudes. */
  private static Complex[] generic(int c) {
    Complex[] z = new Complex[c];
    for (int k = 0; k < c; k++) {
      z[k] = new Complex(Math.cos(1.3 * k + 0.2), Math.sin(0.7 * k * k + 0.5));
    }
    return z;
  }

  /** The Petersen graph: 10 vertices, 3-regular. */
  private static Lattice petersen() {
    List<int[]> edges = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      edges.add(new int[] {i, (i + 1) % 5});
      edges.add(new int[] {i, i + 5});
      edges.add(new int[] {5 + i, 5 + (i + 2) % 5});
    }
    return Lattice.graph(10, edges.toArray(new int[0][]));
  }

  @Test
  void standardCoinsConserveTheNormOverManySteps() {
    Lattice ring = Lattice.cycle(101);
    Lattice torus = Lattice.square(41).periodic().build();
    Lattice cube = Lattice.cubic(11).periodic().build();
    assertTrue(largestNormDrift(ring, Coin.hadamard(), Shift.MOVING, 1000, generic(2)) < 1e-12);
    assertTrue(largestNormDrift(ring, Coin.hadamard(), Shift.FLIP_FLOP, 1000, generic(2)) < 1e-12);
    assertTrue(largestNormDrift(torus, Coin.grover(4), Shift.MOVING, 300, generic(4)) < 1e-12);
    assertTrue(largestNormDrift(torus, Coin.fourier(4), Shift.FLIP_FLOP, 300, generic(4)) < 1e-12);
    assertTrue(largestNormDrift(cube, Coin.grover(6), Shift.MOVING, 100, generic(6)) < 1e-12);
    assertTrue(
        largestNormDrift(Lattice.hypercube(3), Coin.fourier(3), Shift.FLIP_FLOP, 1000, generic(3))
            < 1e-12);
    assertTrue(
        largestNormDrift(Lattice.complete(5), Coin.grover(4), Shift.FLIP_FLOP, 1000, generic(4))
            < 1e-12);
    assertTrue(
        largestNormDrift(Lattice.hypercube(8), Coin.grover(8), Shift.FLIP_FLOP, 200, generic(8))
            < 1e-12);
  }

  @Test
  void userCoinsConserveTheNormOverManySteps() {
    double a = 0.3;
    Complex[][] u2 = {
      {new Complex(Math.cos(a)), Complex.valueOf(0, 0.7).exp().multiply(Math.sin(a))},
      {
        Complex.valueOf(0, -1.1).exp().multiply(Math.sin(a)),
        Complex.valueOf(0, 0.7 - 1.1).exp().multiply(-Math.cos(a))
      }
    };
    Lattice ring = Lattice.cycle(101);
    assertTrue(largestNormDrift(ring, Coin.of(u2), Shift.MOVING, 1000, generic(2)) < 1e-12);
    assertTrue(largestNormDrift(ring, Coin.of(u2), Shift.FLIP_FLOP, 1000, generic(2)) < 1e-12);

    // A rotation of R^3 about the axis (1, 1, 1) by 1 radian, on the 3-regular Petersen graph.
    double c = Math.cos(1);
    double s = Math.sin(1);
    double n = 1 / Math.sqrt(3);
    double[][] rotation = new double[3][3];
    for (int j = 0; j < 3; j++) {
      for (int k = 0; k < 3; k++) {
        // Rodrigues: R = c 1 + s [n]_x + (1 - c) n n^T
        double cross = j == k ? 0 : ((k - j + 3) % 3 == 1 ? -n : n);
        rotation[j][k] = (j == k ? c : 0) + s * cross + (1 - c) * n * n;
      }
    }
    assertTrue(
        largestNormDrift(petersen(), Coin.of(rotation), Shift.FLIP_FLOP, 1000, generic(3)) < 1e-12);

    // Fourier coin with phases on its rows, on the torus.
    Complex[][] phased = new Complex[4][4];
    Coin f = Coin.fourier(4);
    for (int j = 0; j < 4; j++) {
      for (int k = 0; k < 4; k++) {
        phased[j][k] = f.entry(j, k).multiply(Complex.valueOf(0, 0.37 * j * j).exp());
      }
    }
    Lattice torus = Lattice.square(21).periodic().build();
    assertTrue(largestNormDrift(torus, Coin.of(phased), Shift.MOVING, 300, generic(4)) < 1e-12);
  }

  /**
   * The uniform coin state s is the +1 eigenvector of the Grover coin G = 2|s><s| - 1. Flip-flop
   * walk from s at the origin of Z^2: at t = 1 amplitude 1/2 on each neighbour, in the arc pointing
   * back. At t = 2, G e_back / 2 = (1/4, .., -1/4 on the back arc, ..): each neighbour sends -1/4
   * back to the origin (4 different arcs: p(0) = 4/16 = 1/4), 1/4 straight on (p = 1/16 at distance
   * 2 along an axis) and 1/4 to each diagonal site, which two neighbours reach (p = 2/16 = 1/8).
   */
  @Test
  void groverWalkOnZ2HasTheExactFirstTwoSteps() {
    Lattice torus = Lattice.square(9).periodic().build();
    Trajectory<CoinedState> run =
        CoinedWalk.on(torus)
            .coin(Coin.grover(4))
            .shift(Shift.FLIP_FLOP)
            .steps(2)
            .observe(Observables.meanSquaredDisplacement())
            .keepStates()
            .run(CoinedState.atOrigin(torus, Complex.ONE, Complex.ONE, Complex.ONE, Complex.ONE));
    CoinedState one = run.state(1);
    for (int[] x : new int[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
      assertEquals(0.25, one.probability(torus.site(x)), 1e-15);
    }
    CoinedState two = run.state(2);
    assertEquals(0.25, two.probability(torus.origin()), 1e-15);
    for (int[] x : new int[][] {{2, 0}, {-2, 0}, {0, 2}, {0, -2}}) {
      assertEquals(1.0 / 16, two.probability(torus.site(x)), 1e-15);
    }
    for (int[] x : new int[][] {{1, 1}, {1, -1}, {-1, 1}, {-1, -1}}) {
      assertEquals(1.0 / 8, two.probability(torus.site(x)), 1e-15);
    }
    // <|x|^2> = 4 (4/16) + 2 (4/8) = 2 at t = 2.
    assertEquals(2.0, run.column(Columns.MSD)[2], 1e-14);
  }

  @Test
  void groverWalkOnZ2SpreadsBallistically() {
    int t = 80;
    Lattice torus = Lattice.square(2 * t + 3).periodic().build();
    Trajectory<CoinedState> run =
        CoinedWalk.on(torus)
            .coin(Coin.grover(4))
            .shift(Shift.FLIP_FLOP)
            .steps(t)
            .observe(Observables.meanSquaredDisplacement(), Observables.returnProbability())
            .run(CoinedState.atOrigin(torus, Complex.ONE, Complex.ONE, Complex.ONE, Complex.ONE));
    double[] msd = run.column(Columns.MSD);
    // MSD ~ t^alpha with alpha = 2 (ballistic), not 1 (the classical walk's MSD = t).
    double alpha = Math.log(msd[t] / msd[t / 2]) / Math.log(2);
    assertEquals(2.0, alpha, 0.05, "exponent of the MSD between t = 40 and 80");
    assertTrue(msd[t] > 0.3 * t * t, "MSD(80) = " + msd[t] + " is of order t^2");
    // This start does not localize: the origin empties.
    assertTrue(run.column(Columns.RETURN_PROBABILITY)[t] < 1e-3);
  }

  /**
   * The Grover coin commutes with relabelling the arcs and the uniform coin state is invariant, so
   * the flip-flop Grover walk is the same whatever order the arcs are numbered in: on a box (arcs
   * by direction) and on the graph with the same edges (arcs by neighbour number) the position
   * probabilities agree at every step.
   */
  @Test
  void flipFlopShiftOnAGraphMatchesTheSameWalkOnTheBox() {
    for (Lattice box :
        new Lattice[] {Lattice.cycle(9), Lattice.square(7).periodic().build(), Lattice.cycle(4)}) {
      int[][] adjacency = box.adjacency();
      List<int[]> edges = new ArrayList<>();
      for (int i = 0; i < box.size(); i++) {
        for (int k = adjacency[0][i]; k < adjacency[0][i + 1]; k++) {
          if (adjacency[1][k] > i) {
            edges.add(new int[] {i, adjacency[1][k]});
          }
        }
      }
      Lattice graph = Lattice.graph(box.size(), edges.toArray(new int[0][]));
      int c = 2 * box.dimension();
      Complex[] uniform = new Complex[c];
      java.util.Arrays.fill(uniform, Complex.ONE);
      int steps = 30;
      Trajectory<CoinedState> onBox =
          CoinedWalk.on(box)
              .coin(Coin.grover(c))
              .shift(Shift.FLIP_FLOP)
              .steps(steps)
              .keepStates()
              .run(CoinedState.at(box, box.origin(), uniform));
      Trajectory<CoinedState> onGraph =
          CoinedWalk.on(graph)
              .coin(Coin.grover(c))
              .steps(steps)
              .keepStates()
              .run(CoinedState.at(graph, box.origin(), uniform));
      for (int t = 0; t <= steps; t++) {
        double[] p = onBox.state(t).probabilityArray();
        double[] q = onGraph.state(t).probabilityArray();
        for (int x = 0; x < p.length; x++) {
          assertEquals(p[x], q[x], 1e-13, box + ", t = " + t + ", site " + x);
        }
      }
    }
  }
}
