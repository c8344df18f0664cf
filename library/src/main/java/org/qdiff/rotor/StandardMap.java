package org.qdiff.rotor;

import java.util.concurrent.CancellationException;
import org.hipparchus.special.BesselJ;
import org.qdiff.numeric.Check;
import org.qdiff.numeric.Parallel;
import org.qdiff.progress.Progress;
import org.qdiff.progress.ProgressReporter;
import org.qdiff.propagate.NumericalException;
import org.qdiff.random.Seed;

/**
 * The classical kicked rotor: an ensemble of M particles under the Chirikov standard map
 *
 * <pre>
 *   p'     = p + K sin(theta)       (the kick)
 *   theta' = theta + p'  (mod 2 pi) (the free rotation for one period)
 * </pre>
 *
 * with p unbounded. K is dimensionless, time counts kicks, and {@code p} is in the units of {@link
 * KickedRotor} (moment of inertia and period 1), so {@code p = hbarEff n} compares directly with
 * the quantum rotor.
 *
 * <p>For K above about 1 the motion is chaotic and the momentum diffuses: {@code <(p_t - p_0)^2> ~
 * D t}. If the angles at successive kicks were independent, each kick would add {@code K^2 <sin^2>
 * = K^2/2}: the quasi-linear value {@link #quasilinearDiffusion}. Correlations between kicks two
 * and more apart correct it ({@link #rechesterWhiteDiffusion}); near the accelerator modes ({@code
 * K} just above {@code 2 pi m}) islands that carry particles ballistically make the spreading
 * anomalous and no formula holds.
 *
 * <p>Particle i starts at the angle {@code 2 pi seed.uniform(0, i)} and the momentum {@code p_0 + w
 * (seed.uniform(1, i) - 1/2)} (see {@link StandardMapBuilder}). Particles are advanced in fixed
 * blocks of {@link Parallel#BLOCK} on the thread pool, sums are added block by block in order, and
 * the sine is {@link StrictMath#sin} (the same bits on every platform and in every compilation
 * state): tables are bit-identical on any number of threads.
 */
public final class StandardMap {

  /** Column of {@code <(p_t - p_0)^2>}, the spread of the momenta from their own start. */
  public static final String MOMENTUM_CHANGE_SQUARED = "dp2";

  /** Column of the standard error of {@code <(p_t - p_0)^2>} over the particles. */
  public static final String MOMENTUM_CHANGE_SQUARED_SEM = "dp2_sem";

  /** Stream of {@link Seed#uniform} that gives the initial angles. */
  static final long ANGLE_STREAM = 0;

  /** Stream of {@link Seed#uniform} that gives the initial momenta within the spread. */
  static final long MOMENTUM_STREAM = 1;

  private static final double TWO_PI = 2 * Math.PI;

  private final double kickStrength;
  private final int particles;
  private final Seed seed;
  private final double initialMomentum;
  private final double momentumSpread;

  StandardMap(
      double kickStrength, int particles, Seed seed, double initialMomentum, double spread) {
    this.kickStrength = kickStrength;
    this.particles = particles;
    this.seed = seed;
    this.initialMomentum = initialMomentum;
    this.momentumSpread = spread;
  }

  /**
   * Starts an ensemble with kick strength K; continue with {@code particles(...)}, {@code
   * seed(...)} and {@code build()}.
   *
   * @param strength K, finite and {@code >= 0} (the sign of K only shifts theta by pi)
   * @return a builder
   * @throws IllegalArgumentException otherwise
   */
  public static StandardMapBuilder kickStrength(double strength) {
    return new StandardMapBuilder(Check.nonNegative("StandardMap.kickStrength", "K", strength));
  }

  // ---------------------------------------------------------------- diffusion constants

  /**
   * The quasi-linear diffusion constant {@code D_QL = K^2 / 2}: each kick adds {@code K^2 <sin^2
   * theta> = K^2/2} to {@code <(p_t - p_0)^2>} when the angles of different kicks are independent.
   * The large-K limit of the true D.
   *
   * @param strength K, finite and {@code >= 0}
   * @throws IllegalArgumentException otherwise
   */
  public static double quasilinearDiffusion(double strength) {
    double k = Check.nonNegative("StandardMap.quasilinearDiffusion", "K", strength);
    return k * k / 2;
  }

