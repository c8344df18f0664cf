package org.qdiff.propagate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.numeric.Check;
import org.qdiff.numeric.Parallel;
import org.qdiff.observe.Observable;
import org.qdiff.observe.Observables;
import org.qdiff.observe.Sample;
import org.qdiff.progress.Progress;
import org.qdiff.progress.ProgressReporter;
import org.qdiff.random.Seed;
import org.qdiff.state.Distribution;
import org.qdiff.state.StateBuffers;
import org.qdiff.state.WaveFunction;

/**
 * The dephasing master equation of {@link Dephasing} unravelled into quantum-jump trajectories:
 * stochastic wave functions whose average over many runs is the density matrix. Get one from {@code
 * Dephasing.of(H).rate(gamma).times(...).trajectories(R)}, set the {@link #seed}, then {@link
 * #run}.
 *
 * <p>The jump operators {@code sqrt(gamma) P_x} satisfy {@code sum_x P_x^dagger P_x = 1}, so the
 * evolution between jumps is the unitary one of H (the non-Hermitian part {@code -i gamma/2} only
 * shrinks the norm uniformly) and the jumps form a Poisson process of rate gamma, whatever the
 * state. Each trajectory therefore alternates: evolve with H (the {@link Propagator}, Chebyshev by
 * default) for an exponential waiting time of mean 1/gamma; at the jump, pick a site x with
 * probability {@code |psi(x)|^2} and collapse psi onto {@code |x>}. Averaged over trajectories,
 * {@code |psi_t(x)|^2} converges to {@code rho_xx(t)}, and so does any observable linear in p (msd,
 * return probability, norm) or in {@code |psi><psi|} (energy); nonlinear ones (participation ratio,
 * entropy) give trajectory averages, which are not their values for rho.
 *
 * <p>Observables are measured on several threads at once, one trajectory each: they must not keep
 * state (the standard ones of {@code Observables} do not).
 *
 * <p>The result's table holds, for each observable, the mean over trajectories and its standard
 * error (column name + {@code _sem}, e.g. {@code msd}, {@code msd_sem}); its final state is the
 * trajectory average of p(x) at the last output time.
 *
 * <p>The standard errors are those of a mean over R independent trajectories; they are reliable
 * once the rare events that matter are sampled. At times {@code t << 1/gamma}, p(x) at sites far
 * from the start is dominated by rare early jumps onto sites near them (a heavy tail), so there a
 * few thousand trajectories may still underestimate both the mean and its error; the mean squared
 * displacement and sites near the bulk of the distribution are not affected this way.
 *
 * <p>Randomness and threads: trajectory r draws its waiting times from stream 0 and its jump sites
 * from stream 1 of {@code seed.realization(r)}, one uniform number per jump, so each trajectory is
 * the same however the run is scheduled. Trajectories run in parallel, in batches of at least two
 * per thread (for small lattices the kernels themselves stay on one thread, so this is what keeps
 * all cores busy; for large ones the kernels parallelize as well), and their results are reduced in
 * trajectory order (Welford's running mean and variance): the tables are bit-identical on any
 * number of threads, and do not depend on how many trajectories share a batch.
 */
public final class QuantumJumps {

  /** Stream of {@code seed.realization(r)} for the waiting times between jumps. */
  static final long WAITING_STREAM = 0;

  /** Stream of {@code seed.realization(r)} for the sites the jumps collapse onto. */
  static final long SITE_STREAM = 1;

  /** Suffix of the standard-error columns. */
  public static final String SEM_SUFFIX = "_sem";

  /** Memory for the buffers of the trajectories of one batch, when the lattice is small. */
  private static final long SLOT_BUDGET = 32L << 20;

  /** Largest deviation of the initial state's norm from 1: the jump probabilities need it. */
  static final double NORM_TOLERANCE = 1e-8;

  private final Hamiltonian hamiltonian;
  private final double rate;
  private final TimeGrid times;
  private final List<Observable> observables;
  private final BoundaryGuard guard;
  private final int count;
  private Seed seed;
  private Propagator propagator = Propagators.chebyshev();

  QuantumJumps(
      Hamiltonian hamiltonian,
      double rate,
      TimeGrid times,
      List<Observable> observables,
      BoundaryGuard guard,
      int count) {
    this.hamiltonian = hamiltonian;
    this.rate = rate;
    this.times = times;
    this.observables = observables;
    this.guard = guard;
    this.count = count;
  }

