package org.qdiff.numeric;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import org.hipparchus.special.BesselJ;

/**
 * Chebyshev expansion of the propagator {@code exp(-i H tau)}.
 *
 * <p>With the spectrum of H inside {@code [center - halfWidth, center + halfWidth]} and {@code H~ =
 * (H - center) / halfWidth},
 *
 * <pre>
 *   exp(-i H tau) = exp(-i center tau) [ J_0(z) + 2 sum_{k>=1} (-i)^k J_k(z) T_k(H~) ],  z = halfWidth tau,
 * </pre>
 *
 * where {@code T_k} are Chebyshev polynomials, computed by {@code T_{k+1} = 2 H~ T_k - T_{k-1}}.
 * Since {@code ||T_k(H~)|| <= 1}, dropping the terms beyond K costs at most {@code S_K = 2
 * sum_{k>K} |J_k(z)|} in norm: the series is cut where that tail falls below the tolerance, so the
 * error of each step is bounded by the tolerance, whatever the step length.
 *
 * <h2>Intervals that are only estimated</h2>
 *
 * An interval from a few Lanczos steps ({@link Lanczos}) is much tighter than Gershgorin's, but not
 * proven to contain the spectrum. Such an {@link Interval} carries its <em>reach</em> R: the
 * largest {@code |x|} that an eigenvalue can have on the scale of {@code H~}, from bounds that do
 * hold (Gershgorin's). When R > 1 the step is verified while it runs, and its order K is chosen so
 * that the tolerance holds <em>whether or not</em> eigenvalues lie outside {@code [-1, 1]}:
 *
 * <ol>
 *   <li>Split {@code psi} into its components inside {@code [-1, 1]} and outside. Inside, the error
 *       is at most {@code S_K} times their norm, as above.
 *   <li>An outside component {@code c} at {@code x = cosh(eta) > 1} grows in the recurrence: {@code
 *       T_n(x) = cosh(n eta)}. Components are orthogonal, so {@code ||T_K(H~) psi||^2 >= sum |c|^2
 *       cosh^2(K eta)}. The run checks {@code ||T_K(H~) psi|| <= rho ||psi||} with {@code rho =
 *       }{@link #GROWTH_LIMIT} (also every 64 terms, to stop early): a vector longer than {@code
 *       psi} proves that part of the spectrum lies outside, and the step is redone on the
 *       guaranteed interval. Inside components alone never fail the check, since {@code |T_n(x)| <=
 *       1} there.
 *   <li>When the check passes, {@code sum |c|^2 cosh^2(K eta) <= rho^2 ||psi||^2}. The error of one
 *       outside component, {@code |c| |exp(-i z x) - S_K(x)|} with {@code S_K} the kept series, is
 *       at most {@code |c| cosh(K eta)} times either of
 *       <pre>
 *   B1(eta) = sum_{k>K} 2 |J_k| cosh(k eta) / cosh(K eta)          (the dropped terms),
 *   B2(eta) = [1 + sum_{k<=K} 2 |J_k| cosh(k eta)] / cosh(K eta)   (|exact| + |kept terms|).
 * </pre>
 *       B1 grows with eta, B2 falls, so any split {@code eta_s} covers every eta with {@code F =
 *       max(B1(eta_s), B2(eta_s))}: the split {@code arccosh((K + 1) / z)}, where the terms of B1
 *       stop shrinking, serves (a search over splits found no lower order); and when Gershgorin
 *       lets no eigenvalue lie beyond {@code arccosh R}, {@code B1(arccosh R)} alone serves too.
 *       The terms of B1 beyond the computed orders are bounded by Kapteyn's inequality {@code
 *       |J_k(z)| <= exp(-k (a_k - tanh a_k))}, {@code cosh a_k = k / z}, whose exponent is convex
 *       in k with slope {@code a_k}.
 *   <li>Summing the orthogonal errors, the outside part errs by at most {@code F rho ||psi||}, the
 *       whole step by {@code ||psi|| sqrt(S_K^2 + rho^2 F^2)}; K is the smallest order from the
 *       plain cut up at which this is below the tolerance. It costs a few terms more than the plain
 *       cut (about 1-2 % at {@code z} of a few hundred), and a cut without them can indeed miss the
 *       tolerance for a component that the check cannot see.
 * </ol>
 *
 * A wrong estimate thus never spoils the error bound: a component far outside is caught by the
 * check, one slightly outside is covered by the choice of K.
 */