  /**
   * The diffusion constant with the correlation corrections of Rechester and White (Phys. Rev.
   * Lett. 44, 1586, 1980; Rechester, Rosenbluth and White, Phys. Rev. A 23, 2664, 1981; also
   * Lichtenberg and Lieberman, Regular and Chaotic Dynamics, section 5.4):
   *
   * <pre>
   *   D = (K^2 / 2) [1 - 2 J_2(K) - 2 J_1(K)^2 + 2 J_2(K)^2 + 2 J_3(K)^2],
   * </pre>
   *
   * with {@code <(p_t - p_0)^2> ~ D t}. The term {@code -2 J_2(K)} is the correlation of the kicks
   * two periods apart, {@code <sin theta_t sin theta_{t+2}> = -J_2(K)/2} exactly for the uniform
   * ensemble; the squares come from kicks three and four apart. The neglected terms are of order
   * {@code K^{-3/2}} relative to {@code K^2/2} (a few per cent at K = 10); the formula is meant for
   * K above about 4 and away from the accelerator modes.
   *
   * @param strength K, finite and {@code >= 0}
   * @throws IllegalArgumentException otherwise
   */
  public static double rechesterWhiteDiffusion(double strength) {
    double k = Check.nonNegative("StandardMap.rechesterWhiteDiffusion", "K", strength);
    double j1 = BesselJ.value(1, k);
    double j2 = BesselJ.value(2, k);
    double j3 = BesselJ.value(3, k);
    return k * k / 2 * (1 - 2 * j2 - 2 * j1 * j1 + 2 * j2 * j2 + 2 * j3 * j3);
  }

  // ---------------------------------------------------------------- accessors

  /** The kick strength K. */
  public double kickStrength() {
    return kickStrength;
  }

  /** The number M of particles. */
  public int particles() {
    return particles;
  }

  /** The seed of the initial conditions. */
  public Seed seed() {
    return seed;
  }

  /** The centre {@code p_0} of the initial momenta. */
  public double initialMomentum() {
    return initialMomentum;
  }

  /** The width of the initial momenta. */
  public double momentumSpread() {
    return momentumSpread;
  }

  // ---------------------------------------------------------------- runs

  /**
   * Evolves the ensemble for a number of kicks and tabulates every kick t = 0..kicks: columns
   * {@code t}, {@code p2} = {@code <p_t^2>}, {@code p2_sem}, {@code dp2} = {@code <(p_t - p_0)^2>},
   * {@code dp2_sem} (means over the M particles and their standard errors).
   *
   * @param kicks {@code >= 1}
   * @throws IllegalArgumentException if kicks {@code < 1}
   * @throws CancellationException if the thread is interrupted
   */
  public StandardMapRun run(int kicks) {
    Check.atLeast("StandardMap.run", "kicks", kicks, 1);
    return simulate(kicks, -1).run;
  }

  /**
   * Measures the diffusion constant between two kicks (see {@link DiffusionRate}): evolves the
   * ensemble to {@code toKick} and averages the per-particle slopes {@code [(p_b - p_0)^2 - (p_a -
   * p_0)^2] / (b - a)}.
   *
   * @param fromKick a {@code >= 0}; past the transient, e.g. 50
   * @param toKick b {@code > a}
   * @throws IllegalArgumentException otherwise
   * @throws CancellationException if the thread is interrupted
   */
  public DiffusionRate diffusionRate(int fromKick, int toKick) {
    Check.atLeast("StandardMap.diffusionRate", "fromKick", fromKick, 0);
    if (toKick <= fromKick) {
      throw new IllegalArgumentException(
          "StandardMap.diffusionRate: toKick must be > fromKick = " + fromKick + ", got " + toKick);
    }
    Simulation s = simulate(toKick, fromKick);
    return new DiffusionRate(
        kickStrength, fromKick, toKick, particles, s.rate, s.rateStandardError);
  }

  private static final class Simulation {
    StandardMapRun run;
    double rate;
    double rateStandardError;
  }

