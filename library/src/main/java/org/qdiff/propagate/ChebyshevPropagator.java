package org.qdiff.propagate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.hamiltonian.SpectralBounds;
import org.qdiff.numeric.Chebyshev;
import org.qdiff.numeric.Check;
import org.qdiff.numeric.SparseOperator;
import org.qdiff.state.StateBuffers;
import org.qdiff.state.WaveFunction;

/**
 * The Chebyshev-expansion propagator for large sparse Hamiltonians. Each step's error is bounded in
 * norm by the tolerance, whatever its length (see {@link Chebyshev}); the number of
 * Hamiltonian-vector products grows like {@code halfWidth * |step|}, halfWidth being half the width
 * of the spectral interval.
 *
 * <p>The interval is by default the Lanczos estimate {@link Hamiltonian#estimatedSpectralBounds()}:
 * for the 3D Anderson model with W = 4 it is about 19 % narrower than Gershgorin's, for random band
 * matrices four times. An estimate is not a proof, so each step checks that the Chebyshev vectors
 * {@code T_n(H~) psi} do not outgrow {@code psi} (they would if part of the spectrum lay outside)
 * and takes a few more terms than the plain tail needs, so that the tolerance holds even for
 * eigenvalues slightly outside; {@link Chebyshev} gives the argument. A failed check redoes the
 * step on the Gershgorin interval, which the stepper then keeps, and leaves a warning in the
 * trajectory. {@code bounds(SpectralBounds.Source.GERSHGORIN)} skips the estimate and the checks.
 *
 * <p>Memory: the stepper holds two state-sized vectors and works in place on the state. To redo a
 * step it needs the state from before the step: {@link Stepper#advance(StateBuffers, double,
 * double)} keeps a copy of it during verified steps (a third vector), while {@link
 * Stepper#advance(StateBuffers, double, double, WaveFunction, double)}, which {@link Evolution}
 * uses, keeps none and redoes the run from the caller's initial state instead.
 */
public final class ChebyshevPropagator implements Propagator {

  /**
   * Relative widening of the spectral interval: the Gershgorin bounds contain the spectrum exactly,
   * the margin only absorbs rounding in them so that {@code ||H~|| <= 1} surely holds.
   */
  static final double SAFETY_MARGIN = 1e-3;

  private final double tolerance;
  private final SpectralBounds.Source source;
  // An interval to assume in place of the Lanczos estimate (tests of the fallback); null normally.
  private final SpectralBounds assumed;

  ChebyshevPropagator(double tolerance) {
    this(tolerance, SpectralBounds.Source.LANCZOS, null);
  }

  private ChebyshevPropagator(
      double tolerance, SpectralBounds.Source source, SpectralBounds assumed) {
    this.tolerance = tolerance;
    this.source = source;
    this.assumed = assumed;
  }

  /**
   * A copy with another tolerance: the bound on each step's error in norm.
   *
   * @param tolerance in [1e-15, 1e-1]
   */
  public ChebyshevPropagator tolerance(double tolerance) {
    if (!(tolerance >= 1e-15 && tolerance <= 1e-1)) {
      throw new IllegalArgumentException(
          "ChebyshevPropagator.tolerance: tolerance must be in [1e-15, 0.1], got " + tolerance);
    }
    return new ChebyshevPropagator(tolerance, source, assumed);
  }

  /** The error bound per step. */
  public double tolerance() {
    return tolerance;
  }

  /**
   * A copy that takes its spectral interval from the given source (default {@link
   * SpectralBounds.Source#LANCZOS}, verified during the run; {@link
   * SpectralBounds.Source#GERSHGORIN} for the guaranteed but wider interval).
   */
  public ChebyshevPropagator bounds(SpectralBounds.Source source) {
    Check.notNull("ChebyshevPropagator.bounds", "source", source);
    return new ChebyshevPropagator(tolerance, source, null);
  }

  /** Where the spectral interval comes from. */
  public SpectralBounds.Source bounds() {
    return source;
  }

  /**
   * A copy that expands on {@code interval} as if it were the Lanczos estimate, verified like it:
   * lets tests hand over an interval that misses part of the spectrum.
   */
  ChebyshevPropagator assumingBounds(SpectralBounds interval) {
    return new ChebyshevPropagator(tolerance, SpectralBounds.Source.LANCZOS, interval);
  }

  @Override
  public String describe() {
    return "Chebyshev, tolerance "
        + tolerance
        + (source == SpectralBounds.Source.GERSHGORIN ? ", Gershgorin bounds" : "");
  }

  @Override
  public void check(Hamiltonian hamiltonian) {
    Check.notNull("ChebyshevPropagator.check", "hamiltonian", hamiltonian);
  }