  /** The seed of the trajectories' random numbers (required: results are reproducible). */
  public QuantumJumps seed(long value) {
    this.seed = Seed.of(value);
    return this;
  }

  /** The seed of the trajectories' random numbers (required: results are reproducible). */
  public QuantumJumps seed(Seed value) {
    this.seed = Check.notNull("QuantumJumps.seed", "value", value);
    return this;
  }

  /**
   * The method for the unitary evolution between jumps (default: {@code Propagators.chebyshev()},
   * tolerance 1e-12 per segment). Checked against H now.
   */
  public QuantumJumps propagator(Propagator method) {
    Check.notNull("QuantumJumps.propagator", "method", method);
    method.check(hamiltonian);
    this.propagator = method;
    return this;
  }

  /** The number of trajectories R. */
  public int count() {
    return count;
  }

  /**
   * Runs the R trajectories from {@code initial} (the state at t = 0, normalized).
   *
   * @return the means and standard errors at the output times, and the trajectory average of p(x)
   *     at the last output time as the final state
   * @throws IllegalStateException if no seed was set
   * @throws IllegalArgumentException if the state lives on another lattice or is not normalized
   * @throws NumericalException on a non-finite state or a norm drift beyond 1e-8
   * @throws BoundaryException if the guard fails (on the trajectory mean of the weight near the
   *     faces: as soon as the trajectories done so far guarantee that it exceeds the threshold)
   * @throws CancellationException if the thread is interrupted
   */
  public Trajectory<Distribution> run(WaveFunction initial) {
    String where = "QuantumJumps.run";
    hamiltonian.requireOnLattice(where, initial);
    if (seed == null) {
      throw new IllegalStateException(
          where + ": no seed; call seed(long) first, e.g. seed(7): the jumps are random");
    }
    double norm0 = initial.normSquared();
    if (!(Math.abs(norm0 - 1) <= NORM_TOLERANCE)) {
      throw new IllegalArgumentException(
          where
              + ": the initial state must be normalized (sum |psi|^2 = 1 within "
              + NORM_TOLERANCE
              + "), got "
              + norm0
              + "; call normalized() on it");
    }
    long started = System.nanoTime();
    Thread caller = Thread.currentThread();
    int n = hamiltonian.size();
    double[] grid = times.times();
    int outputs = grid.length;
    int kinds = observables.size();
    Observable boundaryWeight =
        guard.action() == BoundaryGuard.Action.OFF
            ? null
            : Observables.boundaryWeight(guard.margin());

    // Trajectories run in batches, each trajectory with its own buffers (a slot). At least two
    // per thread, so that work stealing evens out their unequal costs; for small lattices up to
    // 64 per thread within a budget of 32 MB, so that the reduction between batches costs little;
    // never more than half the free heap allows.
    long slotBytes = 8L * (9L * n + (long) (kinds + 1) * outputs) + 1024;
    int threads = Parallel.threads();
    long wanted = Math.max(2L * threads, Math.min(64L * threads, SLOT_BUDGET / slotBytes));
    long affordable = Math.max(1, DensityMatrix.bytesAvailable() / 2 / slotBytes);
    int width = (int) Math.min(Math.min(count, wanted), affordable);
    // Set when the run must end early; the slots check it (and the caller's interrupt) between
    // segments, since a caller waiting for the pool does not show its interrupt to the workers.
    AtomicBoolean stop = new AtomicBoolean();
    Slot[] slots = new Slot[width];
    for (int s = 0; s < width; s++) {
      slots[s] = new Slot(seed, initial, outputs, kinds, grid, boundaryWeight, caller, stop);
    }

    double[][] mean = new double[kinds][outputs];
    double[][] m2 = new double[kinds][outputs];
    double[] boundarySum = new double[outputs];
    double[] sumP = new double[n];
    long jumps = 0;
    long products = 0;
    List<String> stepperWarnings = new ArrayList<>();
    int done = 0;
    try (ProgressReporter progress = Progress.start("quantum jumps", count)) {
      while (done < count) {
        if (Thread.interrupted()) {
          throw interrupted(where, done);
        }
        final int first = done;
        final int batch = Math.min(width, count - done);
        boolean interrupted;
        try {
          Future<?> running =
              Parallel.start(
                  batch,
                  1,
                  (from, to) -> {
                    for (int s = from; s < to; s++) {
                      slots[s].run(first + s);
                    }
                  });
          interrupted = awaitBatch(running, stop);
        } catch (CancellationException e) {
          // Thrown on this thread: one thread runs the batch here and saw the interrupt itself.
          interrupted = true;
        }
        if (interrupted) {
          Thread.interrupted();
          throw interrupted(where, done);
        }
        // Reduce in trajectory order: the same sums on any number of threads.
        for (int s = 0; s < batch; s++) {
          Slot slot = slots[s];
          int r = first + s + 1;
          for (int o = 0; o < kinds; o++) {
            for (int k = 0; k < outputs; k++) {
              double v = slot.values[o][k];
              double delta = v - mean[o][k];
              mean[o][k] += delta / r;
              m2[o][k] += delta * (v - mean[o][k]);
            }
          }
          for (int k = 0; k < outputs; k++) {
            boundarySum[k] += slot.boundary[k];
          }
          final double[] p = slot.p;
          Parallel.forRange(
              n,
              (lo, hi) -> {
                for (int x = lo; x < hi; x++) {
                  sumP[x] += p[x];
                }
              });
          jumps += slot.jumps;
          products += slot.products;
          for (String message : slot.stepper.warnings()) {
            stepperWarnings.add("trajectory " + (r - 1) + ": " + message);
          }
        }
        done += batch;
        if (boundaryWeight != null && guard.action() == BoundaryGuard.Action.FAIL) {
          // The weights are >= 0: the partial sum over R already bounds the final mean from below.
          for (int k = 0; k < outputs; k++) {
            OutputChecks.boundary(guard, boundarySum[k] / count, grid[k], where, new ArrayList<>());
          }
        }
        progress.advance(done);
      }
    }

    List<String> warnings = new ArrayList<>();
    if (boundaryWeight != null) {
      for (int k = 0; k < outputs; k++) {
        OutputChecks.boundary(guard, boundarySum[k] / count, grid[k], where, warnings);
      }
    }
    for (String message : stepperWarnings) {
      if (warnings.isEmpty()) {
        System.err.println("qdiff warning: " + message);
      }
      warnings.add(message);
    }
    String[] names = new String[2 * kinds];
    double[][] columns = new double[2 * kinds][];
    for (int o = 0; o < kinds; o++) {
      names[2 * o] = observables.get(o).name();
      names[2 * o + 1] = observables.get(o).name() + SEM_SUFFIX;
      columns[2 * o] = mean[o];
      double[] sem = new double[outputs];
      for (int k = 0; k < outputs; k++) {
        sem[k] = Math.sqrt(m2[o][k] / ((double) (count - 1) * count));
      }
      columns[2 * o + 1] = sem;
    }
    for (int x = 0; x < n; x++) {
      sumP[x] /= count;
    }
    String method =
        String.format(
            "quantum jumps, R = %d trajectories, %s, gamma = %s, %.3g jumps per trajectory on"
                + " average; between jumps %s",
            count, seed, rate, (double) jumps / count, propagator.describe());
    return new Trajectory<>(
        grid,
        names,
        columns,
        List.of(),
        Distribution.wrap(hamiltonian.lattice(), sumP),
        warnings,
        products,
        (System.nanoTime() - started) * 1e-9,
        method);
  }