public final class Chebyshev {

  /**
   * Largest {@code x = halfWidth |tau|} of one step. Hipparchus' Bessel recurrence is valid up to
   * 1e4; longer steps are split, which costs a few per cent more terms.
   */
  public static final double MAX_ARGUMENT = 4000.0;

  /**
   * The check {@code ||T_n(H~) psi|| <= GROWTH_LIMIT ||psi||} of a verified step (and of {@link
   * ChebyshevMoments}): {@code |T_n| <= 1} inside {@code [-1, 1]}, and the slack 1e-6 lies far
   * above the rounding of the recurrence (of order {@code n^2} ulps at worst, 1e-9 at n = 4000).
   */
  public static final double GROWTH_LIMIT = 1 + 1e-6;

  /** How often (in terms) a long recurrence looks for an interrupt and checks its growth. */
  private static final int CHECK_INTERVAL = 64;

  private Chebyshev() {}

  /**
   * A spectral interval {@code [center - halfWidth, center + halfWidth]} for the expansion.
   *
   * @param center its middle
   * @param halfWidth half its width, > 0
   * @param reach the largest {@code |E - center| / halfWidth} of any eigenvalue E by bounds that
   *     hold: at most 1 when the interval surely contains the spectrum (the steps then run
   *     unchecked), above 1 when it is an estimate (the steps are verified, see the class comment)
   */
  public record Interval(double center, double halfWidth, double reach) {

    /** An interval known to contain the spectrum (reach 1). */
    public static Interval guaranteed(double center, double halfWidth) {
      return new Interval(center, halfWidth, 1);
    }

    /** Whether steps on this interval are verified (reach above 1). */
    public boolean isEstimate() {
      return reach > 1;
    }
  }

  /**
   * Bessel coefficients {@code J_k(|x|)}, k = 0..K, where K is the smallest order with {@code 2
   * sum_{k>K} |J_k| <= tolerance}.
   *
   * @param x step argument {@code halfWidth * tau}, |x| <= {@link #MAX_ARGUMENT}
   * @param tolerance bound on the truncation error, > 0
   */
  public static double[] besselCoefficients(double x, double tolerance) {
    double ax = Math.abs(x);
    if (ax == 0) {
      return new double[] {1.0};
    }
    // Past the turning point k = x, J_k decays like exp(-(2/3) z^{3/2}), z = (k - x) / (x/2)^{1/3};
    // 20 x^{1/3} + 40 extra orders reach below 1e-30, far below any tolerance asked for.
    double[] j = bessel(ax, (int) Math.ceil(ax + 20 * Math.cbrt(ax) + 40));
    int cut = j.length - 1;
    double tail = 0;
    while (cut > 0 && tail + 2 * Math.abs(j[cut]) <= tolerance) {
      tail += 2 * Math.abs(j[cut]);
      cut--;
    }
    return Arrays.copyOf(j, cut + 1);
  }

  /**
   * Bessel coefficients for a step on an interval of the given reach: for {@code reach <= 1} those
   * of {@link #besselCoefficients(double, double)}; above 1, the smallest order K at which the
   * error bound {@code sqrt(S_K^2 + rho^2 F^2)} of the class comment is below the tolerance, valid
   * as long as the step's growth check passes.
   *
   * @param x step argument {@code halfWidth * tau}, |x| <= {@link #MAX_ARGUMENT}
   * @param tolerance bound on the error per unit norm, > 0
   * @param reach the interval's reach (see {@link Interval})
   */
  public static double[] besselCoefficients(double x, double tolerance, double reach) {
    double ax = Math.abs(x);
    if (!(reach > 1) || ax == 0) {
      return besselCoefficients(x, tolerance);
    }
    // More orders than for a plain cut: B1 weights J_k by up to exp((k - K) eta).
    int orders = (int) Math.ceil(ax + 40 * Math.cbrt(ax) + 80);
    double[] j = bessel(ax, orders);
    int last = orders - 1;
    // tail[k] = S_k = 2 sum_{i>k} |J_i|, with Kapteyn's bound beyond the computed orders.
    double[] tail = new double[orders];
    tail[last] = kapteyn(ax, last, last, 0);
    for (int k = last - 1; k >= 0; k--) {
      tail[k] = tail[k + 1] + 2 * Math.abs(j[k + 1]);
    }
    int order = last;
    while (order > 0 && tail[order - 1] <= tolerance) {
      order--;
    }
    double etaMax = acosh(reach);
    while (order < last && !bounded(j, ax, order, etaMax, tail[order], tolerance)) {
      order++;
    }
    return Arrays.copyOf(j, order + 1);
  }

