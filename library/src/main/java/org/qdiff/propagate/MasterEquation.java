package org.qdiff.propagate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.observe.Observable;
import org.qdiff.observe.Observables;
import org.qdiff.observe.Sample;
import org.qdiff.progress.Progress;
import org.qdiff.progress.ProgressReporter;
import org.qdiff.state.WaveFunction;

/**
 * The dephasing master equation of {@link Dephasing}, solved for the density matrix itself. Get one
 * from {@code Dephasing.of(H).rate(gamma).times(...).densityMatrix()}, then {@link #run}.
 *
 * <p>Method: Taylor series of {@code exp(L tau)} on sub-steps with {@code ||L'|| tau <= 2}, where
 * {@code L = -gamma/2 + L'} and {@code ||L'|| <= 2 halfWidth(H) + gamma/2} in the Hilbert-Schmidt
 * norm; each sub-step's series is cut where the remainder bound {@code a^{m+1}/(m+1)! / (1 -
 * a/(m+2))} falls to 1e-16. Since the dephased evolution never increases the Hilbert-Schmidt norm,
 * the truncation error of the whole run is at most 1e-16 times the number of sub-steps (about
 * {@code (2 halfWidth + gamma/2) t / 2}), plus rounding: the density matrix is correct to near
 * machine precision at every output time. rho stays exactly Hermitian. Cost per sub-step: about
 * twelve products of H with all N columns of rho.
 *
 * <p>Every output time checks that rho is finite and that its trace has not drifted by more than
 * 1e-8 (a {@link NumericalException} otherwise), and watches the probability near the box faces.
 */
public final class MasterEquation {

  /** Largest lattice accepted by default: 4096 sites, 268 MB per complex matrix. */
  static final int DEFAULT_MAX_SITES = 4096;

  /** N x N complex matrices held during a run: rho, two work matrices, the result's copy. */
  static final int MATRICES = 4;

  /** Largest allowed drift of the trace (the total probability) before the run fails. */
  static final double TRACE_TOLERANCE = 1e-8;

  private final Hamiltonian hamiltonian;
  private final double rate;
  private final TimeGrid times;
  private final List<Observable> observables;
  private final BoundaryGuard guard;

  MasterEquation(
      Hamiltonian hamiltonian,
      double rate,
      TimeGrid times,
      List<Observable> observables,
      BoundaryGuard guard) {
    this.hamiltonian = hamiltonian;
    this.rate = rate;
    this.times = times;
    this.observables = observables;
    this.guard = guard;
  }

  /**
   * Evolves the pure state {@code |psi><psi|} (the state at t = 0) to every output time.
   *
   * @throws IllegalArgumentException if psi lives on another lattice
   * @throws NumericalException on a non-finite rho or a trace drift beyond 1e-8
   * @throws BoundaryException if the boundary guard fails
   * @throws CancellationException if the thread is interrupted
   */
  public Trajectory<DensityMatrix> run(WaveFunction initial) {
    hamiltonian.requireOnLattice("MasterEquation.run", initial);
    // A fresh matrix nobody else holds: it can serve as the working buffer.
    return evolve(DensityMatrix.of(initial));
  }

  /**
   * Evolves a density matrix (the state at t = 0) to every output time. The argument is not
   * modified.
   *
   * @throws IllegalArgumentException if rho lives on another lattice
   * @throws NumericalException on a non-finite rho or a trace drift beyond 1e-8
   * @throws BoundaryException if the boundary guard fails
   * @throws CancellationException if the thread is interrupted
   */
  public Trajectory<DensityMatrix> run(DensityMatrix initial) {
    hamiltonian.requireOnLattice("MasterEquation.run", initial);
    return evolve(initial.copy());
  }

  private Trajectory<DensityMatrix> evolve(DensityMatrix rho) {
    String where = "MasterEquation.run";
    long started = System.nanoTime();
    LindbladTaylor kernel = new LindbladTaylor(hamiltonian, rate);
    Observable boundaryWeight =
        guard.action() == BoundaryGuard.Action.OFF
            ? null
            : Observables.boundaryWeight(guard.margin());
    double trace0 = rho.trace();
    double[] p = new double[rho.size()];
    double[] grid = times.times();
    double[][] columns = new double[observables.size()][grid.length];
    List<String> warnings = new ArrayList<>();
    long products = 0;
    double now = 0;
    try (ProgressReporter progress = Progress.start("master equation", grid.length)) {
      for (int k = 0; k < grid.length; k++) {
        if (Thread.interrupted()) {
          throw new CancellationException(
              where + ": interrupted at t = " + now + " (" + k + " of " + grid.length + ")");
        }
        products += kernel.advance(rho.re, rho.im, grid[k] - now, now, where);
        now = grid[k];
        checkHealth(rho, trace0, now);
        rho.probabilitiesInto(p);
        Sample sample = Sample.sharing(now, rho, p);
        for (int o = 0; o < observables.size(); o++) {
          double value = OutputChecks.measure(where, observables.get(o), sample, "");
          columns[o][k] = value;
        }
        if (boundaryWeight != null) {
          OutputChecks.boundary(guard, boundaryWeight.measure(sample), now, where, warnings);
        }
        progress.advance(k + 1);
      }
    }
    String[] names = observables.stream().map(Observable::name).toArray(String[]::new);
    return new Trajectory<>(
        grid,
        names,
        columns,
        List.of(),
        rho.copy(),
        warnings,
        products,
        (System.nanoTime() - started) * 1e-9,
        describe());
  }

  private void checkHealth(DensityMatrix rho, double trace0, double t) {
    // The purity is a sum of |rho_xy|^2 over all entries: finite exactly when every entry is.
    if (!Double.isFinite(rho.purity())) {
      throw new NumericalException(
          t, "MasterEquation.run: the density matrix has NaN or infinite entries at t = " + t);
    }
    double trace = rho.trace();
    if (Math.abs(trace - trace0) > TRACE_TOLERANCE * Math.abs(trace0)) {
      throw new NumericalException(
          t,
          String.format(
              "MasterEquation.run: the trace drifted from %.15g to %.15g at t = %s, beyond %s",
              trace0, trace, t, TRACE_TOLERANCE));
    }
  }

  private String describe() {
    return "dephasing master equation, gamma = "
        + rate
        + ", Taylor sub-steps with ||L'|| tau <= "
        + LindbladTaylor.MAX_STEP_NORM
        + ", truncation <= "
        + LindbladTaylor.TRUNCATION
        + " per sub-step";
  }

  @Override
  public String toString() {
    return "MasterEquation of "
        + hamiltonian.description()
        + " on "
        + hamiltonian.lattice()
        + ", dephasing rate gamma = "
        + rate
        + ", "
        + times
        + "; call run(psi0) or run(rho0)";
  }
}
