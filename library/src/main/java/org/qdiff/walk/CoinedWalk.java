package org.qdiff.walk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Check;
import org.qdiff.numeric.Parallel;
import org.qdiff.observe.Observable;
import org.qdiff.observe.Observables;
import org.qdiff.observe.Sample;
import org.qdiff.progress.Progress;
import org.qdiff.progress.ProgressReporter;
import org.qdiff.propagate.NumericalException;
import org.qdiff.propagate.Trajectory;

/**
 * The discrete-time coined quantum walk: at every integer time the coin C acts on the internal
 * state at every site, then the shift S moves the walker according to that state,
 *
 * <pre>
 *   psi_{t+1} = S (1 x C) psi_t,     psi(x, k) -> sum_j C_jk psi(x, k) at (x, j) -> shifted.
 * </pre>
 *
 * Both factors are unitary, so the total probability stays 1; unlike the classical walk ({@link
 * org.qdiff.propagate.ClassicalWalk}), the amplitudes of different paths interfere. On Z with the
 * Hadamard coin the distribution develops two peaks racing out at speed 1/sqrt 2 and the variance
 * grows ballistically, {@code sigma^2 ~ (1 - 1/sqrt 2) t^2}, instead of {@code sigma^2 = t}.
 *
 * <pre>{@code
 * var line = Lattice.chain(2 * 1000 + 2).periodic().build();      // never wraps in 1000 steps
 * var run = CoinedWalk.on(line)
 *     .coin(Coin.hadamard())
 *     .shift(Shift.MOVING)
 *     .steps(1000)
 *     .observe(Observables.variance(), Observables.returnProbability())
 *     .run(CoinedState.atOrigin(line, Complex.ONE, Complex.I));    // (|0> + i|1>)/sqrt 2
 * run.table()                                                       // t = 0, 1, ..., 1000
 * }</pre>
 *
 * <p><b>Where it runs.</b> On a box of Z^d periodic along every axis (chains, squares, cubes,
 * cycles), with a coin of dimension c = 2d: coin index {@code 2a} steps along {@code +e_a}, index
 * {@code 2a + 1} along {@code -e_a} (on Z: index 0 to x + 1, index 1 to x - 1). Choose the box
 * larger than twice the number of steps to stand for the infinite lattice. On a regular graph
 * (cycle, hypercube, complete graph, any graph whose vertices all have degree c), with a coin of
 * dimension c whose index k is the arc to the k-th entry of {@link Lattice#neighbours}, and the
 * flip-flop shift. Open boxes are rejected: at a face the degree drops and a coin of fixed
 * dimension has nowhere to send the walker.
 *
 * <p>The walk is configured here and runs in {@link #run}; the builder may be reused. The step is a
 * fused coin-and-shift kernel on primitive arrays, parallel over sites with results independent of
 * the number of threads; the thread's interrupt flag is checked between steps.
 */
public final class CoinedWalk {

  /**
   * Largest drift {@code |sum |psi|^2 - 1|} accepted at an output time: far above the round-off of
   * a unitary step (about 1e-16 per step and per coin entry), far below any real loss.
   */
  public static final double NORM_TOLERANCE = 1e-6;

  private final Lattice lattice;
  private final int coinDimension;
  private Coin coin;
  private Shift shift;
  private int steps = -1;
  private final List<Observable> observables = new ArrayList<>();
  private boolean keepStates;

  private CoinedWalk(Lattice lattice, int coinDimension) {
    this.lattice = lattice;
    this.coinDimension = coinDimension;
  }

  /**
   * A coined walk on a lattice: a box of Z^d periodic along every axis, or a regular graph.
   *
   * @throws IllegalArgumentException if the lattice is null, a box with an open axis, or a graph
   *     whose vertices do not all have the same degree >= 1
   */
  public static CoinedWalk on(Lattice lattice) {
    String where = "CoinedWalk.on";
    Check.notNull(where, "lattice", lattice);
    if (lattice.isBox()) {
      for (int a = 0; a < lattice.dimension(); a++) {
        if (!lattice.isPeriodic(a)) {
          throw new IllegalArgumentException(
              where
                  + ": lattice must be periodic along every axis (at an open face a site has fewer"
                  + " than 2d neighbours, so a coin of dimension 2d has nowhere to send the"
                  + " walker), got "
                  + lattice
                  + " with axis "
                  + a
                  + " open; build it with .periodic() and a side > 2 steps so it never wraps");
        }
      }
    }
    return new CoinedWalk(lattice, CoinSpace.dimension(where, lattice));
  }

