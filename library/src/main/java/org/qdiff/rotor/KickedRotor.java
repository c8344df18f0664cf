package org.qdiff.rotor;

import java.util.List;
import java.util.concurrent.CancellationException;
import org.qdiff.frame.Columns;
import org.qdiff.frame.Frames;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Check;
import org.qdiff.numeric.ComplexVectors;
import org.qdiff.propagate.Trajectory;
import org.qdiff.state.StateBuffers;
import org.qdiff.state.WaveFunction;
import tech.tablesaw.api.Table;

/**
 * The quantum kicked rotor
 *
 * <pre>
 *   H = p^2 / 2 + K cos(theta) sum_m delta(t - m),    p = hbarEff n,  n integer,
 * </pre>
 *
 * a particle on a ring (angle theta) kicked once per unit of time. Between kicks the momentum is
 * conserved; a kick changes it by {@code K sin(theta)} classically, which makes the classical
 * motion the standard map ({@link StandardMap}). Units: moment of inertia 1, kick period 1, so time
 * counts kicks; K is dimensionless and {@code hbarEff} (k-bar) is the effective Planck constant.
 *
 * <p><b>Floquet evolution.</b> One period is {@code U = F K}: first the kick {@code K = exp(-i
 * (K/hbarEff) cos theta)}, diagonal in angle, then the free rotation {@code F = exp(-i hbarEff n^2
 * / 2)}, diagonal in momentum. The state "after t kicks" is {@code U^t psi_0}: t kicks, each
 * followed by its free rotation, i.e. the state just before kick t + 1. This is the order of the
 * standard map (kick {@code p' = p + K sin theta}, then rotation {@code theta' = theta + p'}), so
 * quantum and classical tables share their time axis; the momentum distribution does not depend on
 * the convention, since F does not change it.
 *
 * <p><b>Representation.</b> The state is a {@link WaveFunction} on {@link #lattice()}, a periodic
 * chain of N sites whose centred coordinate is the momentum number n, in {@code [-N/2, N/2)}: every
 * observable of the library works on it ({@code Observables.participationRatio()}, the msd {@code
 * <n^2>}, ...). The kick is applied on the N angles {@code theta_j = 2 pi j / N}, reached by the
 * unitary FFT of {@code numeric.Fourier}. Truncating the momenta is exact as long as the state
 * stays away from {@code |n| = N/2}; the evolution checks this at every output ({@link
 * RotorEvolution#edgeTolerance}).
 *
 * <p>Immutable and thread-safe; each evolution has its own buffers.
 */
public final class KickedRotor {

  /** Column of the integer momentum n in distribution tables. */
  public static final String MOMENTUM_NUMBER = "n";

  /** Column of the momentum {@code p = hbarEff n} in distribution tables. */
  public static final String MOMENTUM = "momentum";

  /**
   * Column of the probability of a momentum in distribution tables. Not {@code "p"}: for the rotor
   * p is the momentum.
   */
  public static final String PROBABILITY = "probability";

  private final double kickStrength;
  private final double hbar;
  private final int size;
  private final int offset;
  private final Lattice lattice;
  // Interleaved (cos, sin): kick phase at angle j, free phase at FFT index k.
  private final double[] kickPhase;
  private final double[] freePhase;

  KickedRotor(double kickStrength, double hbar, int size) {
    this.kickStrength = kickStrength;
    this.hbar = hbar;
    this.size = size;
    this.lattice = Lattice.chain(size).periodic().build();
    this.offset = -lattice.minCoordinate(0);
    this.kickPhase = new double[2 * size];
    this.freePhase = new double[2 * size];
    double strength = kickStrength / hbar;
    double[] cosine = new double[2];
    double turnsPerN2 =
        hbar / (4 * Math.PI); // hbarEff n^2 / 2 radians = hbarEff n^2 / (4 pi) turns
    for (int j = 0; j < size; j++) {
      Phases.unit((double) j / size, cosine, 0); // cos(theta_j), exact at quarter turns
      double angle = -strength * cosine[0];
      kickPhase[2 * j] = Math.cos(angle);
      kickPhase[2 * j + 1] = Math.sin(angle);
      Phases.unit(-Phases.quadraticTurns(turnsPerN2, momentumOfIndex(j)), freePhase, j);
    }
  }