  /**
   * Whether order K meets {@code S_K^2 + rho^2 F^2 <= tol^2}. F takes the split {@code eta_s =
   * arccosh((K + 1) / z)}, where the terms of B1 stop shrinking (Debye: {@code J_{k+1} / J_k ~
   * exp(-arccosh(k / z))}); a search over a grid of splits gave the same orders for z from 0.1 to
   * 4000, reach from 1.01 to 4 and tolerances from 1e-14 to 1e-6.
   */
  private static boolean bounded(
      double[] j, double z, int order, double etaMax, double tail, double tolerance) {
    double top = top(j, z, etaMax);
    double eta = Math.min(top, Math.max(1e-6 * top, acosh(Math.max(1, (order + 1) / z))));
    double f = Math.max(dropped(j, z, order, eta), kept(j, order, eta));
    if (etaMax <= top) {
      // No eigenvalue lies beyond etaMax: B1(etaMax) covers all of them.
      f = Math.min(f, dropped(j, z, order, etaMax));
    }
    double rho = GROWTH_LIMIT;
    return tail * tail + rho * rho * f * f <= tolerance * tolerance;
  }

  /**
   * The largest split: below 0.95 a_L, where Kapteyn's remainder decays geometrically, and below
   * 600 / L, where the weights {@code exp((k - K) eta)} stay doubles.
   */
  private static double top(double[] j, double z, double etaMax) {
    int last = j.length - 1;
    return Math.min(etaMax, Math.min(0.95 * acosh(last / z), 600.0 / last));
  }

  /** {@code J_0(x) .. J_{orders-1}(x)}, x > 0; orders lost to underflow are zero. */
  private static double[] bessel(double x, int orders) {
    BesselJ.BesselJResult result = BesselJ.rjBesl(x, 0.0, orders);
    double[] j = result.getVals();
    int valid = result.getnVals();
    // For small x the high orders underflow: those are zero, not lost accuracy.
    if (valid < orders && (valid < 1 || Math.abs(j[valid - 1]) > 1e-200)) {
      throw new ArithmeticException(
          "Chebyshev: Bessel recurrence lost accuracy at x = " + x + ", order " + valid);
    }
    for (int k = Math.max(valid, 0); k < orders; k++) {
      j[k] = 0;
    }
    return j;
  }

  /**
   * B1: {@code sum_{k>K} 2 |J_k| cosh(k eta) / cosh(K eta)}, bounded term by term by {@code 2 |J_k|
   * exp((k - K) eta)}; summed until Kapteyn's bound on the rest falls below 1e-3 of the sum, which
   * happens at the latest at the last computed order (eta <= 0.95 a_L).
   */
  private static double dropped(double[] j, double z, int order, double eta) {
    int last = j.length - 1;
    double growth = Math.exp(eta);
    // Past k = z cosh(eta), a_k > eta and Kapteyn's bound decays geometrically.
    double decaying = z * Math.cosh(1.05 * eta);
    double weight = 1;
    double sum = 0;
    for (int k = order + 1; k < last; k++) {
      weight *= growth;
      sum += 2 * Math.abs(j[k]) * weight;
      if ((k & 7) == 0 && k > decaying) {
        double rest = kapteyn(z, k, order, eta);
        if (rest <= 1e-3 * sum) {
          return sum + rest;
        }
      }
    }
    if (last > order) {
      sum += 2 * Math.abs(j[last]) * weight * growth;
    }
    return sum + kapteyn(z, last, order, eta);
  }

