package org.qdiff.propagate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.numeric.Check;
import org.qdiff.numeric.ComplexVectors;
import org.qdiff.observe.Observable;
import org.qdiff.observe.Observables;
import org.qdiff.observe.Sample;
import org.qdiff.progress.Progress;
import org.qdiff.progress.ProgressReporter;
import org.qdiff.state.StateBuffers;
import org.qdiff.state.WaveFunction;

/**
 * The time-reversal experiment: evolve a state forward for a time t with H, then backward for the
 * same time with a Hamiltonian H' that may differ slightly from H. Schrödinger's equation (3) is
 * reversible, so with {@code H' = H} the state returns exactly; with {@code H' = H + epsilon V} it
 * does not, and the overlap of the returned state with the initial one, the Loschmidt echo
 *
 * <pre>
 *   M(t) = |&lt;psi0| exp(+i H' t) exp(-i H t) |psi0&gt;|^2,
 * </pre>
 *
 * measures how much of the return survives the error in the backward Hamiltonian. Units: hbar = 1,
 * times in inverse hopping units.
 *
 * <p>Two experiments share one configuration:
 *
 * <ul>
 *   <li>{@link #run}: the echo curve M(t) at every output time (column {@value #ECHO}), computed as
 *       the overlap {@code <psi_H'(t)|psi_H(t)>} of two forward evolutions, so it costs two
 *       evolutions whatever the number of output times. Observables, if any, are measured on the
 *       returned state {@code exp(+i H' t) exp(-i H t) psi0}, which costs one more backward
 *       evolution of length t per output time.
 *   <li>{@link #roundTrip}: the film played forwards and then backwards: evolve with H through the
 *       output times up to T, then with H' back through the same times to 0, measuring the
 *       observables on the way (column {@value #CLOCK} is the time the film shows).
 * </ul>
 *
 * <pre>{@code
 * var V = Hamiltonian.on(lattice).onsite(Disorder.normal().seed(99)).build();
 * var echo = LoschmidtEcho.of(H).perturbation(0.05, V)
 *     .times(TimeGrid.linear(0, 40, 81))
 *     .run(WaveFunction.delta(lattice));
 * echo.table()   // t, echo
 * var film = LoschmidtEcho.of(H).perturbation(0.05, V)
 *     .times(TimeGrid.linear(0, 20, 41))
 *     .observe(Observables.meanSquaredDisplacement())
 *     .roundTrip(WaveFunction.delta(lattice));
 * film.table()   // t (0 to 40), clock (0 to 20 and back to 0), msd
 * }</pre>
 *
 * Defaults: {@code H' = H} (perfect reversal), the Chebyshev propagator with tolerance 1e-12, a
 * boundary guard that warns when more than 1e-8 of the probability sits within two layers of the
 * faces, and a norm tolerance of 1e-8.
 */
public final class LoschmidtEcho {

  /** Column of the echo M(t). */
  public static final String ECHO = "echo";

  /**
   * Column of the round trip's clock: the time the film shows, t on the way forward and 2T - t on
   * the way back. With {@code H' = H} the state at elapsed time t is {@code psi(clock)}.
   */
  public static final String CLOCK = "clock";

  private final Hamiltonian forward;
  private Hamiltonian backward;
  private Propagator propagator = Propagators.chebyshev();
  private TimeGrid times;
  private final List<Observable> observables = new ArrayList<>();
  private boolean keepStates;
  private BoundaryGuard guard = BoundaryGuard.warn(1e-8);
  private double normTolerance = 1e-8;

  private LoschmidtEcho(Hamiltonian forward) {
    this.forward = forward;
    this.backward = forward;
  }

  /**
   * Starts configuring the time-reversal experiment with the forward Hamiltonian H; the backward
   * Hamiltonian is H itself until {@link #backward} or {@link #perturbation} changes it.
   *
   * @throws IllegalArgumentException if H is null
   */
  public static LoschmidtEcho of(Hamiltonian hamiltonian) {
    return new LoschmidtEcho(Check.notNull("LoschmidtEcho.of", "hamiltonian", hamiltonian));
  }