  /**
   * Starts a rotor with kick strength K; continue with {@code hbar(...)}, {@code momenta(...)} and
   * {@code build()}.
   *
   * @param strength K, finite and {@code >= 0} (the sign of K only shifts theta by pi, so K >= 0
   *     loses nothing; K = 0 is the free rotor)
   * @return a builder
   * @throws IllegalArgumentException otherwise
   */
  public static KickedRotorBuilder kickStrength(double strength) {
    return new KickedRotorBuilder(Check.nonNegative("KickedRotor.kickStrength", "K", strength));
  }

  // ---------------------------------------------------------------- accessors

  /** The kick strength K (dimensionless). */
  public double kickStrength() {
    return kickStrength;
  }

  /** The effective Planck constant {@code hbarEff}. */
  public double hbar() {
    return hbar;
  }

  /** The number N of momenta kept. */
  public int momenta() {
    return size;
  }

  /** The smallest momentum number kept, {@code -floor(N/2)}. */
  public int minMomentum() {
    return -offset;
  }

  /** The largest momentum number kept, {@code N - 1 - floor(N/2)}. */
  public int maxMomentum() {
    return size - 1 - offset;
  }

  /** The momentum lattice: a periodic chain of N sites whose centred coordinate is n. */
  public Lattice lattice() {
    return lattice;
  }

  /**
   * The diffusion constant D of the classical standard map with this K, in the Rechester-White form
   * ({@link StandardMap#rechesterWhiteDiffusion}): {@code <(p_t - p_0)^2> ~ D t} classically.
   */
  public double classicalDiffusion() {
    return StandardMap.rechesterWhiteDiffusion(kickStrength);
  }

  /**
   * The estimate {@code xi = D / hbarEff^2} of the localization length in n (Chirikov, Izrailev and
   * Shepelyansky): the time-averaged momentum distribution falls off like {@code exp(-2|n| / xi)},
   * and the quantum {@code <p^2>} follows the classical {@code D t} up to a break time {@code t*}
   * of the same order, in kicks. An order-of-magnitude estimate for K above about 5, not an exact
   * law.
   */
  public double localizationLength() {
    return classicalDiffusion() / (hbar * hbar);
  }

  // ---------------------------------------------------------------- states

  /**
   * The momentum eigenstate |n>: the rotor spins with momentum {@code hbarEff n}, its angle is
   * uniformly spread.
   *
   * @param n a momentum number in {@code [minMomentum(), maxMomentum()]}
   * @throws IllegalArgumentException otherwise
   */
  public WaveFunction momentumState(int n) {
    if (n < minMomentum() || n > maxMomentum()) {
      throw new IllegalArgumentException(
          "KickedRotor.momentumState: n must be in ["
              + minMomentum()
              + ", "
              + maxMomentum()
              + "] (the momenta kept), got "
              + n);
    }
    return WaveFunction.delta(lattice, n + offset);
  }

  // ---------------------------------------------------------------- evolution

  /**
   * {@code U psi}: one period (kick, then free rotation).
   *
   * @see #apply(WaveFunction, int)
   */
  public WaveFunction apply(WaveFunction psi) {
    return apply(psi, 1);
  }

