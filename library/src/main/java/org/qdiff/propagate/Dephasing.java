package org.qdiff.propagate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.numeric.Check;
import org.qdiff.observe.Observable;
import org.qdiff.observe.Observables;

/**
 * Decoherence by pure dephasing in the site basis: the particle hops with H while an environment
 * keeps measuring its position at rate gamma (the Haken-Strobl model). The state is a density
 * matrix rho obeying the Lindblad master equation
 *
 * <pre>
 *   d rho / dt = -i [H, rho] + gamma sum_x ( P_x rho P_x - (1/2) {P_x, rho} ),   P_x = |x&gt;&lt;x|,
 * </pre>
 *
 * that is, {@code d rho_xy/dt = -i [H, rho]_xy - gamma (1 - delta_xy) rho_xy}: gamma is the decay
 * rate of the off-diagonal elements (the coherences) of rho in the site basis, while the
 * populations {@code p(x) = rho_xx} change only through H. Units: hbar = 1, gamma in units of the
 * hopping.
 *
 * <p>Configure the physics here, then pick a method:
 *
 * <ul>
 *   <li>{@link #densityMatrix()}: the master equation itself, exact to near machine precision, for
 *       small lattices (memory N^2);
 *   <li>{@link #trajectories(int)}: the quantum-jump unravelling, an average over R stochastic wave
 *       functions, for lattices as large as the unitary {@link Evolution} handles.
 * </ul>
 *
 * <pre>{@code
 * var rho = Dephasing.of(H).rate(1.0)
 *     .times(TimeGrid.logSpaced(0.01, 20, 40))
 *     .observe(Observables.meanSquaredDisplacement())
 *     .densityMatrix()
 *     .run(WaveFunction.delta(lattice));
 * var jumps = Dephasing.of(H).rate(1.0)
 *     .times(TimeGrid.linear(0, 20, 21))
 *     .observe(Observables.meanSquaredDisplacement())
 *     .trajectories(400).seed(7)
 *     .run(WaveFunction.delta(lattice));
 * jumps.table()   // t, msd, msd_sem
 * }</pre>
 *
 * For nearest-neighbour hopping J on Z^d from a site, the mean squared displacement is known
 * exactly ({@link #exactMeanSquaredDisplacement}): ballistic, {@code 2 d J^2 t^2}, for {@code t <<
 * 1/gamma}, and diffusive, {@code 2 d D t} with {@code D = 2 J^2 / gamma}, for {@code t >>
 * 1/gamma}. Defaults: the observables norm and msd, and a boundary guard that warns when more than
 * 1e-8 of the probability sits within two layers of the faces.
 */
public final class Dephasing {

  /** Column name of {@link #purity()}. */
  public static final String PURITY = "purity";

  private final Hamiltonian hamiltonian;
  private double rate = Double.NaN;
  private TimeGrid times;
  private final List<Observable> observables = new ArrayList<>();
  private BoundaryGuard guard = BoundaryGuard.warn(1e-8);

  private Dephasing(Hamiltonian hamiltonian) {
    this.hamiltonian = hamiltonian;
  }

  /**
   * Starts configuring dephased dynamics with Hamiltonian H.
   *
   * @throws IllegalArgumentException if H is null or acts on a lattice with internal states (site
   *     dephasing is defined for one state per site)
   */
  public static Dephasing of(Hamiltonian hamiltonian) {
    Check.notNull("Dephasing.of", "hamiltonian", hamiltonian);
    if (hamiltonian.lattice().internalStates() > 1) {
      throw new IllegalArgumentException(
          "Dephasing.of: site dephasing needs a lattice without internal states, but H acts on "
              + hamiltonian.lattice());
    }
    return new Dephasing(hamiltonian);
  }

  /**
   * The dephasing rate gamma: the coherences {@code rho_xy}, x != y, decay at this rate (on top of
   * what H does to them). 0 gives the coherent evolution of Schrödinger's equation (3).
   *
   * @param gamma finite, >= 0, in units of the hopping
   * @throws IllegalArgumentException if gamma is negative or not finite
   */
  public Dephasing rate(double gamma) {
    this.rate = Check.nonNegative("Dephasing.rate", "gamma", gamma);
    return this;
  }