  /**
   * The Hamiltonian H' of the backward evolution {@code exp(+i H' t)}.
   *
   * @throws IllegalArgumentException if H' is null, acts on another lattice than H, or the
   *     propagator cannot treat it
   */
  public LoschmidtEcho backward(Hamiltonian hamiltonian) {
    String where = "LoschmidtEcho.backward";
    Check.notNull(where, "hamiltonian", hamiltonian);
    requireSameLattice(where, "H'", hamiltonian);
    propagator.check(hamiltonian);
    this.backward = hamiltonian;
    return this;
  }

  /**
   * The backward Hamiltonian {@code H' = H + epsilon V}: H with an error of strength epsilon in the
   * direction V, e.g. a weak extra random potential.
   *
   * @param epsilon finite, in units of V (energy when V is of order 1)
   * @param v the perturbation, on the lattice of H
   * @throws IllegalArgumentException if epsilon is not finite, V is null or acts on another
   *     lattice, or the propagator cannot treat H'
   */
  public LoschmidtEcho perturbation(double epsilon, Hamiltonian v) {
    String where = "LoschmidtEcho.perturbation";
    Check.finite(where, "epsilon", epsilon);
    Check.notNull(where, "v", v);
    requireSameLattice(where, "V", v);
    Hamiltonian perturbed = forward.plus(v.times(epsilon));
    propagator.check(perturbed);
    this.backward = perturbed;
    return this;
  }

  /**
   * The numerical method (default: {@code Propagators.chebyshev()}), checked against H and H' now.
   *
   * @throws IllegalArgumentException if method is null or cannot treat H or H'
   */
  public LoschmidtEcho propagator(Propagator method) {
    Check.notNull("LoschmidtEcho.propagator", "method", method);
    method.check(forward);
    method.check(backward);
    this.propagator = method;
    return this;
  }

  /**
   * The output times. For {@link #run} any times (the echo at negative t runs backward first); for
   * {@link #roundTrip} the times of the forward leg, which must start at 0 and increase.
   *
   * @throws IllegalArgumentException if grid is null
   */
  public LoschmidtEcho times(TimeGrid grid) {
    this.times = Check.notNull("LoschmidtEcho.times", "grid", grid);
    return this;
  }

  /**
   * The output times, given directly.
   *
   * @see #times(TimeGrid)
   */
  public LoschmidtEcho times(double... t) {
    return times(TimeGrid.of(t));
  }

  /**
   * Observables to tabulate, one column each: on the returned state in {@link #run} (none by
   * default: each costs a backward evolution per output time), on the state along the film in
   * {@link #roundTrip} (default norm and msd).
   *
   * @throws IllegalArgumentException if an observable is null, two share a name, or one is named
   *     {@value #ECHO} or {@value #CLOCK}
   */
  public LoschmidtEcho observe(Observable... list) {
    String where = "LoschmidtEcho.observe";
    Check.notNull(where, "observables", list);
    List<Observable> next = new ArrayList<>(observables);
    for (Observable o : list) {
      Check.notNull(where, "observable", o);
      if (o.name().equals(ECHO) || o.name().equals(CLOCK)) {
        throw new IllegalArgumentException(
            where
                + ": the column name \""
                + o.name()
                + "\" is taken by the echo experiment; rename the observable with withName(\"...\")");
      }
      next.add(o);
    }
    Observable.requireDistinctNames(where, next);
    observables.clear();
    observables.addAll(next);
    return this;
  }

  /**
   * Keep the state of every output row: the returned state at each time in {@link #run} (one
   * backward evolution per output time), the film's frames in {@link #roundTrip}.
   */
  public LoschmidtEcho keepStates() {
    this.keepStates = true;
    return this;
  }

  /**
   * What to do when probability reaches the box faces (default: warn above 1e-8).
   *
   * @throws IllegalArgumentException if the guard is null
   */
  public LoschmidtEcho boundary(BoundaryGuard boundaryGuard) {
    this.guard = Check.notNull("LoschmidtEcho.boundary", "guard", boundaryGuard);
    return this;
  }