  /**
   * {@code U^t psi}: t periods of the Floquet operator, as an operator on the N momenta kept (no
   * check of the grid edges, no renormalization: the norm is conserved to round-off). Use {@link
   * #evolve} for a physics run with observables and checks.
   *
   * @param psi a state on {@link #lattice()} (not modified)
   * @param kicks t {@code >= 0} (0 returns a copy)
   * @return a new state
   * @throws IllegalArgumentException if psi lives on another lattice or kicks is negative
   * @throws CancellationException if the thread is interrupted
   */
  public WaveFunction apply(WaveFunction psi, int kicks) {
    requireOnLattice("KickedRotor.apply", psi);
    Check.atLeast("KickedRotor.apply", "kicks", kicks, 0);
    double[] re = new double[size];
    double[] im = new double[size];
    toMomentumOrder(psi, re, im);
    FloquetStep step = new FloquetStep(kickPhase, freePhase, re, im);
    for (int t = 0; t < kicks; t++) {
      step.period();
      if (Thread.interrupted()) {
        throw new CancellationException(
            "KickedRotor.apply: interrupted after kick " + (t + 1) + " of " + kicks);
      }
    }
    StateBuffers out = new StateBuffers(lattice);
    toSiteOrder(re, im, out.re, out.im);
    return out.snapshot();
  }

  /**
   * Starts configuring an evolution from a state: {@code rotor.evolve(psi).kicks(1000).run()}.
   *
   * @param initial a state on {@link #lattice()}, e.g. {@link #momentumState(int)}
   * @throws IllegalArgumentException if it lives on another lattice
   */
  public RotorEvolution evolve(WaveFunction initial) {
    requireOnLattice("KickedRotor.evolve", initial);
    return new RotorEvolution(this, initial);
  }

  /**
   * Evolves a state for a number of kicks with the defaults of {@link RotorEvolution}: a row for
   * every kick t = 0..kicks with columns t, p2, norm.
   *
   * @param initial a state on {@link #lattice()}
   * @param kicks {@code >= 1}
   * @throws IllegalArgumentException if the state lives on another lattice or kicks {@code < 1}
   * @throws MomentumCutoffException if probability reaches the edges of the momentum grid
   */
  public Trajectory<WaveFunction> run(WaveFunction initial, int kicks) {
    Check.atLeast("KickedRotor.run", "kicks", kicks, 1);
    return evolve(initial).kicks(kicks).run();
  }

  // ---------------------------------------------------------------- distributions

  /**
   * The momentum distribution of a state: columns {@code n}, {@code momentum} ({@code hbarEff n})
   * and {@code probability} {@code |<n|psi>|^2}, one row per momentum kept, n increasing.
   *
   * @throws IllegalArgumentException if the state lives on another lattice
   */
  public Table momentumDistribution(WaveFunction psi) {
    requireOnLattice("KickedRotor.momentumDistribution", psi);
    double[] n = new double[size];
    double[] p = new double[size];
    for (int i = 0; i < size; i++) {
      n[i] = i - offset;
      p[i] = hbar * n[i];
    }
    return Frames.table(
        "momentum distribution",
        new String[] {MOMENTUM_NUMBER, MOMENTUM, PROBABILITY},
        new double[][] {n, p, psi.probabilityArray()});
  }

  /**
   * The momentum distributions of all kept states of a run, in long form: columns {@code t}, {@code
   * n}, {@code momentum}, {@code probability}; plot with {@code groupBy("t")}.
   *
   * @param run a run of this rotor with {@code keepStates()}
   * @throws IllegalStateException if the run kept no states
   * @throws IllegalArgumentException if its states live on another lattice
   */
  public Table momentumDistributions(Trajectory<WaveFunction> run) {
    Check.notNull("KickedRotor.momentumDistributions", "run", run);
    List<WaveFunction> states = run.states();
    double[] times = run.times();
    int rows = states.size() * size;
    double[] t = new double[rows];
    double[] n = new double[rows];
    double[] p = new double[rows];
    double[] probability = new double[rows];
    for (int s = 0; s < states.size(); s++) {
      requireOnLattice("KickedRotor.momentumDistributions", states.get(s));
      double[] ps = states.get(s).probabilityArray();
      for (int i = 0; i < size; i++) {
        int row = s * size + i;
        t[row] = times[s];
        n[row] = i - offset;
        p[row] = hbar * n[row];
        probability[row] = ps[i];
      }
    }
    return Frames.table(
        "momentum distributions",
        new String[] {Columns.TIME, MOMENTUM_NUMBER, MOMENTUM, PROBABILITY},
        new double[][] {t, n, p, probability});
  }