  /**
   * The output times, visited in order from the state at t = 0. Dephasing only runs forward: the
   * times must be >= 0 and non-decreasing.
   *
   * @throws IllegalArgumentException if grid is null, a time is negative or a time is smaller than
   *     the one before
   */
  public Dephasing times(TimeGrid grid) {
    String where = "Dephasing.times";
    Check.notNull(where, "grid", grid);
    double[] t = grid.times();
    for (int k = 0; k < t.length; k++) {
      if (!(t[k] >= 0)) {
        throw new IllegalArgumentException(
            where
                + ": times must be >= 0 (dephasing runs forward from t = 0), got t["
                + k
                + "] = "
                + t[k]);
      }
      if (k > 0 && t[k] < t[k - 1]) {
        throw new IllegalArgumentException(
            where
                + ": times must be non-decreasing (dephasing runs forward only), got t["
                + k
                + "] = "
                + t[k]
                + " after t["
                + (k - 1)
                + "] = "
                + t[k - 1]);
      }
    }
    this.times = grid;
    return this;
  }

  /**
   * The output times, given directly.
   *
   * @see #times(TimeGrid)
   */
  public Dephasing times(double... t) {
    return times(TimeGrid.of(t));
  }

  /**
   * The observables to tabulate, one column each (replaces the defaults norm and msd). Quantities
   * of p alone (msd, return probability, norm) work with both methods; {@link #purity()} needs the
   * density matrix; {@code Observables.energy(H)} needs wave functions (trajectories).
   *
   * @throws IllegalArgumentException if an observable is null or two share a column name
   */
  public Dephasing observe(Observable... list) {
    String where = "Dephasing.observe";
    Check.notNull(where, "observables", list);
    List<Observable> next = new ArrayList<>(observables);
    for (Observable o : list) {
      next.add(Check.notNull(where, "observable", o));
    }
    Observable.requireDistinctNames(where, next);
    observables.clear();
    observables.addAll(next);
    return this;
  }

  /** What to do when probability reaches the box faces (default: warn above 1e-8). */
  public Dephasing boundary(BoundaryGuard boundaryGuard) {
    this.guard = Check.notNull("Dephasing.boundary", "guard", boundaryGuard);
    return this;
  }

  /**
   * The exact master equation for the density matrix, on lattices of at most 4096 sites (see {@link
   * #densityMatrix(int)}).
   *
   * @throws IllegalStateException if the rate or the times are not set yet
   * @throws IllegalArgumentException if the lattice has more than 4096 sites or the matrices would
   *     not fit in the heap
   */
  public MasterEquation densityMatrix() {
    return densityMatrix(MasterEquation.DEFAULT_MAX_SITES);
  }

  /**
   * The exact master equation for the density matrix, integrated to near machine precision (see
   * {@link MasterEquation}). Memory: four N x N complex matrices, 64 N^2 bytes, checked here before
   * anything is allocated; time per unit of t grows like N^2 times the number of bonds per site.
   *
   * @param maxSites the largest lattice accepted, >= 1: a guard against a matrix of N^2 entries on
   *     a lattice meant for wave functions; raise it when memory and time allow
   * @throws IllegalStateException if the rate or the times are not set yet
   * @throws IllegalArgumentException if maxSites < 1, N > maxSites, or the matrices would not fit
   *     in the heap
   */
  public MasterEquation densityMatrix(int maxSites) {
    String where = "Dephasing.densityMatrix";
    Check.atLeast(where, "maxSites", maxSites, 1);
    requireConfigured(where);
    int n = hamiltonian.size();
    if (n > maxSites) {
      throw new IllegalArgumentException(
          where
              + ": the density matrix has N^2 entries, so at most maxSites = "
              + maxSites
              + " sites are allowed, got N = "
              + n
              + "; raise it with densityMatrix(maxSites) if memory allows, or use"
              + " trajectories(R)");
    }
    DensityMatrix.checkMemory(where, n, MasterEquation.MATRICES);
    return new MasterEquation(hamiltonian, rate, times, measured(), guard);
  }

  /**
   * The quantum-jump unravelling: R stochastic wave functions whose average reproduces the density
   * matrix (see {@link QuantumJumps}). Set the seed on the result before running.
   *
   * @param count number of trajectories R, >= 2 (a standard error needs two)
   * @throws IllegalStateException if the rate or the times are not set yet
   * @throws IllegalArgumentException if count < 2, or an observable is named like the
   *     standard-error column of another ({@code msd} and {@code msd_sem})
   */
  public QuantumJumps trajectories(int count) {
    String where = "Dephasing.trajectories";
    Check.atLeast(where, "count R", count, 2);
    requireConfigured(where);
    List<Observable> list = measured();
    for (Observable a : list) {
      for (Observable b : list) {
        if (a.name().equals(b.name() + QuantumJumps.SEM_SUFFIX)) {
          throw new IllegalArgumentException(
              where
                  + ": the observable \""
                  + a.name()
                  + "\" has the name of the standard-error column of \""
                  + b.name()
                  + "\"; rename it");
        }
      }
    }
    return new QuantumJumps(hamiltonian, rate, times, list, guard, count);
  }