  /**
   * Largest allowed drift of the total probability from its initial value before a run fails.
   *
   * @param tolerance in (0, 1)
   * @throws IllegalArgumentException otherwise
   */
  public LoschmidtEcho normTolerance(double tolerance) {
    if (!(tolerance > 0 && tolerance < 1)) {
      throw new IllegalArgumentException(
          "LoschmidtEcho.normTolerance: tolerance must be in (0, 1), got " + tolerance);
    }
    this.normTolerance = tolerance;
    return this;
  }

  /** The forward Hamiltonian H. */
  public Hamiltonian forwardHamiltonian() {
    return forward;
  }

  /** The backward Hamiltonian H'. */
  public Hamiltonian backwardHamiltonian() {
    return backward;
  }

  /**
   * The echo curve: M(t) at every output time, column {@value #ECHO}, then the observables measured
   * on the returned state {@code exp(+i H' t) exp(-i H t) psi0}. The final state of the trajectory
   * is the returned state at the last output time (computed in any case: the profile after the
   * round trip); kept states are the returned states at every time.
   *
   * @param initial psi0, the state at t = 0
   * @throws IllegalArgumentException if psi0 lives on another lattice
   * @throws IllegalStateException if no times were set
   * @throws NumericalException on a non-finite state or a norm drift beyond the tolerance
   * @throws BoundaryException if the guard fails
   * @throws CancellationException if the thread is interrupted
   */
  public Trajectory<WaveFunction> run(WaveFunction initial) {
    String where = "LoschmidtEcho.run";
    forward.requireOnLattice(where, initial);
    requireTimes(where);
    List<Observable> measured = List.copyOf(observables);
    boolean everyReturn = keepStates || !measured.isEmpty();
    Observable boundaryWeight = boundaryWeight();
    String method = propagator.describe();
    long started = System.nanoTime();
    Propagator.Stepper withH = propagator.prepare(forward);
    Propagator.Stepper withHPrime = propagator.prepare(backward);
    // Two forward evolutions: <psi_H'(t)|psi_H(t)> = <psi0|exp(+iH't) exp(-iHt)|psi0>.
    StateBuffers alongH = initial.toBuffers();
    StateBuffers alongHPrime = initial.toBuffers();
    StateBuffers returned = new StateBuffers(initial.lattice());
    double norm0 = ComplexVectors.normSquared(alongH.re, alongH.im);
    double[] grid = times.times();
    double[][] columns = new double[1 + measured.size()][grid.length];
    double[] p = new double[initial.size()];
    double[] overlap = new double[2];
    List<WaveFunction> snapshots = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    WaveFunction last = null;
    long applications = 0;
    double now = 0;
    try (ProgressReporter progress = Progress.start("Loschmidt echo", grid.length)) {
      for (int k = 0; k < grid.length; k++) {
        checkInterrupted(where, now, k, grid.length);
        applications += withH.advance(alongH, now, grid[k]);
        applications += withHPrime.advance(alongHPrime, now, grid[k]);
        now = grid[k];
        OutputChecks.health(where, alongH, norm0, normTolerance, now, " (evolved with H)", method);
        OutputChecks.health(
            where, alongHPrime, norm0, normTolerance, now, " (evolved with H')", method);
        ComplexVectors.dot(
            alongHPrime.re, alongHPrime.im, alongH.re, alongH.im, overlap); // <psi_H'|psi_H>
        columns[0][k] = (overlap[0] * overlap[0] + overlap[1] * overlap[1]) / (norm0 * norm0);
        if (boundaryWeight != null) {
          double weight =
              Math.max(
                  weightOf(boundaryWeight, alongH, now, p),
                  weightOf(boundaryWeight, alongHPrime, now, p));
          OutputChecks.boundary(guard, weight, now, where, warnings);
        }
        if (everyReturn || k == grid.length - 1) {
          System.arraycopy(alongH.re, 0, returned.re, 0, p.length);
          System.arraycopy(alongH.im, 0, returned.im, 0, p.length);
          applications += withHPrime.advance(returned, now, 0);
          OutputChecks.health(
              where, returned, norm0, normTolerance, now, " (after the return with H')", method);
          WaveFunction current = returned.view();
          current.probabilitiesInto(p);
          Sample sample = Sample.sharing(now, current, p);
          for (int o = 0; o < measured.size(); o++) {
            columns[1 + o][k] = OutputChecks.measure(where, measured.get(o), sample, "");
          }
          if (keepStates) {
            snapshots.add(returned.snapshot());
          }
          if (k == grid.length - 1) {
            last = returned.snapshot();
          }
        }
        progress.advance(k + 1);
      }
    }
    OutputChecks.stepperWarnings(warnings, withH, withHPrime);
    String[] names = new String[1 + measured.size()];
    names[0] = ECHO;
    for (int o = 0; o < measured.size(); o++) {
      names[1 + o] = measured.get(o).name();
    }
    return new Trajectory<>(
        grid,
        names,
        columns,
        snapshots,
        last,
        warnings,
        applications,
        (System.nanoTime() - started) * 1e-9,
        describe(method));
  }

