package org.qdiff.rotor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.qdiff.frame.Columns;
import org.qdiff.numeric.Check;
import org.qdiff.numeric.Parallel;
import org.qdiff.observe.Observable;
import org.qdiff.observe.Sample;
import org.qdiff.progress.Progress;
import org.qdiff.progress.ProgressReporter;
import org.qdiff.propagate.NumericalException;
import org.qdiff.propagate.Trajectory;
import org.qdiff.state.StateBuffers;
import org.qdiff.state.WaveFunction;

/**
 * A run of the kicked rotor from one state: how many kicks, how often to measure, what to measure
 * and which checks apply. Obtain one from {@link KickedRotor#evolve}, configure it, call {@link
 * #run()}.
 *
 * <pre>{@code
 * Trajectory<WaveFunction> run = rotor.evolve(rotor.momentumState(0))
 *     .kicks(1000)
 *     .every(10)
 *     .keepStates()
 *     .run();
 * run.table();   // t, p2, norm
 * }</pre>
 *
 * <p>At each output kick t the table gets {@code p2} = {@code <p^2> = hbarEff^2 sum_n n^2
 * |<n|psi_t>|^2} ({@link Columns#MOMENTUM_SQUARED}), {@code norm} and the added observables; the
 * state is checked there: finite, norm conserved to {@value #NORM_TOLERANCE} (the Floquet step is
 * unitary, so a drift means a failure), and little probability at the edges of the momentum grid.
 * Between output kicks the loop does only the Floquet step: two FFTs and two diagonal
 * multiplications on primitive arrays, no allocation.
 */
public final class RotorEvolution {

  /** Relative drift of the norm beyond which the run fails: far above round-off. */
  public static final double NORM_TOLERANCE = 1e-9;

  /** Default tolerance of the probability at the edges of the momentum grid. */
  public static final double DEFAULT_EDGE_TOLERANCE = 1e-10;

  private final KickedRotor rotor;
  private final WaveFunction initial;
  private int kicks = -1;
  private int every = 1;
  private boolean keepStates;
  private double edgeTolerance = DEFAULT_EDGE_TOLERANCE;
  private final List<Observable> observables = new ArrayList<>();

  RotorEvolution(KickedRotor rotor, WaveFunction initial) {
    this.rotor = rotor;
    this.initial = initial;
  }

  /**
   * The number T of kicks; the table has rows for the output kicks between 0 and T (both included).
   *
   * @param count T {@code >= 1}
   * @return this evolution
   * @throws IllegalArgumentException otherwise
   */
  public RotorEvolution kicks(int count) {
    this.kicks = Check.atLeast("RotorEvolution.kicks", "count", count, 1);
    return this;
  }

  /**
   * Measures every {@code interval} kicks: at t = 0, interval, 2 interval, ... and always at the
   * last kick T. Default 1: every kick.
   *
   * @param interval {@code >= 1}
   * @return this evolution
   * @throws IllegalArgumentException otherwise
   */
  public RotorEvolution every(int interval) {
    this.every = Check.atLeast("RotorEvolution.every", "interval", interval, 1);
    return this;
  }

  /**
   * Adds observables (columns) measured at each output kick beside p2 and norm, e.g. {@code
   * Observables.participationRatio()}: the number of momenta the state occupies.
   *
   * @throws IllegalArgumentException if an observable is null or its name is already taken
   */
  public RotorEvolution observe(Observable... list) {
    String where = "RotorEvolution.observe";
    Check.notNull(where, "observables", list);
    Set<String> names = new HashSet<>(List.of(Columns.MOMENTUM_SQUARED, Columns.NORM));
    for (Observable o : observables) {
      names.add(o.name());
    }
    for (Observable o : list) {
      Check.notNull(where, "observable", o);
      if (!names.add(o.name())) {
        throw new IllegalArgumentException(
            where
                + ": observable name \""
                + o.name()
                + "\" is already a column (p2 and norm are always measured)");
      }
      observables.add(o);
    }
    return this;
  }

  /** Keeps the state at every output kick (for momentum distributions); off by default. */
  public RotorEvolution keepStates() {
    this.keepStates = true;
    return this;
  }

  /**
   * The largest probability allowed in the outer {@code max(1, N/16)} momenta at each end of the
   * grid; more fails the run with a {@link MomentumCutoffException}. Default {@value
   * #DEFAULT_EDGE_TOLERANCE}. A tolerance of 1 switches the check off (e.g. for random states that
   * fill the whole grid on purpose).
   *
   * @param tolerance in {@code (0, 1]}
   * @return this evolution
   * @throws IllegalArgumentException otherwise
   */
  public RotorEvolution edgeTolerance(double tolerance) {
    if (!(tolerance > 0 && tolerance <= 1)) {
      throw new IllegalArgumentException(
          "RotorEvolution.edgeTolerance: tolerance must be in (0, 1], got " + tolerance);
    }
    this.edgeTolerance = tolerance;
    return this;
  }