  /**
   * Kapteyn's bound on {@code sum_{k>from} 2 |J_k(z)| exp((k - K) eta)}, for {@code from > z
   * cosh(eta)}: {@code |J_k(z)| <= exp(-E(k))}, {@code E(k) = k (a_k - tanh a_k)}, {@code cosh a_k
   * = k / z}, and E is convex of slope {@code a_k}, so {@code |J_k| <= exp(-E(from) - a (k -
   * from))} with {@code a = a_from}: a geometric series of ratio {@code q = exp(eta - a)}.
   */
  private static double kapteyn(double z, int from, int order, double eta) {
    double a = acosh(from / z);
    double q = Math.exp(eta - a);
    double exponent = -from * (a - Math.tanh(a)) + (from - order) * eta;
    return 2 * Math.exp(exponent) * q / (1 - q);
  }

  /**
   * B2: {@code [1 + |J_0| + sum_{1<=k<=K} 2 |J_k| cosh(k eta)] / cosh(K eta)}, summed down from k =
   * K until the rest, bounded with {@code |J_k| <= 1}, falls below 1e-3 of the sum.
   */
  private static double kept(double[] j, int order, double eta) {
    // cosh(k eta) / cosh(K eta) = (e^{-(K-k) eta} + e^{-(K+k) eta}) / (1 + e^{-2K eta})
    double h = Math.exp(-eta);
    double hK = Math.exp(-order * eta);
    double norm = 1 / (1 + hK * hK);
    double near = 1; // e^{-(K-k) eta}
    double far = hK * hK; // e^{-(K+k) eta}
    double sum = 0;
    for (int k = order; k >= 0; k--) {
      sum += (k == 0 ? 1 : 2) * Math.abs(j[k]) * (near + far);
      // The terms below k: sum e^{-(K-i) eta} <= near h / (1 - h), sum e^{-(K+i) eta} <= h^K /
      // (1-h)
      double rest = 2 * (near * h + hK) / (1 - h);
      if (k > 0 && near * h / (1 - h) <= 1e-3 * sum) {
        return 2 * hK * norm + (sum + rest) * norm;
      }
      near *= h;
      far /= h;
    }
    return 2 * hK * norm + sum * norm;
  }

  private static double acosh(double x) {
    return Math.log(x + Math.sqrt(x * x - 1));
  }

  /**
   * Buffers of one Chebyshev step, allocated once per evolution: two complex vectors (the newest
   * Chebyshev vector but one, the sum of the series), and a third, allocated when first needed, for
   * steps that keep {@code psi} to redo them (see {@link Chebyshev#propagate(SparseOperator,
   * Interval, Interval, double, double, double[], double[], Workspace)}); with {@code psi} itself
   * that makes three or four state-sized vectors. Also the coefficients of the last step length
   * (reused while it repeats) and a count of failed checks. Not thread-safe: one per running
   * evolution.
   */
  public static final class Workspace {
    final double[] aRe;
    final double[] aIm;
    final double[] accRe;
    final double[] accIm;
    // Holds T_2, T_4, ... when psi must survive the step; null until a step needs it.
    private double[] bRe;
    private double[] bIm;
    private double cachedX = Double.NaN;
    private double cachedTolerance;
    private double cachedReach;
    private double[] cachedCoefficients;
    private int fallbacks;
    // The time a step had left when its check failed, the failed sub-step included.
    private double unfinished;
    private double growth;
    private int failedTerm;

    /**
     * @param size vector length
     */
    public Workspace(int size) {
      aRe = new double[size];
      aIm = new double[size];
      accRe = new double[size];
      accIm = new double[size];
    }

    /** The vector length these buffers serve. */
    public int size() {
      return aRe.length;
    }

    /**
     * How many steps failed their growth check since these buffers were made (each redone on the
     * guaranteed interval, by {@link Chebyshev#propagate} itself or by the caller of {@link
     * Chebyshev#propagateInPlace}).
     */
    public int fallbacks() {
      return fallbacks;
    }