  /**
   * The observable {@code purity} = {@code tr rho^2}: 1 while the state is pure, falling as
   * dephasing turns it into a mixture. Only for density matrices: the wave functions of single
   * trajectories are always pure.
   */
  public static Observable purity() {
    return Observable.of(
        PURITY,
        s -> {
          if (!(s.state() instanceof DensityMatrix)) {
            throw new IllegalStateException(
                "Dephasing.purity: needs a density matrix (Dephasing...densityMatrix()), got "
                    + s.state());
          }
          return ((DensityMatrix) s.state()).purity();
        });
  }

  /**
   * The exact mean squared displacement of a particle that starts on one site of Z^d, hops to
   * nearest neighbours with amplitude J (the hopping Hamiltonian, or the Laplacian with J = 1,
   * which differs by a constant) and dephases at rate gamma:
   *
   * <pre>
   *   MSD(t) = d (4 J^2 / gamma) [ t - (1 - exp(-gamma t)) / gamma ].
   * </pre>
   *
   * It follows from the Heisenberg equations of the master equation: along each axis, {@code
   * d<X^2>/dt = <A>} with {@code A = XV + VX} and V = i[H, X] the velocity; A has no diagonal in
   * the site basis, so dephasing damps it, {@code d<A>/dt = 2<V^2> - gamma <A>}, and {@code <V^2> =
   * 2 J^2} stays constant (V commutes with H, and the dephasing leaves the diagonal of V^2, 2 J^2,
   * alone while damping its off-diagonal part, whose mean is 0 at the start). Limits: {@code 2 d
   * J^2 t^2} for {@code gamma t << 1} (ballistic; also the value at gamma = 0) and {@code 2 d D (t
   * - 1/gamma)} with {@code D = 2 J^2 / gamma} for {@code gamma t >> 1} (diffusive).
   *
   * @param hopping J, finite
   * @param rate gamma, finite and >= 0
   * @param dimension d, >= 1
   * @param t time, finite and >= 0
   * @throws IllegalArgumentException if a parameter is outside its range
   */
  public static double exactMeanSquaredDisplacement(
      double hopping, double rate, int dimension, double t) {
    String where = "Dephasing.exactMeanSquaredDisplacement";
    Check.finite(where, "hopping J", hopping);
    Check.nonNegative(where, "rate gamma", rate);
    Check.atLeast(where, "dimension d", dimension, 1);
    Check.nonNegative(where, "time t", t);
    double x = rate * t;
    // MSD = 4 d J^2 t^2 g(x), g(x) = (x - 1 + e^{-x}) / x^2 = sum_k (-x)^k / (k+2)!: the series
    // avoids the cancellation in x - 1 + e^{-x} for small x (g(0) = 1/2, the ballistic limit).
    double g;
    if (x < 0.5) {
      g = 0;
      double term = 0.5;
      for (int k = 0; k < 40 && Math.abs(term) > 1e-18; k++) {
        g += term;
        term *= -x / (k + 3);
      }
    } else {
      g = (x + Math.expm1(-x)) / (x * x);
    }
    return 4.0 * dimension * hopping * hopping * t * t * g;
  }

  /**
   * The diffusion constant {@code D = 2 J^2 / gamma} of the dephased particle at times {@code t >>
   * 1/gamma}, where {@code MSD ~ 2 d D t}.
   *
   * @param hopping J, finite
   * @param rate gamma, finite and > 0
   * @throws IllegalArgumentException if a parameter is outside its range
   */
  public static double diffusionConstant(double hopping, double rate) {
    String where = "Dephasing.diffusionConstant";
    Check.finite(where, "hopping J", hopping);
    Check.positive(where, "rate gamma", rate);
    return 2 * hopping * hopping / rate;
  }

  private void requireConfigured(String where) {
    if (Double.isNaN(rate)) {
      throw new IllegalStateException(
          where + ": no dephasing rate; call rate(gamma) first, e.g. rate(1.0)");
    }
    if (times == null) {
      throw new IllegalStateException(
          where + ": no output times; call times(TimeGrid.linear(0, 10, 11)) or similar first");
    }
  }

  private List<Observable> measured() {
    return observables.isEmpty()
        ? List.of(Observables.norm(), Observables.meanSquaredDisplacement())
        : List.copyOf(observables);
  }

  @Override
  public String toString() {
    return "Dephasing of "
        + hamiltonian.description()
        + (Double.isNaN(rate) ? ", no rate yet (call rate(gamma))" : ", rate gamma = " + rate)
        + (times == null ? ", no output times yet (call times(...))" : ", " + times)
        + ", observables "
        + Arrays.toString(observables.stream().map(Observable::name).toArray())
        + "; then densityMatrix() or trajectories(R)";
  }
}