  @Override
  public Stepper prepare(Hamiltonian hamiltonian) {
    SpectralBounds gershgorin = hamiltonian.spectralBounds();
    Chebyshev.Interval guaranteed = widened(gershgorin);
    Chebyshev.Interval interval = guaranteed;
    SpectralBounds estimate = null;
    if (source == SpectralBounds.Source.LANCZOS) {
      estimate = assumed != null ? assumed : hamiltonian.estimatedSpectralBounds();
      Chebyshev.Interval e = widened(estimate);
      // How far out, on the scale of the estimate, Gershgorin lets an eigenvalue lie (a hair
      // further, for rounding in the Gershgorin sums).
      double reach =
          (1 + 1e-9)
              * Math.max(e.center() - gershgorin.lower(), gershgorin.upper() - e.center())
              / e.halfWidth();
      interval = new Chebyshev.Interval(e.center(), e.halfWidth(), reach);
    }
    return new Run(hamiltonian.operator(), interval, guaranteed, estimate, gershgorin, tolerance);
  }

  /** The interval widened by the safety margin; a zero-width one still gets a positive width. */
  private static Chebyshev.Interval widened(SpectralBounds bounds) {
    double scale = Math.max(Math.abs(bounds.lower()), Math.abs(bounds.upper()));
    double halfWidth = bounds.halfWidth() * (1 + SAFETY_MARGIN) + 1e-12 * Math.max(1, scale);
    return Chebyshev.Interval.guaranteed(bounds.center(), halfWidth);
  }

  @Override
  public String toString() {
    return "Propagators.chebyshev().tolerance("
        + tolerance
        + ")"
        + (source == SpectralBounds.Source.GERSHGORIN
            ? ".bounds(SpectralBounds.Source.GERSHGORIN)"
            : "");
  }

  /**
   * A Chebyshev stepper bound to one Hamiltonian. After a failed check it stays on the Gershgorin
   * interval until {@link #reset()}.
   */
  static final class Run implements Stepper {
    private final SparseOperator operator;
    private final Chebyshev.Interval initial;
    private final Chebyshev.Interval guaranteed;
    private final SpectralBounds estimate;
    private final SpectralBounds gershgorin;
    private final double tolerance;
    private final Chebyshev.Workspace work;
    private final List<String> warnings = new ArrayList<>();
    private Chebyshev.Interval interval;
    private int fallbacks;

    Run(
        SparseOperator operator,
        Chebyshev.Interval interval,
        Chebyshev.Interval guaranteed,
        SpectralBounds estimate,
        SpectralBounds gershgorin,
        double tolerance) {
      this.operator = operator;
      this.initial = interval;
      this.interval = interval;
      this.guaranteed = guaranteed;
      this.estimate = estimate;
      this.gershgorin = gershgorin;
      this.tolerance = tolerance;
      this.work = new Chebyshev.Workspace(operator.size());
    }

    @Override
    public long advance(StateBuffers state, double from, double to) {
      int before = work.fallbacks();
      long applications =
          Chebyshev.propagate(
              operator, interval, guaranteed, to - from, tolerance, state.re, state.im, work);
      if (work.fallbacks() > before) {
        fallBack(from, to, "the step was redone, and the run goes on");
      }
      return applications;
    }

    /**
     * Runs in place, three state-sized vectors with the state: a step on the estimate that fails
     * its check has overwritten the state, so the run is redone from {@code origin} to {@code to}
     * on the Gershgorin interval, at most once per stepper (it then stays on that interval).
     */
    @Override
    public long advance(
        StateBuffers state, double from, double to, WaveFunction origin, double originTime) {
      if (!interval.isEstimate()) {
        return advance(state, from, to); // in place already: nothing to redo
      }
      long used =
          Chebyshev.propagateInPlace(
              operator, interval, to - from, tolerance, state.re, state.im, work);
      if (used >= 0) {
        return used;
      }
      fallBack(from, to, "the run was redone from t = " + originTime + ", and goes on");
      state.load(origin);
      return -used
          - 1
          + Chebyshev.propagate(
              operator, guaranteed, null, to - originTime, tolerance, state.re, state.im, work);
    }

    /** Moves to the Gershgorin interval after a failed check, with a warning. */
    private void fallBack(double from, double to, String remedy) {
      fallbacks++;
      interval = guaranteed;
      warnings.add(
          String.format(
              Locale.ROOT,
              "Chebyshev: ||T_%d(H~) psi|| grew to %.6g ||psi|| in the step from t = %s to %s,"
                  + " so part of the spectrum lies outside the Lanczos estimate %s; %s, on the"
                  + " Gershgorin bounds %s",
              work.lastFailedTerm(),
              work.lastGrowth(),
              from,
              to,
              estimate,
              remedy,
              gershgorin));
    }

    /** Whether the workspace holds the buffer that keeps the state through a verified step. */
    boolean keepsState() {
      return work.keepsState();
    }

    @Override
    public List<String> warnings() {
      return List.copyOf(warnings);
    }

    /** Forgets a fallback and its warnings: the next step tries the estimate again. */
    @Override
    public void reset() {
      interval = initial;
      warnings.clear();
    }

    /** How many steps failed their check and were redone on the Gershgorin interval. */
    int fallbacks() {
      return fallbacks;
    }

    /** The interval the next step expands on. */
    Chebyshev.Interval interval() {
      return interval;
    }
  }
}