  /**
   * Waits for a batch of trajectories. An interrupt of the waiting thread sets {@code stop}, which
   * the trajectories check between segments, and the wait goes on until they have ended.
   *
   * @return whether the waiting thread was interrupted
   * @throws RuntimeException the exception of a failed trajectory, when not interrupted
   */
  private static boolean awaitBatch(Future<?> running, AtomicBoolean stop) {
    // Trajectories still running in other tasks end at their next segment.
    return Parallel.awaitStoppable(
        running, stop, () -> {}, "QuantumJumps.run: a trajectory failed");
  }

  private static CancellationException interrupted(String where, int done) {
    return new CancellationException(where + ": interrupted after " + done + " trajectories");
  }

  /** The buffers of one trajectory at a time, reused for every trajectory the slot runs. */
  private final class Slot {
    final Seed base;
    final WaveFunction initial;
    final double[] grid;
    final Observable boundaryWeight;
    final Thread caller;
    final AtomicBoolean stop;
    final Propagator.Stepper stepper;
    final StateBuffers state;
    final double[] p;
    final double[][] values;
    final double[] boundary;
    int jumps;
    long products;

    Slot(
        Seed base,
        WaveFunction initial,
        int outputs,
        int kinds,
        double[] grid,
        Observable boundaryWeight,
        Thread caller,
        AtomicBoolean stop) {
      this.base = base;
      this.initial = initial;
      this.grid = grid;
      this.boundaryWeight = boundaryWeight;
      this.caller = caller;
      this.stop = stop;
      this.stepper = propagator.prepare(hamiltonian);
      this.state = new StateBuffers(hamiltonian.lattice());
      this.p = new double[hamiltonian.size()];
      this.values = new double[kinds][outputs];
      this.boundary = new double[outputs];
    }