  /**
   * The film played forwards and then backwards: evolve psi0 with H through the output times {@code
   * 0 = t_0 < t_1 < ... < t_n = T}, then with H' back through {@code t_(n-1), ..., t_0}, measuring
   * the observables at every frame. Rows: column {@code t} is the time elapsed since the start (0
   * to 2T), column {@value #CLOCK} the time the film shows ({@code t_k} on both legs), then the
   * observables. The final state is the returned state {@code exp(+i H' T) exp(-i H T) psi0}; kept
   * states are the frames in row order.
   *
   * @param initial psi0, the state at t = 0
   * @throws IllegalArgumentException if psi0 lives on another lattice, or the times do not start at
   *     0 and increase
   * @throws IllegalStateException if no times were set
   * @throws NumericalException on a non-finite state or a norm drift beyond the tolerance
   * @throws BoundaryException if the guard fails
   * @throws CancellationException if the thread is interrupted
   */
  public Trajectory<WaveFunction> roundTrip(WaveFunction initial) {
    String where = "LoschmidtEcho.roundTrip";
    forward.requireOnLattice(where, initial);
    requireTimes(where);
    double[] grid = times.times();
    requireFilmTimes(where, grid);
    List<Observable> measured =
        observables.isEmpty()
            ? List.of(Observables.norm(), Observables.meanSquaredDisplacement())
            : List.copyOf(observables);
    Observable boundaryWeight = boundaryWeight();
    String method = propagator.describe();
    long started = System.nanoTime();
    Propagator.Stepper withH = propagator.prepare(forward);
    Propagator.Stepper withHPrime = propagator.prepare(backward);
    StateBuffers state = initial.toBuffers();
    double norm0 = ComplexVectors.normSquared(state.re, state.im);
    int n = grid.length;
    double total = grid[n - 1];
    int rows = 2 * n - 1;
    double[] elapsed = new double[rows];
    double[][] columns = new double[1 + measured.size()][rows];
    double[] p = new double[initial.size()];
    List<WaveFunction> snapshots = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    long applications = 0;
    try (ProgressReporter progress = Progress.start("time reversal", rows)) {
      for (int row = 0; row < rows; row++) {
        boolean back = row >= n;
        // forward leg: frames 0..n-1; backward leg: frames n-2 down to 0
        int frame = back ? 2 * (n - 1) - row : row;
        double from = row == 0 ? 0 : back ? grid[frame + 1] : grid[frame - 1];
        checkInterrupted(where, row == 0 ? 0 : elapsed[row - 1], row, rows);
        applications +=
            back
                ? withHPrime.advance(state, from, grid[frame])
                : withH.advance(state, from, grid[frame]);
        elapsed[row] = back ? 2 * total - grid[frame] : grid[frame];
        columns[0][row] = grid[frame];
        String leg = back ? " (returning with H')" : " (forward with H)";
        OutputChecks.health(where, state, norm0, normTolerance, elapsed[row], leg, method);
        WaveFunction current = state.view();
        current.probabilitiesInto(p);
        Sample sample = Sample.sharing(elapsed[row], current, p);
        for (int o = 0; o < measured.size(); o++) {
          columns[1 + o][row] = OutputChecks.measure(where, measured.get(o), sample, leg);
        }
        if (boundaryWeight != null) {
          OutputChecks.boundary(
              guard, boundaryWeight.measure(sample), elapsed[row], where, warnings);
        }
        if (keepStates) {
          snapshots.add(state.snapshot());
        }
        progress.advance(row + 1);
      }
    }
    OutputChecks.stepperWarnings(warnings, withH, withHPrime);
    String[] names = new String[1 + measured.size()];
    names[0] = CLOCK;
    for (int o = 0; o < measured.size(); o++) {
      names[1 + o] = measured.get(o).name();
    }
    return new Trajectory<>(
        elapsed,
        names,
        columns,
        snapshots,
        state.snapshot(),
        warnings,
        applications,
        (System.nanoTime() - started) * 1e-9,
        "round trip, " + describe(method));
  }

