package org.qdiff.walk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.qdiff.lattice.Lattice;

/**
 * Every bad input to a walk or a coined state is refused where it is typed, naming the parameter.
 */
class WalkInputTest {

  private final Lattice line = Lattice.chain(21).periodic().build();

  private static void rejects(String mustMention, Executable e) {
    rejects(IllegalArgumentException.class, mustMention, e);
  }

  private static void rejects(Class<? extends Throwable> type, String mustMention, Executable e) {
    Throwable thrown = assertThrows(type, e);
    assertTrue(
        thrown.getMessage().contains(mustMention),
        "message should mention \"" + mustMention + "\": " + thrown.getMessage());
  }

  @Test
  void openBoxesAndIrregularGraphsHaveNoCoinOfFixedDimension() {
    rejects(
        "CoinedWalk.on: lattice must be periodic along every axis",
        () -> CoinedWalk.on(Lattice.chain(21).build()));
    rejects("axis 1 open", () -> CoinedWalk.on(Lattice.square(9).periodic(0).build()));
    rejects("lattice must be periodic", () -> CoinedWalk.on(Lattice.path(5)));
    Lattice star = Lattice.graph(4, new int[][] {{0, 1}, {0, 2}, {0, 3}});
    rejects("CoinedWalk.on: lattice must be a regular graph", () -> CoinedWalk.on(star));
    rejects("vertex 1 of degree 1", () -> CoinedWalk.on(star));
    rejects("degree >= 1", () -> CoinedWalk.on(Lattice.graph(3, new int[0][])));
    rejects("CoinedWalk.on: lattice must not be null", () -> CoinedWalk.on(null));
    rejects("CoinedState.at: lattice must be a regular graph", () -> CoinedState.at(star, 0));
  }

  @Test
  void coinDimensionMustMatchTheLattice() {
    rejects(
        "CoinedWalk.coin: coin dimension must be 2 = 2d",
        () -> CoinedWalk.on(line).coin(Coin.grover(3)));
    rejects(
        "coin dimension must be 4 = 2d",
        () -> CoinedWalk.on(Lattice.square(5).periodic().build()).coin(Coin.hadamard()));
    rejects(
        "coin dimension must be 3 = the degree",
        () -> CoinedWalk.on(Lattice.hypercube(3)).coin(Coin.hadamard()));
    rejects("got 2", () -> CoinedWalk.on(Lattice.complete(5)).coin(Coin.fourier(2)));
    rejects("coin must not be null", () -> CoinedWalk.on(line).coin(null));
  }

  @Test
  void movingShiftNeedsDirections() {
    rejects(
        "CoinedWalk.shift: shift MOVING needs directions",
        () -> CoinedWalk.on(Lattice.hypercube(3)).shift(Shift.MOVING));
    rejects("use Shift.FLIP_FLOP", () -> CoinedWalk.on(Lattice.complete(4)).shift(Shift.MOVING));
    rejects("shift must not be null", () -> CoinedWalk.on(line).shift(null));
  }

  @Test
  void stepsMustBePositive() {
    rejects("CoinedWalk.steps: count must be >= 1, got 0", () -> CoinedWalk.on(line).steps(0));
    rejects("count must be >= 1, got -3", () -> CoinedWalk.on(line).steps(-3));
  }

  @Test
  void coinStateMustHaveTheCoinDimensionAndBeNonZero() {
    rejects(
        "CoinedState.at: coinState must have 2 amplitudes",
        () -> CoinedState.atOrigin(line, Complex.ONE, Complex.ONE, Complex.ONE));
    rejects(
        "coinState must have 4 amplitudes",
        () -> CoinedState.atOrigin(Lattice.square(5).periodic().build(), Complex.ONE));
    rejects(
        "coinState must have 3 amplitudes",
        () -> CoinedState.at(Lattice.hypercube(3), 0, new double[2], new double[2]));
    rejects(
        "coinState must be non-zero", () -> CoinedState.atOrigin(line, Complex.ZERO, Complex.ZERO));
    rejects(
        "coinState[1] must be finite",
        () -> CoinedState.atOrigin(line, Complex.ONE, new Complex(Double.NaN, 0)));
    rejects("coinState[0] must not be null", () -> CoinedState.atOrigin(line, null, Complex.ONE));
    rejects(
        "coinReal and coinImaginary must have the same length",
        () -> CoinedState.at(line, 0, new double[] {1, 0}, new double[] {0}));
    rejects("site must be in [0, 20], got 21", () -> CoinedState.at(line, 21, Complex.ONE));
    rejects(
        "CoinedState.of: real and imaginary must have length N c = 21 x 2 = 42",
        () -> CoinedState.of(line, new double[21], new double[21]));
    rejects("must be non-zero", () -> CoinedState.of(line, new double[42], new double[42]));
  }

  @Test
  void runNeedsACoinStepsAndAStateOnTheSameLattice() {
    CoinedState start = CoinedState.atOrigin(line, Complex.ONE, Complex.I);
    rejects(
        IllegalStateException.class,
        "CoinedWalk.run: call coin(...) before run",
        () -> CoinedWalk.on(line).steps(3).run(start));
    rejects(
        IllegalStateException.class,
        "call steps(count) before run",
        () -> CoinedWalk.on(line).coin(Coin.hadamard()).run(start));
    Lattice other = Lattice.cycle(9);
    rejects(
        "CoinedWalk.run: the initial state lives on",
        () -> CoinedWalk.on(other).coin(Coin.hadamard()).steps(3).run(start));
    rejects(
        "initial must not be null",
        () -> CoinedWalk.on(line).coin(Coin.hadamard()).steps(3).run(null));
  }

  @Test
  void builderSaysWhatIsMissing() {
    String text = CoinedWalk.on(line).toString();
    assertTrue(text.contains("missing: coin(Coin.grover(2))"), text);
    assertTrue(text.contains("steps(count)"), text);
    String ready = CoinedWalk.on(line).coin(Coin.hadamard()).steps(5).toString();
    assertTrue(ready.contains("call run(initial)"), ready);
  }

  @Test
  void interruptedThreadCancelsTheRunBetweenSteps() {
    CoinedWalk walk = CoinedWalk.on(line).coin(Coin.hadamard()).steps(5);
    CoinedState start = CoinedState.atOrigin(line, Complex.ONE, Complex.I);
    Thread.currentThread().interrupt();
    try {
      rejects(CancellationException.class, "interrupted at t = 1", () -> walk.run(start));
    } finally {
      Thread.interrupted();
    }
    // The builder is reusable afterwards.
    assertEquals(6, walk.run(start).times().length);
  }
}