    /** Runs trajectory r: fills values, boundary, p (at the last output time), jumps, products. */
    void run(int r) {
      Seed own = base.realization(r);
      state.load(initial);
      // Each trajectory starts afresh, so that it does not depend on which slot runs it.
      stepper.reset();
      jumps = 0;
      products = 0;
      double now = 0;
      double nextJump = rate > 0 ? waitingTime(own, 0) : Double.POSITIVE_INFINITY;
      for (int k = 0; k < grid.length; k++) {
        double target = grid[k];
        while (nextJump <= target) {
          products += stepper.advance(state, now, nextJump);
          now = nextJump;
          checkInterrupt(r, now);
          collapse(own.uniform(SITE_STREAM, jumps), r, now);
          jumps++;
          nextJump = now + waitingTime(own, jumps);
        }
        products += stepper.advance(state, now, target);
        now = target;
        checkInterrupt(r, now);
        OutputChecks.health(
            "QuantumJumps.run",
            state,
            1,
            NORM_TOLERANCE,
            now,
            " in trajectory " + r,
            propagator.describe());
        WaveFunction current = state.view();
        current.probabilitiesInto(p);
        Sample sample = Sample.sharing(now, current, p);
        for (int o = 0; o < values.length; o++) {
          double value =
              OutputChecks.measure(
                  "QuantumJumps.run", observables.get(o), sample, " in trajectory " + r);
          values[o][k] = value;
        }
        boundary[k] = boundaryWeight == null ? 0 : boundaryWeight.measure(sample);
      }
    }

    /** Exponential waiting time of mean 1/gamma from uniform number {@code index} of the stream. */
    private double waitingTime(Seed own, int index) {
      return -Math.log(own.uniform(WAITING_STREAM, index)) / rate;
    }

    /** Collapses psi onto the site x where the cumulative |psi|^2 first reaches u * total. */
    private void collapse(double u, int r, double t) {
      double[] re = state.re;
      double[] im = state.im;
      double total = 0;
      for (int x = 0; x < re.length; x++) {
        total += re[x] * re[x] + im[x] * im[x];
      }
      double threshold = u * total;
      double cumulative = 0;
      int site = -1;
      for (int x = 0; x < re.length; x++) {
        double px = re[x] * re[x] + im[x] * im[x];
        if (px > 0) {
          // The last occupied site catches the case where rounding leaves the sum short of u.
          site = x;
          cumulative += px;
          if (cumulative >= threshold) {
            break;
          }
        }
      }
      if (site < 0) {
        throw new NumericalException(
            t, "QuantumJumps.run: the state vanished at t = " + t + " in trajectory " + r);
      }
      Arrays.fill(re, 0);
      Arrays.fill(im, 0);
      re[site] = 1;
    }

    private void checkInterrupt(int r, double t) {
      if (stop.get() || caller.isInterrupted()) {
        throw new CancellationException(
            "QuantumJumps.run: interrupted in trajectory " + r + " at t = " + t);
      }
    }
  }

  @Override
  public String toString() {
    return "QuantumJumps of "
        + hamiltonian.description()
        + ", dephasing rate gamma = "
        + rate
        + ", R = "
        + count
        + " trajectories, "
        + (seed == null ? "no seed yet (call seed(long))" : seed.toString())
        + ", between jumps "
        + propagator.describe()
        + "; call run(psi0)";
  }
}