  /**
   * The time-averaged momentum distribution {@code (1/S) sum_s |<n|psi_{t_s}>|^2} over the kept
   * states with {@code t_s >= fromKick}: averaging over many kicks smooths the fluctuations of a
   * single time and shows the exponential localization {@code exp(-2|n| / xi)} cleanly. Columns
   * {@code n}, {@code momentum}, {@code probability}.
   *
   * @param run a run of this rotor with {@code keepStates()}
   * @param fromKick the first kick averaged over, {@code >= 0}
   * @throws IllegalStateException if the run kept no states
   * @throws IllegalArgumentException if no kept state has {@code t >= fromKick}
   */
  public Table averageMomentumDistribution(Trajectory<WaveFunction> run, int fromKick) {
    String where = "KickedRotor.averageMomentumDistribution";
    Check.notNull(where, "run", run);
    Check.atLeast(where, "fromKick", fromKick, 0);
    List<WaveFunction> states = run.states();
    double[] times = run.times();
    double[] sum = new double[size];
    int count = 0;
    for (int s = 0; s < states.size(); s++) {
      if (times[s] >= fromKick) {
        requireOnLattice(where, states.get(s));
        double[] ps = states.get(s).probabilityArray();
        for (int i = 0; i < size; i++) {
          sum[i] += ps[i];
        }
        count++;
      }
    }
    if (count == 0) {
      throw new IllegalArgumentException(
          where
              + ": fromKick must be <= the last kept kick "
              + times[times.length - 1]
              + ", got "
              + fromKick);
    }
    double[] n = new double[size];
    double[] p = new double[size];
    for (int i = 0; i < size; i++) {
      sum[i] /= count;
      n[i] = i - offset;
      p[i] = hbar * n[i];
    }
    return Frames.table(
        "momentum distribution averaged over " + count + " kept states from t = " + fromKick,
        new String[] {MOMENTUM_NUMBER, MOMENTUM, PROBABILITY},
        new double[][] {n, p, sum});
  }

  // ---------------------------------------------------------------- internals

  double[] kickPhase() {
    return kickPhase;
  }

  double[] freePhase() {
    return freePhase;
  }

  int offset() {
    return offset;
  }

  /** The momentum n of FFT index k: k below (N+1)/2 stands for k, above for k - N. */
  private int momentumOfIndex(int k) {
    return k < (size + 1) / 2 ? k : k - size;
  }

  /** Copies a state from site order (n = i - offset) to FFT order (index n mod N). */
  void toMomentumOrder(WaveFunction psi, double[] re, double[] im) {
    double[][] parts = psi.toArrays();
    for (int i = 0; i < size; i++) {
      int k = Math.floorMod(i - offset, size);
      re[k] = parts[0][i];
      im[k] = parts[1][i];
    }
  }

  /** Copies FFT-order buffers to site order (modifies outRe, outIm). */
  void toSiteOrder(double[] re, double[] im, double[] outRe, double[] outIm) {
    for (int i = 0; i < size; i++) {
      int k = Math.floorMod(i - offset, size);
      outRe[i] = re[k];
      outIm[i] = im[k];
    }
  }

  void requireOnLattice(String where, WaveFunction psi) {
    Check.notNull(where, "state", psi);
    if (!lattice.sameGeometry(psi.lattice())) {
      throw new IllegalArgumentException(
          where
              + ": the state must live on the rotor's momentum lattice "
              + lattice
              + ", got a state on "
              + psi.lattice()
              + "; make it with rotor.momentumState(n) or on rotor.lattice()");
    }
  }

  static double normSquared(double[] re, double[] im) {
    return ComplexVectors.normSquared(re, im);
  }

  @Override
  public String toString() {
    return String.format(
        "KickedRotor: K = %s, hbarEff = %s, N = %d momenta n in [%d, %d]; classical D = %.4g,"
            + " localization length estimate D/hbarEff^2 = %.4g",
        kickStrength,
        hbar,
        size,
        minMomentum(),
        maxMomentum(),
        classicalDiffusion(),
        localizationLength());
  }
}