  /**
   * The loop: advances all particles kick by kick, reducing four sums per block (p^2, p^4, dp^2,
   * dp^4) in the same pass; with {@code rateFrom >= 0} also stores (p - p_0)^2 at that kick and
   * reduces the per-particle diffusion slopes at the end.
   */
  private Simulation simulate(int kicks, int rateFrom) {
    long started = System.nanoTime();
    int m = particles;
    double k = kickStrength;
    double[] theta = new double[m];
    double[] p = new double[m];
    double[] p0 = new double[m];
    Seed s = seed;
    double centre = initialMomentum;
    double width = momentumSpread;
    Parallel.forRange(
        m,
        (from, to) -> {
          for (int i = from; i < to; i++) {
            theta[i] = TWO_PI * s.uniform(ANGLE_STREAM, i);
            p[i] = width == 0 ? centre : centre + width * (s.uniform(MOMENTUM_STREAM, i) - 0.5);
            p0[i] = p[i];
          }
        });

    int blocks = (m + Parallel.BLOCK - 1) / Parallel.BLOCK;
    double[] partial = new double[4 * blocks];
    Parallel.RangeBody measure =
        (from, to) -> {
          for (int b = from / Parallel.BLOCK; b * Parallel.BLOCK < to; b++) {
            int lo = b * Parallel.BLOCK;
            int hi = Math.min(m, lo + Parallel.BLOCK);
            accumulate(p, p0, lo, hi, partial, b);
          }
        };
    Parallel.RangeBody kickAndMeasure =
        (from, to) -> {
          for (int b = from / Parallel.BLOCK; b * Parallel.BLOCK < to; b++) {
            int lo = b * Parallel.BLOCK;
            int hi = Math.min(m, lo + Parallel.BLOCK);
            for (int i = lo; i < hi; i++) {
              double pi = p[i] + k * StrictMath.sin(theta[i]);
              double th = theta[i] + pi;
              theta[i] = th - TWO_PI * Math.floor(th / TWO_PI);
              p[i] = pi;
            }
            accumulate(p, p0, lo, hi, partial, b);
          }
        };

    double[] t = new double[kicks + 1];
    double[] p2 = new double[kicks + 1];
    double[] p2Sem = new double[kicks + 1];
    double[] dp2 = new double[kicks + 1];
    double[] dp2Sem = new double[kicks + 1];
    double[] spreadAtFrom = rateFrom >= 0 ? new double[m] : null;
    double[] sums = new double[4];
    try (ProgressReporter progress = Progress.start("standard map", kicks)) {
      for (int kick = 0; kick <= kicks; kick++) {
        Parallel.forRange(m, kick == 0 ? measure : kickAndMeasure);
        if (kick > 0 && Thread.interrupted()) {
          throw new CancellationException(
              "StandardMap: interrupted after kick " + kick + " of " + kicks);
        }
        java.util.Arrays.fill(sums, 0);
        for (int b = 0; b < blocks; b++) {
          for (int j = 0; j < 4; j++) {
            sums[j] += partial[4 * b + j];
          }
        }
        t[kick] = kick;
        p2[kick] = sums[0] / m;
        p2Sem[kick] = standardError(sums[0], sums[1], m);
        dp2[kick] = sums[2] / m;
        dp2Sem[kick] = standardError(sums[2], sums[3], m);
        requireFinite(kick, p2[kick], p2Sem[kick], dp2[kick], dp2Sem[kick]);
        if (kick == rateFrom) {
          Parallel.forRange(
              m,
              (from, to) -> {
                for (int i = from; i < to; i++) {
                  double d = p[i] - p0[i];
                  spreadAtFrom[i] = d * d;
                }
              });
        }
        progress.advance(kick);
      }
    }
    Simulation result = new Simulation();
    if (rateFrom >= 0) {
      double span = kicks - rateFrom;
      double[] rateSums = new double[2 * blocks];
      Parallel.forRange(
          m,
          (from, to) -> {
            for (int b = from / Parallel.BLOCK; b * Parallel.BLOCK < to; b++) {
              int lo = b * Parallel.BLOCK;
              int hi = Math.min(m, lo + Parallel.BLOCK);
              double s1 = 0;
              double s2 = 0;
              for (int i = lo; i < hi; i++) {
                double d = p[i] - p0[i];
                double slope = (d * d - spreadAtFrom[i]) / span;
                s1 += slope;
                s2 += slope * slope;
              }
              rateSums[2 * b] = s1;
              rateSums[2 * b + 1] = s2;
            }
          });
      double s1 = 0;
      double s2 = 0;
      for (int b = 0; b < blocks; b++) {
        s1 += rateSums[2 * b];
        s2 += rateSums[2 * b + 1];
      }
      result.rate = s1 / m;
      result.rateStandardError = standardError(s1, s2, m);
    }
    result.run =
        new StandardMapRun(
            this,
            new double[][] {t, p2, p2Sem, dp2, dp2Sem},
            theta,
            p,
            p0,
            (System.nanoTime() - started) * 1e-9);
    return result;
  }

  private static void accumulate(
      double[] p, double[] p0, int lo, int hi, double[] partial, int block) {
    double s2 = 0;
    double s4 = 0;
    double d2 = 0;
    double d4 = 0;
    for (int i = lo; i < hi; i++) {
      double q = p[i] * p[i];
      double d = p[i] - p0[i];
      double dd = d * d;
      s2 += q;
      s4 += q * q;
      d2 += dd;
      d4 += dd * dd;
    }
    partial[4 * block] = s2;
    partial[4 * block + 1] = s4;
    partial[4 * block + 2] = d2;
    partial[4 * block + 3] = d4;
  }

  /** Standard error of a mean from the sum and the sum of squares of m values. */
  private static double standardError(double sum, double sumOfSquares, int m) {
    double variance = (sumOfSquares - sum * sum / m) / (m - 1);
    return Math.sqrt(Math.max(0, variance) / m);
  }

  /** Never a NaN or infinity in a table: the momenta of a huge K can overflow p^4. */
  private void requireFinite(int kick, double... values) {
    for (double v : values) {
      if (!Double.isFinite(v)) {
        throw new NumericalException(
            kick,
            "StandardMap: the moments of p overflowed after kick "
                + kick
                + " (K = "
                + kickStrength
                + "): <p^2> = "
                + values[0]
                + "; use a smaller K or fewer kicks");
      }
    }
  }

  @Override
  public String toString() {
    return String.format(
        "StandardMap: K = %s, M = %d particles, seed %d, p0 = %s, spread %s; K^2/2 = %.5g,"
            + " Rechester-White D = %.5g",
        kickStrength,
        particles,
        seed.value(),
        initialMomentum,
        momentumSpread,
        quasilinearDiffusion(kickStrength),
        rechesterWhiteDiffusion(kickStrength));
  }
}
