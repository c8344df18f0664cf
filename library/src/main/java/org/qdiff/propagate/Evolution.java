package org.qdiff.propagate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
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
 * A run of Schrödinger's equation (3) with a Hamiltonian: configure, then {@link #run} from an
 * initial state at t = 0.
 *
 * <pre>{@code
 * var run = Evolution.of(H)
 *     .propagator(Propagators.chebyshev().tolerance(1e-12))
 *     .times(TimeGrid.logSpaced(0.1, 200.0, 60))
 *     .observe(Observables.meanSquaredDisplacement(), Observables.returnProbability())
 *     .run(WaveFunction.delta(lattice));
 * run.table()
 * }</pre>
 *
 * Defaults: Chebyshev with tolerance 1e-12, the observables norm and msd, a boundary guard that
 * warns when more than 1e-8 of the probability sits within two layers of the faces, and a norm
 * tolerance of 1e-8.
 *
 * <p>Memory: besides H and the initial state (which the run reads, never writes, and keeps as the
 * point to restart from), a run holds the state, evolved in place, and the propagator's buffers:
 * two more state-sized vectors for Chebyshev. The standard observables need no array of p(x); one
 * is allocated, once per run, when an observable asks for {@code Sample.probabilities()}. {@link
 * #keepStates()} adds a copy per output time; the final state is the run's own buffer.
 */
public final class Evolution {

  private final Hamiltonian hamiltonian;
  private Propagator propagator = Propagators.chebyshev();
  private TimeGrid times;
  private final List<Observable> observables = new ArrayList<>();
  private boolean keepStates;
  private BoundaryGuard guard = BoundaryGuard.warn(1e-8);
  private double normTolerance = 1e-8;

  private Evolution(Hamiltonian hamiltonian) {
    this.hamiltonian = hamiltonian;
  }

  /** Starts configuring an evolution with Hamiltonian H. */
  public static Evolution of(Hamiltonian hamiltonian) {
    return new Evolution(Check.notNull("Evolution.of", "hamiltonian", hamiltonian));
  }

  /**
   * The numerical method (default: {@code Propagators.chebyshev()}). Checked against H now, so that
   * e.g. a too large dense diagonalization fails here, before any allocation.
   */
  public Evolution propagator(Propagator method) {
    Check.notNull("Evolution.propagator", "method", method);
    method.check(hamiltonian);
    this.propagator = method;
    return this;
  }

  /** The output times. */
  public Evolution times(TimeGrid grid) {
    this.times = Check.notNull("Evolution.times", "grid", grid);
    return this;
  }

  /** The output times, given directly. */
  public Evolution times(double... t) {
    return times(TimeGrid.of(t));
  }

  /**
   * The observables to tabulate, one column each (replaces the defaults).
   *
   * @throws IllegalArgumentException if two observables share a column name
   */
  public Evolution observe(Observable... list) {
    Check.notNull("Evolution.observe", "observables", list);
    List<Observable> next = new ArrayList<>(observables);
    for (Observable o : list) {
      next.add(Check.notNull("Evolution.observe", "observable", o));
    }
    Observable.requireDistinctNames("Evolution.observe", next);
    observables.clear();
    observables.addAll(next);
    return this;
  }

  /** Keep the state at every output time (snapshots); memory grows by one state per time. */
  public Evolution keepStates() {
    this.keepStates = true;
    return this;
  }

  /** What to do when probability reaches the box faces (default: warn above 1e-8). */
  public Evolution boundary(BoundaryGuard boundaryGuard) {
    this.guard = Check.notNull("Evolution.boundary", "guard", boundaryGuard);
    return this;
  }

  /**
   * Largest allowed drift of the total probability from its initial value before the run fails.
   *
   * @param tolerance in (0, 1)
   */
  public Evolution normTolerance(double tolerance) {
    if (!(tolerance > 0 && tolerance < 1)) {
      throw new IllegalArgumentException(
          "Evolution.normTolerance: tolerance must be in (0, 1), got " + tolerance);
    }
    this.normTolerance = tolerance;
    return this;
  }

  /**
   * Evolves {@code initial} (the state at t = 0) to every output time.
   *
   * @throws IllegalArgumentException if the state lives on another lattice
   * @throws IllegalStateException if no times were set
   * @throws NumericalException on a non-finite state or a norm drift beyond the tolerance
   * @throws BoundaryException if the guard fails
   * @throws CancellationException if the thread is interrupted
   */
  public Trajectory<WaveFunction> run(WaveFunction initial) {
    hamiltonian.requireOnLattice("Evolution.run", initial);
    if (times == null) {
      throw new IllegalStateException(
          "Evolution.run: no output times; call times(TimeGrid.linear(0, 10, 11)) or similar first");
    }
    List<Observable> measured =
        observables.isEmpty()
            ? List.of(Observables.norm(), Observables.meanSquaredDisplacement())
            : List.copyOf(observables);
    Observable boundaryWeight =
        guard.action() == BoundaryGuard.Action.OFF
            ? null
            : Observables.boundaryWeight(guard.margin());
    long started = System.nanoTime();
    Propagator.Stepper stepper = propagator.prepare(hamiltonian);
    // The state evolves in place; the initial state stays as the caller's, for a stepper that must
    // restart (see Propagator.Stepper#advance with an origin). With the Chebyshev stepper's two
    // buffers that is four state-sized vectors, the initial one included.
    StateBuffers state = initial.toBuffers();
    double norm0 = ComplexVectors.normSquared(state.re, state.im);
    ProbabilityBuffer p = new ProbabilityBuffer(initial.lattice().size());
    double[] grid = times.times();
    double[][] columns = new double[measured.size()][grid.length];
    List<WaveFunction> snapshots = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    long applications = 0;
    double now = 0;
    try (ProgressReporter progress = Progress.start("evolution", grid.length)) {
      for (int k = 0; k < grid.length; k++) {
        if (Thread.interrupted()) {
          throw new CancellationException(
              "Evolution.run: interrupted at t = " + now + " (" + k + " of " + grid.length + ")");
        }
        applications += stepper.advance(state, now, grid[k], initial, 0);
        now = grid[k];
        OutputChecks.health(
            "Evolution.run", state, norm0, normTolerance, now, "", propagator.describe());
        // p(x) only if an observable asks for the whole array: the standard ones sum over it.
        Sample sample = Sample.deferred(now, state.view(), p);
        for (int o = 0; o < measured.size(); o++) {
          double value = OutputChecks.measure("Evolution.run", measured.get(o), sample, "");
          columns[o][k] = value;
        }
        if (boundaryWeight != null) {
          OutputChecks.boundary(
              guard, boundaryWeight.measure(sample), now, "Evolution.run", warnings);
        }
        if (keepStates) {
          snapshots.add(state.snapshot());
        }
        progress.advance(k + 1);
      }
    }
    OutputChecks.stepperWarnings(warnings, stepper);
    double seconds = (System.nanoTime() - started) * 1e-9;
    String[] names = measured.stream().map(Observable::name).toArray(String[]::new);
    return new Trajectory<>(
        grid,
        names,
        columns,
        snapshots,
        state.handOver(),
        warnings,
        applications,
        seconds,
        propagator.describe());
  }

  /** An N-sized array for p(x), allocated when first asked for and then reused. */
  private static final class ProbabilityBuffer implements Supplier<double[]> {
    private final int size;
    private double[] array;

    ProbabilityBuffer(int size) {
      this.size = size;
    }

    @Override
    public double[] get() {
      if (array == null) {
        array = new double[size];
      }
      return array;
    }
  }

  @Override
  public String toString() {
    return "Evolution of "
        + hamiltonian.description()
        + " with "
        + propagator.describe()
        + (times == null ? ", no output times yet (call times(...))" : ", " + times)
        + ", observables "
        + Arrays.toString(observables.stream().map(Observable::name).toArray())
        + "; call run(psi0)";
  }
}