  /**
   * Runs the evolution.
   *
   * @return the trajectory: columns t (kicks), p2, norm and the added observables; the final state;
   *     the kept states
   * @throws IllegalStateException if {@link #kicks} was not called
   * @throws NumericalException if the norm drifts or the state stops being finite (with the kick in
   *     the message)
   * @throws MomentumCutoffException if probability reaches the edges of the momentum grid
   * @throws CancellationException if the thread is interrupted
   */
  public Trajectory<WaveFunction> run() {
    if (kicks < 0) {
      throw new IllegalStateException("RotorEvolution.run: call kicks(count) before run()");
    }
    long started = System.nanoTime();
    int n = rotor.momenta();
    int offset = rotor.offset();
    double hbar = rotor.hbar();
    int margin = Math.max(1, n / 16);

    double[] re = new double[n];
    double[] im = new double[n];
    rotor.toMomentumOrder(initial, re, im);
    FloquetStep step = new FloquetStep(rotor.kickPhase(), rotor.freePhase(), re, im);
    StateBuffers view = new StateBuffers(rotor.lattice());
    double[] probability = new double[n];

    int outputs = kicks / every + 1 + (kicks % every == 0 ? 0 : 1);
    double[] times = new double[outputs];
    double[][] columns = new double[2 + observables.size()][outputs];
    List<WaveFunction> states = new ArrayList<>();
    double norm0 = KickedRotor.normSquared(re, im);
    int row = 0;
    try (ProgressReporter progress = Progress.start("kicked rotor", kicks)) {
      for (int t = 0; t <= kicks; t++) {
        if (t > 0) {
          step.period();
          if (Thread.interrupted()) {
            throw new CancellationException(
                "RotorEvolution.run: interrupted after kick " + t + " of " + kicks);
          }
        }
        if (t % every != 0 && t != kicks) {
          continue;
        }
        rotor.toSiteOrder(re, im, view.re, view.im);
        WaveFunction state = view.view();
        state.probabilitiesInto(probability);
        double norm = Parallel.sum(n, (lo, hi) -> sum(probability, lo, hi));
        checkNorm(norm, norm0, t);
        checkEdges(probability, margin, t);
        double n2 = Parallel.sum(n, (lo, hi) -> secondMoment(probability, offset, lo, hi));
        times[row] = t;
        columns[0][row] = hbar * hbar * n2;
        columns[1][row] = norm;
        if (!observables.isEmpty()) {
          Sample sample = Sample.sharing(t, state, probability);
          for (int o = 0; o < observables.size(); o++) {
            columns[2 + o][row] = observables.get(o).measure(sample);
          }
        }
        if (keepStates) {
          states.add(view.snapshot());
        }
        row++;
        progress.advance(t);
      }
    }
    String[] names = new String[2 + observables.size()];
    names[0] = Columns.MOMENTUM_SQUARED;
    names[1] = Columns.NORM;
    for (int o = 0; o < observables.size(); o++) {
      names[2 + o] = observables.get(o).name();
    }
    return Trajectory.of(
        String.format(
            "kicked rotor K = %s, hbarEff = %s, N = %d: %d Floquet steps U = F K by FFT",
            rotor.kickStrength(), hbar, n, kicks),
        times,
        names,
        columns,
        view.snapshot(),
        states,
        0, // no Hamiltonian-vector products: the Floquet step is two FFTs and two phases
        (System.nanoTime() - started) * 1e-9);
  }

  private void checkNorm(double norm, double norm0, int t) {
    if (!Double.isFinite(norm) || Math.abs(norm - norm0) > NORM_TOLERANCE * norm0) {
      throw new NumericalException(
          t,
          String.format(
              "RotorEvolution.run: the norm drifted from %s to %s after kick %d, beyond the"
                  + " relative tolerance %s; the Floquet step is unitary, so this is a numerical"
                  + " failure",
              norm0, norm, t, NORM_TOLERANCE));
    }
  }

  private void checkEdges(double[] probability, int margin, int t) {
    int n = probability.length;
    double edge = sum(probability, 0, margin) + sum(probability, n - margin, n);
    if (edge > edgeTolerance) {
      throw new MomentumCutoffException(
          t,
          String.format(
              "RotorEvolution.run: after kick %d the probability %.3g in the outer %d momenta at"
                  + " each end of the grid (|n| near %d) exceeds the edge tolerance %s: the %d"
                  + " momenta kept are too few for this run. Use momenta(%d) or fewer kicks.",
              t, edge, margin, n / 2, edgeTolerance, n, 2 * n));
    }
  }

  private static double sum(double[] p, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += p[i];
    }
    return s;
  }

  private static double secondMoment(double[] p, int offset, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      double m = i - offset;
      s += m * m * p[i];
    }
    return s;
  }

  @Override
  public String toString() {
    return "RotorEvolution of "
        + rotor
        + ": "
        + (kicks < 0 ? "kicks not set (call kicks(count))" : kicks + " kicks")
        + ", output every "
        + every
        + (keepStates ? ", keeping states" : "")
        + ", edge tolerance "
        + edgeTolerance
        + "; call run()";
  }
}