    /** {@code ||T_n(H~) psi|| / ||psi||} at the last failed check (0 if none failed). */
    public double lastGrowth() {
      return growth;
    }

    /** The order n of the last failed check (0 if none failed). */
    public int lastFailedTerm() {
      return failedTerm;
    }

    /** Whether the buffer that lets a step keep {@code psi} has been allocated. */
    public boolean keepsState() {
      return bRe != null;
    }

    /** Allocates, on first use, the buffer for T_2, T_4, ... of a step that keeps psi. */
    private void ensureSpare() {
      if (bRe == null) {
        bRe = new double[aRe.length];
        bIm = new double[aRe.length];
      }
    }

    double[] coefficients(double x, double tolerance, double reach) {
      if (x != cachedX || tolerance != cachedTolerance || reach != cachedReach) {
        cachedCoefficients = besselCoefficients(x, tolerance, reach);
        cachedX = x;
        cachedTolerance = tolerance;
        cachedReach = reach;
      }
      return cachedCoefficients;
    }
  }

  /**
   * Replaces {@code psi} by {@code exp(-i H tau) psi}, splitting long steps, on an interval known
   * to contain the spectrum.
   *
   * @param operator H
   * @param center middle of the spectral interval
   * @param halfWidth half its width, > 0, such that the interval contains the spectrum
   * @param tau time step, any sign (negative: backward in time)
   * @param tolerance truncation error per sub-step, > 0
   * @param re real parts, modified
   * @param im imaginary parts, modified
   * @param work buffers of the same size
   * @return number of applications of H
   */
  public static long propagate(
      SparseOperator operator,
      double center,
      double halfWidth,
      double tau,
      double tolerance,
      double[] re,
      double[] im,
      Workspace work) {
    return propagate(
        operator, Interval.guaranteed(center, halfWidth), null, tau, tolerance, re, im, work);
  }

  /**
   * Replaces {@code psi} by {@code exp(-i H tau) psi}, splitting long steps. On an estimated
   * interval every sub-step is verified (class comment); a sub-step that fails is redone, with the
   * rest of the step, on the guaranteed interval, and {@link Workspace#fallbacks()} counts it. The
   * error of each sub-step is bounded by the tolerance times {@code ||psi||} in either case.
   *
   * <p>Memory: on a guaranteed interval the step runs in place, {@code psi} and the two buffers of
   * the workspace; on an estimate it keeps {@code psi} until the last check has passed, in a third
   * buffer that the workspace allocates on first use. {@link #propagateInPlace} saves that buffer
   * when the caller can restart from a state of its own.
   *
   * @param operator H
   * @param interval the interval to expand on; its reach says whether it is an estimate
   * @param guaranteed an interval that contains the spectrum; used only after a failed check, so
   *     may be null when {@code interval} is itself guaranteed
   * @param tau time step, any sign (negative: backward in time)
   * @param tolerance truncation error per sub-step and unit norm, > 0
   * @param re real parts, modified
   * @param im imaginary parts, modified
   * @param work buffers of the same size; counts fallbacks
   * @return number of applications of H, including those of failed sub-steps
   * @throws CancellationException if the thread is interrupted (checked every 64 terms)
   */
  public static long propagate(
      SparseOperator operator,
      Interval interval,
      Interval guaranteed,
      double tau,
      double tolerance,
      double[] re,
      double[] im,
      Workspace work) {
    long used = expand(operator, interval, tau, tolerance, true, re, im, work);
    if (used >= 0) {
      return used;
    }
    // A check failed: psi is untouched since the last sub-step; go on with bounds that hold.
    return -used
        - 1
        + propagate(operator, guaranteed, null, work.unfinished, tolerance, re, im, work);
  }

