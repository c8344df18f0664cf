package org.qdiff.walk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.qdiff.frame.Columns;
import org.qdiff.lattice.Lattice;
import org.qdiff.observe.Observables;
import org.qdiff.propagate.ClassicalWalk;
import org.qdiff.propagate.Trajectory;
import org.qdiff.state.Distribution;

/**
 * Walks on the four-site cycle, where interference makes the return to the start periodic.
 *
 * <p>Coin index 0 steps to x + 1, index 1 to x - 1; the walker starts at the origin with coin state
 * (alpha, beta).
 */
class FourCycleTest {

  private static final Lattice CYCLE = Lattice.cycle(4);

  /** Initial coin states (normalized by the factory), including complex and unequal ones. */
  private static final Complex[][] STARTS = {
    {Complex.ONE, Complex.ZERO},
    {Complex.ZERO, Complex.ONE},
    {Complex.ONE, Complex.I},
    {new Complex(0.6, 0), new Complex(0, 0.8)},
    {new Complex(0.3, -0.4), new Complex(-0.5, 0.2)}
  };

  private static Trajectory<CoinedState> walk(Coin coin, Shift shift, int steps, Complex[] start) {
    return CoinedWalk.on(CYCLE)
        .coin(coin)
        .shift(shift)
        .steps(steps)
        .observe(Observables.returnProbability(), Observables.norm())
        .keepStates()
        .run(CoinedState.atOrigin(CYCLE, start));
  }

  /**
   * Grover coin of dimension 2 = swap [[0, 1], [1, 0]] with the moving shift: (alpha, beta) at 0
   * becomes (beta, alpha); beta steps to +1, alpha to -1. Next step, beta at +1 is swapped into
   * coin 1 and steps back to 0, alpha at -1 into coin 0 and steps back to 0: U^2 = 1. The walker
   * bounces deterministically between the origin and its two neighbours.
   */
  @Test
  void swapCoinWithMovingShiftReturnsWithCertaintyEveryTwoStepsAndNeverOnOddSteps() {
    Coin grover = Coin.grover(2);
    for (Complex[] start : STARTS) {
      double[] p = walk(grover, Shift.MOVING, 12, start).column(Columns.RETURN_PROBABILITY);
      for (int t = 0; t <= 12; t++) {
        assertEquals(t % 2 == 0 ? 1.0 : 0.0, p[t], 1e-15, "p_t(0) at t = " + t);
      }
    }
  }

  @Test
  void swapCoinWithMovingShiftRestoresTheWholeStateAfterTwoSteps() {
    Complex[] start = STARTS[4];
    Trajectory<CoinedState> run = walk(Coin.grover(2), Shift.MOVING, 2, start);
    double[][] initial = run.state(0).toArrays();
    double[][] twoSteps = run.state(2).toArrays();
    for (int i = 0; i < initial[0].length; i++) {
      assertEquals(initial[0][i], twoSteps[0][i], 1e-15);
      assertEquals(initial[1][i], twoSteps[1][i], 1e-15);
    }
    // After one step: beta at +1 (coin 0), alpha at -1 (coin 1).
    CoinedState one = run.state(1);
    double alpha2 = 0.3 * 0.3 + 0.4 * 0.4;
    double beta2 = 0.5 * 0.5 + 0.2 * 0.2;
    assertEquals(beta2 / (alpha2 + beta2), one.probability(CYCLE.site(1)), 1e-15);
    assertEquals(alpha2 / (alpha2 + beta2), one.probability(CYCLE.site(-1)), 1e-15);
  }

  /**
   * Swap coin with the flip-flop shift: (alpha, beta) -> (beta, alpha), beta crosses to +1 and
   * arrives in coin 1, which the next swap turns into coin 0 again: beta keeps running to +t and
   * alpha to -t. On the 4-cycle they meet at the antipode at t = 2 and at the origin at t = 4.
   */
  @Test
  void swapCoinWithFlipFlopShiftCirclesTheRingAndReturnsEveryFourSteps() {
    for (Complex[] start : STARTS) {
      Trajectory<CoinedState> run = walk(Coin.grover(2), Shift.FLIP_FLOP, 12, start);
      double[] p = run.column(Columns.RETURN_PROBABILITY);
      for (int t = 0; t <= 12; t++) {
        assertEquals(t % 4 == 0 ? 1.0 : 0.0, p[t], 1e-15, "p_t(0) at t = " + t);
      }
      assertEquals(1.0, run.state(2).probability(CYCLE.site(-2)), 1e-15, "antipode at t = 2");
    }
  }

  /**
   * Hadamard coin, moving shift. In momentum space (k = 0, pi/2, pi, 3pi/2 on the 4-cycle) the step
   * is U(k) = diag(e^{-ik}, e^{ik}) H with trace -i sqrt2 sin k and determinant -1, so its
   * eigenvalues solve lambda^2 + i sqrt2 sin(k) lambda - 1 = 0: +-1 at k = 0, pi (U(k)^4 = 1) and
   * e^{-i pi/4}, e^{-3i pi/4} at k = pi/2 (U(k)^4 = -1). Hence U^8 = 1: period 8. The amplitude at
   * the origin after 4 steps is (1 + 1 - 1 - 1)/4 chi = 0; after 2 steps, by Cayley-Hamilton U(k)^2
   * = 1 - i sqrt2 sin(k) U(k), it is [[1, -1], [1, 1]]/2 chi, of squared norm 1/2; after 6 steps
   * (U^-2) also 1/2; odd steps cannot return on a cycle of even length. So p_t(0) = 1, 0, 1/2, 0,
   * 0, 0, 1/2, 0, 1, ... for every initial coin state chi.
   */
  @Test
  void hadamardWalkOnTheFourCycleIsPeriodicWithPeriodEight() {
    double[] exact = {1, 0, 0.5, 0, 0, 0, 0.5, 0};
    for (Complex[] start : STARTS) {
      Trajectory<CoinedState> run = walk(Coin.hadamard(), Shift.MOVING, 16, start);
      double[] p = run.column(Columns.RETURN_PROBABILITY);
      for (int t = 0; t <= 16; t++) {
        assertEquals(exact[t % 8], p[t], 1e-14, "p_t(0) at t = " + t);
      }
      double[][] initial = run.state(0).toArrays();
      double[][] eight = run.state(8).toArrays();
      for (int i = 0; i < initial[0].length; i++) {
        assertEquals(initial[0][i], eight[0][i], 1e-14, "U^8 = 1, real part " + i);
        assertEquals(initial[1][i], eight[1][i], 1e-14, "U^8 = 1, imaginary part " + i);
      }
    }
  }

  /**
   * The classical walker on the same cycle: after one step it is at +-1, after two it is back with
   * probability 1/2 (paths +- then -+) or at the antipode, and so on: 1/2 at every even t >= 2.
   */
  @Test
  void classicalWalkerOnTheFourCycleReturnsOnlyHalfTheTime() {
    double[] p =
        ClassicalWalk.on(CYCLE)
            .steps(8)
            .observe(Observables.returnProbability())
            .run(Distribution.delta(CYCLE))
            .column(Columns.RETURN_PROBABILITY);
    for (int t = 1; t <= 8; t++) {
      assertEquals(t % 2 == 0 ? 0.5 : 0.0, p[t], 1e-15, "p_t(0) at t = " + t);
    }
  }
}