  private void requireSameLattice(String where, String name, Hamiltonian other) {
    if (!forward.lattice().sameGeometry(other.lattice())) {
      throw new IllegalArgumentException(
          where
              + ": "
              + name
              + " acts on "
              + other.lattice()
              + " but H acts on "
              + forward.lattice()
              + "; build both on the same lattice");
    }
  }

  private void requireTimes(String where) {
    if (times == null) {
      throw new IllegalStateException(
          where + ": no output times; call times(TimeGrid.linear(0, 20, 41)) or similar first");
    }
  }

  private static void requireFilmTimes(String where, double[] t) {
    if (t[0] != 0) {
      throw new IllegalArgumentException(
          where
              + ": the film starts from psi0, so the times must start at 0, got t[0] = "
              + t[0]
              + "; use e.g. TimeGrid.linear(0, T, n)");
    }
    if (t.length < 2) {
      throw new IllegalArgumentException(
          where + ": the film needs at least two times (0 and T), got " + Arrays.toString(t));
    }
    for (int k = 1; k < t.length; k++) {
      if (!(t[k] > t[k - 1])) {
        throw new IllegalArgumentException(
            where
                + ": the times of the forward leg must increase, got t["
                + k
                + "] = "
                + t[k]
                + " after t["
                + (k - 1)
                + "] = "
                + t[k - 1]);
      }
    }
  }

  private Observable boundaryWeight() {
    return guard.action() == BoundaryGuard.Action.OFF
        ? null
        : Observables.boundaryWeight(guard.margin());
  }

  private static double weightOf(Observable weight, StateBuffers state, double t, double[] p) {
    WaveFunction view = state.view();
    view.probabilitiesInto(p);
    return weight.measure(Sample.sharing(t, view, p));
  }

  private static void checkInterrupted(String where, double t, int done, int total) {
    if (Thread.interrupted()) {
      throw new CancellationException(
          where + ": interrupted at t = " + t + " (" + done + " of " + total + ")");
    }
  }

  private String describe(String method) {
    String backwardPart = backward == forward ? "H' = H" : "H' = " + backward.description();
    return "Loschmidt echo, H = " + forward.description() + ", " + backwardPart + ", " + method;
  }

  @Override
  public String toString() {
    return "LoschmidtEcho with H = "
        + forward.description()
        + (backward == forward ? ", H' = H" : ", H' = " + backward.description())
        + ", "
        + propagator.describe()
        + (times == null ? ", no output times yet (call times(...))" : ", " + times)
        + ", observables "
        + Arrays.toString(observables.stream().map(Observable::name).toArray())
        + "; call run(psi0) for the echo or roundTrip(psi0) for the film";
  }
}