  /**
   * The coin applied at every site before each shift.
   *
   * @param coin a unitary coin of dimension c = 2d on a box of Z^d, or c = the degree on a graph
   * @throws IllegalArgumentException if the coin is null or its dimension is not the lattice's
   */
  public CoinedWalk coin(Coin coin) {
    String where = "CoinedWalk.coin";
    Check.notNull(where, "coin", coin);
    if (coin.dimension() != coinDimension) {
      throw new IllegalArgumentException(
          where
              + ": coin dimension must be "
              + coinDimension
              + (lattice.isBox()
                  ? " = 2d (one coin state per direction +e_a, -e_a) on "
                  : " = the degree of every vertex (one coin state per arc) on ")
              + lattice
              + ", got "
              + coin.dimension()
              + " ("
              + coin.name()
              + "); e.g. Coin.grover("
              + coinDimension
              + ")");
    }
    this.coin = coin;
    return this;
  }

  /**
   * How the walker moves after the coin (default: {@link Shift#MOVING} on a box, {@link
   * Shift#FLIP_FLOP} on a graph).
   *
   * @throws IllegalArgumentException if the shift is null, or {@link Shift#MOVING} on a graph
   *     (where directions have no meaning common to all vertices)
   */
  public CoinedWalk shift(Shift shift) {
    String where = "CoinedWalk.shift";
    Check.notNull(where, "shift", shift);
    if (shift == Shift.MOVING && !lattice.isBox()) {
      throw new IllegalArgumentException(
          where
              + ": shift MOVING needs directions that mean the same at every site (a box of Z^d or"
              + " Lattice.cycle), got "
              + lattice
              + "; use Shift.FLIP_FLOP on a graph");
    }
    this.shift = shift;
    return this;
  }

  /**
   * Number of steps t; the table has rows t = 0, 1, ..., steps.
   *
   * @param count >= 1
   * @throws IllegalArgumentException if {@code count < 1}
   */
  public CoinedWalk steps(int count) {
    this.steps = Check.atLeast("CoinedWalk.steps", "count", count, 1);
    return this;
  }

  /**
   * The observables to tabulate at every step (default: norm, mean squared displacement and return
   * probability). Observables of the position probabilities {@code p(x) = sum_k |psi(x, k)|^2} all
   * work, e.g. {@link Observables#variance()}.
   *
   * @throws IllegalArgumentException if the list or an observable is null
   */
  public CoinedWalk observe(Observable... list) {
    Check.notNull("CoinedWalk.observe", "observables", list);
    for (Observable o : list) {
      observables.add(Check.notNull("CoinedWalk.observe", "observable", o));
    }
    return this;
  }

  /** Keeps the state at every step (for profiles: {@code trajectory.marginals(0)}). */
  public CoinedWalk keepStates() {
    this.keepStates = true;
    return this;
  }