  /**
   * Replaces {@code psi} by {@code exp(-i H tau) psi} like {@link #propagate(SparseOperator,
   * Interval, Interval, double, double, double[], double[], Workspace)}, always in place: {@code
   * psi} and the two buffers of the workspace, three state-sized vectors in all. The price is on an
   * estimated interval: a sub-step whose check fails has already overwritten {@code psi}, so it
   * cannot be redone here. The method then returns a negative number, counts the failure in {@link
   * Workspace#fallbacks()}, and leaves {@code re} and {@code im} holding no usable state; the
   * caller restarts from a state it kept (e.g. the initial state of its run) on the guaranteed
   * interval.
   *
   * @param operator H
   * @param interval the interval to expand on; its reach says whether it is an estimate
   * @param tau time step, any sign (negative: backward in time)
   * @param tolerance truncation error per sub-step and unit norm, > 0
   * @param re real parts, modified
   * @param im imaginary parts, modified
   * @param work buffers of the same size; counts failed checks
   * @return the number of applications of H; or, when a check failed, {@code -applications - 1}
   *     with the applications spent up to the failure
   * @throws CancellationException if the thread is interrupted (checked every 64 terms)
   */
  public static long propagateInPlace(
      SparseOperator operator,
      Interval interval,
      double tau,
      double tolerance,
      double[] re,
      double[] im,
      Workspace work) {
    return expand(operator, interval, tau, tolerance, false, re, im, work);
  }

  /** The number of sub-steps of a step: each with {@code halfWidth |tau|} at most MAX_ARGUMENT. */
  private static int pieces(Interval interval, double tau) {
    return (int) Math.ceil(Math.abs(interval.halfWidth() * tau) / MAX_ARGUMENT);
  }

  /**
   * The sub-steps of one step. On a failed check: counts it in the workspace, records there the
   * time the step had left (the failed sub-step included), and returns {@code -applications - 1};
   * with {@code keep}, psi then holds the state before the failed sub-step.
   */
  private static long expand(
      SparseOperator operator,
      Interval interval,
      double tau,
      double tolerance,
      boolean keep,
      double[] re,
      double[] im,
      Workspace work) {
    if (tau == 0) {
      return 0;
    }
    double halfWidth = interval.halfWidth();
    int pieces = pieces(interval, tau);
    double step = tau / pieces;
    double reach = interval.isEstimate() ? interval.reach() : 1;
    double[] coefficients = work.coefficients(halfWidth * step, tolerance, reach);
    // Only a verified sub-step can fail, and only a failed one needs psi afterwards.
    boolean keepPsi = keep && interval.isEstimate();
    long applications = 0;
    for (int p = 0; p < pieces; p++) {
      long used =
          step(
              operator,
              interval.center(),
              halfWidth,
              step,
              coefficients,
              interval.isEstimate(),
              keepPsi,
              re,
              im,
              work);
      if (used >= 0) {
        applications += used;
        continue;
      }
      work.fallbacks++;
      work.unfinished = (pieces - p) * step;
      return -(applications + (-used - 1)) - 1;
    }
    return applications;
  }