  /**
   * Runs the walk from an initial state.
   *
   * @param initial a state on this walk's lattice (e.g. {@link CoinedState#atOrigin})
   * @return the observables at t = 0, 1, ..., steps, the final state, and the states if kept
   * @throws IllegalStateException if {@link #coin} or {@link #steps} was not called
   * @throws IllegalArgumentException if the state is null or lives on another lattice
   * @throws NumericalException if the norm drifts beyond {@value #NORM_TOLERANCE} (a non-finite
   *     value in the state)
   * @throws CancellationException if the thread is interrupted (the notebook's Interrupt)
   */
  public Trajectory<CoinedState> run(CoinedState initial) {
    String where = "CoinedWalk.run";
    Check.notNull(where, "initial", initial);
    if (coin == null) {
      throw new IllegalStateException(
          where + ": call coin(...) before run, e.g. coin(Coin.grover(" + coinDimension + "))");
    }
    if (steps < 0) {
      throw new IllegalStateException(where + ": call steps(count) before run");
    }
    if (!lattice.sameGeometry(initial.lattice())) {
      throw new IllegalArgumentException(
          where
              + ": the initial state lives on "
              + initial.lattice()
              + " but the walk is on "
              + lattice);
    }
    long started = System.nanoTime();
    Shift s = effectiveShift();
    List<Observable> measured =
        observables.isEmpty()
            ? List.of(
                Observables.norm(),
                Observables.meanSquaredDisplacement(),
                Observables.returnProbability())
            : List.copyOf(observables);
    int n = lattice.size();
    int c = coinDimension;
    CoinedStep step = new CoinedStep(coin, CoinedStep.targets(lattice, s, c), n);

    // Two buffers, swapped each step; the loop bodies for both directions are made once.
    double[] aRe = initial.re.clone();
    double[] aIm = initial.im.clone();
    double[] bRe = new double[aRe.length];
    double[] bIm = new double[aIm.length];
    Parallel.RangeBody forward = step.body(aRe, aIm, bRe, bIm);
    Parallel.RangeBody backward = step.body(bRe, bIm, aRe, aIm);
    double[] p = new double[n];
    Parallel.RangeBody probabilitiesA =
        (from, to) -> CoinedStep.probabilityRange(c, aRe, aIm, p, from, to);
    Parallel.RangeBody probabilitiesB =
        (from, to) -> CoinedStep.probabilityRange(c, bRe, bIm, p, from, to);

    double[] times = new double[steps + 1];
    double[][] columns = new double[measured.size()][steps + 1];
    List<CoinedState> states = new ArrayList<>();
    boolean inA = true;
    try (ProgressReporter progress = Progress.start("coined walk", steps + 1)) {
      for (int t = 0; t <= steps; t++) {
        if (t > 0) {
          Parallel.forRange(n, inA ? forward : backward);
          inA = !inA;
          if (Thread.interrupted()) {
            throw new CancellationException(where + ": interrupted at t = " + t);
          }
        }
        double[] re = inA ? aRe : bRe;
        double[] im = inA ? aIm : bIm;
        Parallel.forRange(n, inA ? probabilitiesA : probabilitiesB);
        checkNorm(where, t, p);
        CoinedState view = new CoinedState(lattice, c, re, im);
        Sample sample = Sample.sharing(t, view, p);
        times[t] = t;
        for (int o = 0; o < measured.size(); o++) {
          columns[o][t] = measured.get(o).measure(sample);
        }
        if (keepStates) {
          states.add(new CoinedState(lattice, c, re.clone(), im.clone()));
        }
        progress.advance(t + 1);
      }
    }
    CoinedState last =
        keepStates
            ? states.get(states.size() - 1)
            : new CoinedState(lattice, c, (inA ? aRe : bRe).clone(), (inA ? aIm : bIm).clone());
    String[] names = measured.stream().map(Observable::name).toArray(String[]::new);
    return Trajectory.of(
        "coined walk: " + coin.name() + " coin, " + describe(s) + " shift",
        times,
        names,
        columns,
        last,
        states,
        0,
        (System.nanoTime() - started) * 1e-9);
  }

  private Shift effectiveShift() {
    if (shift != null) {
      return shift;
    }
    return lattice.isBox() ? Shift.MOVING : Shift.FLIP_FLOP;
  }

  private static void checkNorm(String where, int t, double[] p) {
    double norm =
        Parallel.sum(
            p.length,
            (from, to) -> {
              double acc = 0;
              for (int i = from; i < to; i++) {
                acc += p[i];
              }
              return acc;
            });
    if (!(Math.abs(norm - 1) <= NORM_TOLERANCE)) {
      throw new NumericalException(
          t,
          where
              + ": at t = "
              + t
              + " the norm sum |psi|^2 = "
              + norm
              + " differs from 1 by more than "
              + NORM_TOLERANCE
              + " (a non-finite amplitude, or a coin far from unitary)");
    }
  }

  private static String describe(Shift shift) {
    return shift == Shift.MOVING ? "moving" : "flip-flop";
  }

  /** What is configured, what is missing, and what to call next. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("CoinedWalk on ").append(lattice);
    s.append(", coin ").append(coin == null ? "not set" : coin.toString());
    s.append(", ").append(describe(effectiveShift())).append(" shift");
    s.append(", ").append(steps < 0 ? "steps not set" : steps + " steps");
    List<String> missing = new ArrayList<>();
    if (coin == null) {
      missing.add(
          "coin(Coin.grover(" + coinDimension + ")) or another coin of dimension " + coinDimension);
    }
    if (steps < 0) {
      missing.add("steps(count)");
    }
    s.append(
        missing.isEmpty()
            ? "; call run(initial)"
            : "; missing: " + String.join(", ", missing) + ", then run(initial)");
    return s.toString();
  }
}