  /**
   * One expansion with given coefficients {@code J_k(halfWidth |tau|)}. With {@code verify}, the
   * growth of the recurrence is checked every 64 terms and at the last one. With {@code keep}, the
   * Chebyshev vectors use the workspace's third buffer and psi stays untouched until the last check
   * has passed; without, T_2 is written over psi.
   *
   * @return the applications of H, or {@code -(applications) - 1} when a check failed (psi is then
   *     untouched if {@code keep}, overwritten otherwise)
   */
  private static long step(
      SparseOperator operator,
      double center,
      double halfWidth,
      double tau,
      double[] j,
      boolean verify,
      boolean keep,
      double[] re,
      double[] im,
      Workspace w) {
    final int n = re.length;
    // J_k(-x) = (-1)^k J_k(x): a backward step flips the sign of the odd coefficients.
    final double sign = tau < 0 ? -1.0 : 1.0;
    final double alpha = 1.0 / halfWidth;
    final double beta = -center / halfWidth;
    final double limit =
        verify ? GROWTH_LIMIT * GROWTH_LIMIT * ComplexVectors.normSquared(re, im) : 0;
    // acc = J_0 psi
    final double j0 = j[0];
    Parallel.forRange(
        n,
        (from, to) -> {
          for (int i = from; i < to; i++) {
            w.accRe[i] = j0 * re[i];
            w.accIm[i] = j0 * im[i];
          }
        });
    long applications = 0;
    double[] newestRe = re;
    double[] newestIm = im;
    if (j.length > 1) {
      // T_1 = H~ psi into a; acc += 2 (-i) J_1 T_1
      double[] c = coefficient(1, sign * j[1]);
      operator.apply(
          re, im, alpha, beta, 0, null, null, w.aRe, w.aIm, w.accRe, w.accIm, c[0], c[1]);
      applications++;
      newestRe = w.aRe;
      newestIm = w.aIm;
    }
    // T_2, T_4, ... go to the spare buffer (psi kept for a redo) or over psi itself.
    double[] evenRe = re;
    double[] evenIm = im;
    if (keep && j.length > 2) {
      w.ensureSpare();
      evenRe = w.bRe;
      evenIm = w.bIm;
    }
    if (j.length > 2) {
      // T_2 = 2 H~ T_1 - psi
      double[] c = coefficient(2, j[2]);
      operator.apply(
          w.aRe, w.aIm, 2 * alpha, 2 * beta, -1, re, im, evenRe, evenIm, w.accRe, w.accIm, c[0],
          c[1]);
      applications++;
      newestRe = evenRe;
      newestIm = evenIm;
    }
    double[] curRe = evenRe;
    double[] curIm = evenIm;
    double[] prevRe = w.aRe;
    double[] prevIm = w.aIm;
    for (int k = 3; k < j.length; k++) {
      double jk = (k % 2 == 1) ? sign * j[k] : j[k];
      double[] c = coefficient(k, jk);
      // T_{k} = 2 H~ T_{k-1} - T_{k-2}, written over T_{k-2}
      operator.apply(
          curRe, curIm, 2 * alpha, 2 * beta, -1, prevRe, prevIm, prevRe, prevIm, w.accRe, w.accIm,
          c[0], c[1]);
      applications++;
      double[] t = prevRe;
      prevRe = curRe;
      curRe = t;
      t = prevIm;
      prevIm = curIm;
      curIm = t;
      newestRe = curRe;
      newestIm = curIm;
      if (k % CHECK_INTERVAL == 0) {
        if (Thread.currentThread().isInterrupted()) {
          throw new CancellationException(
              "Chebyshev: interrupted at term " + k + " of " + j.length);
        }
        if (verify && k < j.length - 1 && grew(newestRe, newestIm, limit, k, w)) {
          return -applications - 1;
        }
      }
    }
    if (verify && j.length > 1 && grew(newestRe, newestIm, limit, j.length - 1, w)) {
      return -applications - 1;
    }
    // psi = exp(-i center tau) acc
    final double phRe = Math.cos(center * tau);
    final double phIm = -Math.sin(center * tau);
    Parallel.forRange(
        n,
        (from, to) -> {
          for (int i = from; i < to; i++) {
            double r = w.accRe[i];
            double m = w.accIm[i];
            re[i] = phRe * r - phIm * m;
            im[i] = phRe * m + phIm * r;
          }
        });
    return applications;
  }

  /**
   * Whether {@code ||T_n psi||^2} exceeds {@code limit}, i.e. part of the spectrum lies outside the
   * interval; records the growth in the workspace when it does.
   */
  private static boolean grew(double[] re, double[] im, double limit, int term, Workspace w) {
    double normSquared = ComplexVectors.normSquared(re, im);
    // Written so that NaN (an overflow of a far outside component) counts as growth.
    if (normSquared <= limit) {
      return false;
    }
    w.growth = Math.sqrt(normSquared / (limit / (GROWTH_LIMIT * GROWTH_LIMIT)));
    w.failedTerm = term;
    return true;
  }

  /** {@code 2 (-i)^k J_k} as {re, im}. */
  private static double[] coefficient(int k, double jk) {
    switch (k & 3) {
      case 0:
        return new double[] {2 * jk, 0};
      case 1:
        return new double[] {0, -2 * jk};
      case 2:
        return new double[] {-2 * jk, 0};
      default:
        return new double[] {0, 2 * jk};
    }
  }
}
