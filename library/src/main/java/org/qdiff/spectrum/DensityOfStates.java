package org.qdiff.spectrum;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.qdiff.frame.Columns;
import org.qdiff.frame.Frames;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.hamiltonian.SpectralBounds;
import org.qdiff.numeric.Chebyshev;
import org.qdiff.numeric.ChebyshevMoments;
import org.qdiff.numeric.Check;
import org.qdiff.numeric.Parallel;
import org.qdiff.numeric.SparseOperator;
import org.qdiff.random.Seed;
import tech.tablesaw.api.Table;

/**
 * The density of states per site {@code rho(E) = (1/N) sum_i delta(E - E_i)} of a Hamiltonian by
 * the kernel polynomial method (KPM), without diagonalizing: memory of three vectors, time of M/2
 * applications of H per random vector.
 *
 * <p>H is mapped into (-1, 1) by {@code H~ = (H - b) / a}, with b the middle of its spectral bounds
 * and a their half-width enlarged by a safety margin. The Chebyshev moments {@code mu_n = (1/N) Tr
 * T_n(H~)} are estimated with R random-phase vectors {@code r_i = exp(2 pi i u_i)} ({@code mu_n ~
 * (1/(R N)) sum_r <r|T_n(H~)|r>}, statistical error below {@code 1/sqrt(R N)}), or computed exactly
 * from the N unit vectors ({@link #exactTrace()}). The truncated series is damped by the Jackson
 * kernel {@code g_n} (Weiße et al., Rev. Mod. Phys. 78, 275 (2006), Eq. (71)), which keeps the
 * density positive and smooths each eigenvalue into a peak of width about {@code pi a / M}:
 *
 * <pre>
 *   rho(E) = [g_0 mu_0 + 2 sum_{n=1}^{M-1} g_n mu_n T_n(x)] / (pi a sqrt(1 - x^2)),   x = (E - b) / a.
 * </pre>
 *
 * <p>The bounds are by default the Lanczos estimate {@link Hamiltonian#estimatedSpectralBounds()},
 * often much tighter than Gershgorin's (random band matrices: +-2 against +-8), which sharpens the
 * resolution {@code pi a / M} at the same cost. The recurrence checks that no vector {@code T_n(H~)
 * r} outgrows r, as it would if an eigenvalue lay outside (-1, 1) (its component grows like {@code
 * cosh(n arccosh|x|)}), and on a failed check recomputes every moment on the Gershgorin bounds
 * ({@link Result#boundsSource()} tells which were used). An eigenvalue that escapes the check has,
 * in each vector, a weight w with {@code w cosh^2(eta M / 2) <= 1 + 2e-6}, {@code eta =
 * arccosh|x|}: it lies within about {@code 2 a ln^2(2 / sqrt(w)) / M^2} beyond the interval's end
 * (for w = 1e-6 and M = 512, 4e-4 a), far inside the kernel's width {@code pi a / M} (6e-3 a).
 *
 * <pre>{@code
 * Table dos = DensityOfStates.of(H).moments(512).randomVectors(4).seed(1).points(1000)
 *     .compute().table();   // columns E, dos
 * }</pre>
 *
 * <p>Random vector r draws its phases from its own stream of the seed (see {@link Seed}), apart
 * from the streams of {@code Disorder}: the same seed gives the same moments on any number of
 * threads, and may be the seed of the potential too. Setters check their argument; {@link
 * #compute()} runs. Energies are in units of the hopping.
 */
public final class DensityOfStates {

  /** Where the density is tabulated. */
  public enum Grid {
    /**
     * The Chebyshev-Gauss points {@code x_k = cos(pi (k + 1/2) / K)}, denser toward the ends of the
     * interval. Their quadrature weights integrate the expansion exactly when {@code K >= M/2}.
     */
    CHEBYSHEV,
    /** K equally spaced energies: the midpoints of K equal cells of the expansion interval. */
    UNIFORM
  }

  /** Largest N for {@link #exactTrace()}: its cost grows as N^2 M (a minute at N = 8192). */
  public static final int EXACT_TRACE_LIMIT = 1 << 13;

  /** Default safety margin: the spectrum is mapped into [-0.995, 0.995]. */
  public static final double DEFAULT_MARGIN = 0.01;

  /**
   * Random vector v draws its phases from stream {@code PHASE_STREAMS + v} of the seed. Far from
   * the small stream numbers of {@code Disorder} (0 for the potential, 1 for band entries): with
   * one seed value for both, phases equal to a function of the potential would bias the trace and
   * raise spurious peaks.
   */
  static final long PHASE_STREAMS = 0x4B504D0000000000L;

  /** Vectors are summed in at most this many fixed blocks, the unit of parallel work. */
  private static final int MAX_VECTOR_BLOCKS = 256;

  private final Hamiltonian hamiltonian;
  private int moments = 512;
  private int randomVectors = 4;
  private Seed seed;
  private boolean exactTrace;
  private int points;
  private Grid grid = Grid.CHEBYSHEV;
  private double margin = DEFAULT_MARGIN;
  private SpectralBounds.Source source = SpectralBounds.Source.LANCZOS;
  // An interval to assume in place of the Lanczos estimate (tests of the fallback); null normally.
  private SpectralBounds assumed;

  private DensityOfStates(Hamiltonian hamiltonian) {
    this.hamiltonian = hamiltonian;
  }

  /**
   * Starts a density-of-states calculation for H (defaults: 512 moments, 4 random vectors, 2M
   * Chebyshev-Gauss points, margin 0.01, Lanczos bounds; a seed must be given).
   */
  public static DensityOfStates of(Hamiltonian hamiltonian) {
    return new DensityOfStates(Check.notNull("DensityOfStates.of", "hamiltonian", hamiltonian));
  }

  /**
   * The number M of Chebyshev moments {@code mu_0 .. mu_{M-1}}: the energy resolution is about
   * {@code pi a / M}, a the half-width of the spectrum.
   *
   * @param count M, >= 2
   */
  public DensityOfStates moments(int count) {
    moments = Check.atLeast("DensityOfStates.moments", "moments M", count, 2);
    return this;
  }

  /**
   * The number R of random-phase vectors that estimate the trace; the statistical error of each
   * moment falls as {@code 1/sqrt(R N)}.
   *
   * @param count R, >= 1
   */
  public DensityOfStates randomVectors(int count) {
    randomVectors = Check.atLeast("DensityOfStates.randomVectors", "random vectors R", count, 1);
    return this;
  }

  /** The seed of the random phases (any long). */
  public DensityOfStates seed(long value) {
    seed = Seed.of(value);
    return this;
  }

  /** The seed of the random phases. */
  public DensityOfStates seed(Seed value) {
    seed = Check.notNull("DensityOfStates.seed", "seed", value);
    return this;
  }

  /**
   * Computes the trace exactly, from the N unit vectors instead of R random ones: the moments are
   * exact up to rounding. Costs N times the work of one vector, so it is meant for small systems;
   * no seed is needed.
   *
   * @throws IllegalArgumentException if H has more than {@link #EXACT_TRACE_LIMIT} sites
   */
  public DensityOfStates exactTrace() {
    if (hamiltonian.size() > EXACT_TRACE_LIMIT) {
      throw new IllegalArgumentException(
          "DensityOfStates.exactTrace: needs N <= "
              + EXACT_TRACE_LIMIT
              + " sites (the cost grows as N^2 M), got N = "
              + hamiltonian.size()
              + "; use randomVectors(R) instead");
    }
    exactTrace = true;
    return this;
  }

  /**
   * The number K of energies at which the density is tabulated (default 2M).
   *
   * @param count K, >= 2
   */
  public DensityOfStates points(int count) {
    points = Check.atLeast("DensityOfStates.points", "points K", count, 2);
    return this;
  }

  /** Where the density is tabulated (default {@link Grid#CHEBYSHEV}). */
  public DensityOfStates grid(Grid kind) {
    grid = Check.notNull("DensityOfStates.grid", "grid", kind);
    return this;
  }

  /**
   * The safety margin epsilon: the spectral bounds are widened so that the spectrum fills {@code
   * [-1 + epsilon/2, 1 - epsilon/2]}, away from the ends where the expansion is singular.
   *
   * @param epsilon in (0, 1)
   */
  public DensityOfStates margin(double epsilon) {
    if (!(epsilon > 0 && epsilon < 1)) {
      throw new IllegalArgumentException(
          "DensityOfStates.margin: margin epsilon must be in (0, 1), got " + epsilon);
    }
    margin = epsilon;
    return this;
  }

  /**
   * Where the spectral bounds come from: {@link SpectralBounds.Source#LANCZOS} (default; verified
   * during the run) or {@link SpectralBounds.Source#GERSHGORIN} (guaranteed, wider).
   */
  public DensityOfStates bounds(SpectralBounds.Source bounds) {
    source = Check.notNull("DensityOfStates.bounds", "source", bounds);
    assumed = null;
    return this;
  }

  /**
   * Expands on {@code interval} as if it were the Lanczos estimate, verified like it: lets tests
   * hand over an interval that misses part of the spectrum.
   */
  DensityOfStates assumingBounds(SpectralBounds interval) {
    source = SpectralBounds.Source.LANCZOS;
    assumed = interval;
    return this;
  }

  /**
   * Computes the moments and tabulates the density.
   *
   * @throws IllegalStateException if random vectors are used and no seed was given
   * @throws CancellationException if the thread is interrupted (the interrupt flag is cleared)
   * @throws ArithmeticException if a moment is not finite
   */
  public Result compute() {
    if (!exactTrace && seed == null) {
      throw new IllegalStateException(
          "DensityOfStates.compute: the random vectors need a seed; call seed(long) first, e.g."
              + " .seed(1), or exactTrace() for a small system");
    }
    SpectralBounds gershgorin = hamiltonian.spectralBounds();
    SpectralBounds bounds = gershgorin;
    if (source == SpectralBounds.Source.LANCZOS) {
      bounds = assumed != null ? assumed : hamiltonian.estimatedSpectralBounds();
    }
    SpectralBounds.Source used = source;
    double center = bounds.center();
    double halfWidth = expansionHalfWidth(bounds);
    // Gershgorin may reach outside an estimate: then the run is verified.
    boolean verify =
        used == SpectralBounds.Source.LANCZOS
            && (gershgorin.lower() < center - halfWidth || gershgorin.upper() > center + halfWidth);
    double[] mu;
    try {
      mu = moments(hamiltonian.operator(), center, halfWidth, verify);
      if (mu == null) {
        // Part of the spectrum lies outside the estimate: start again on bounds that hold.
        used = SpectralBounds.Source.GERSHGORIN;
        center = gershgorin.center();
        halfWidth = expansionHalfWidth(gershgorin);
        mu = moments(hamiltonian.operator(), center, halfWidth, false);
      }
    } catch (CancellationException e) {
      // The interrupt is answered by the exception: clear it, as Evolution does.
      Thread.interrupted();
      throw e;
    }
    for (int n = 0; n < mu.length; n++) {
      // Inside the spectral bounds |T_n| <= 1: anything else means the bounds were violated.
      if (!Double.isFinite(mu[n])) {
        throw new ArithmeticException(
            "DensityOfStates.compute: moment mu_" + n + " is " + mu[n] + ", not finite");
      }
    }
    int count = points > 0 ? points : 2 * moments;
    return new Result(
        hamiltonian.size(),
        exactTrace ? 0 : randomVectors,
        center,
        halfWidth,
        mu,
        grid,
        count,
        used);
  }

  /** The half-width a: the bounds' widened by the margin. */
  private double expansionHalfWidth(SpectralBounds bounds) {
    // A constant H has zero width: any scale maps its single level to x = 0.
    return bounds.halfWidth() > 0 ? bounds.halfWidth() / (1 - margin / 2) : 1.0;
  }

  /**
   * {@code mu_n}, summed over vectors in fixed blocks and then in block order; null when {@code
   * verify} is set and some vector grew beyond its norm (part of the spectrum lies outside).
   */
  private double[] moments(
      SparseOperator operator, double center, double halfWidth, boolean verify) {
    final int n = operator.size();
    final int vectors = exactTrace ? n : randomVectors;
    final int perBlock = (vectors + MAX_VECTOR_BLOCKS - 1) / MAX_VECTOR_BLOCKS;
    final int blocks = (vectors + perBlock - 1) / perBlock;
    final double[][] partial = new double[blocks][moments];
    final Seed phases = seed;
    final boolean unitVectors = exactTrace;
    final AtomicBoolean stop = new AtomicBoolean();
    final AtomicBoolean outside = new AtomicBoolean();
    final double growthLimit =
        verify ? Chebyshev.GROWTH_LIMIT * Chebyshev.GROWTH_LIMIT : Double.POSITIVE_INFINITY;
    final Thread caller = Thread.currentThread();
    Parallel.RangeBody body =
        (from, to) -> {
          double[] re = new double[n];
          double[] im = new double[n];
          ChebyshevMoments.Workspace work = new ChebyshevMoments.Workspace(n);
          for (int block = from; block < to; block++) {
            int end = Math.min(vectors, (block + 1) * perBlock);
            for (int v = block * perBlock; v < end; v++) {
              if (outside.get()) {
                return; // the moments will be recomputed: no use finishing these
              }
              if (stop.get() || (Thread.currentThread() == caller && caller.isInterrupted())) {
                throw new CancellationException(
                    "DensityOfStates.compute: interrupted at vector " + v + " of " + vectors);
              }
              if (unitVectors) {
                Arrays.fill(re, 0);
                Arrays.fill(im, 0);
                re[v] = 1;
              } else {
                randomPhases(phases, v, re, im);
              }
              if (!ChebyshevMoments.accumulate(
                  operator, center, halfWidth, growthLimit, re, im, partial[block], work)) {
                outside.set(true);
                return;
              }
            }
          }
        };
    if (n <= Parallel.BLOCK) {
      // One vector is too short to share: the threads take whole blocks of vectors, and this
      // thread waits interruptibly (the pool's own joins ignore interrupts).
      await(Parallel.start(blocks, 1, body), stop);
    } else {
      // Each application of H runs on all threads.
      body.run(0, blocks);
    }
    if (outside.get()) {
      return null;
    }
    double[] mu = new double[moments];
    for (double[] block : partial) {
      for (int m = 0; m < moments; m++) {
        mu[m] += block[m];
      }
    }
    // Random-phase vectors have <r|r> = N, unit vectors 1: divide by the total squared norm.
    double norm = exactTrace ? (double) n : (double) vectors * n;
    for (int m = 0; m < moments; m++) {
      mu[m] /= norm;
    }
    return mu;
  }

  /**
   * Waits for the vector blocks; on an interrupt tells the running blocks to stop, waits for them
   * and throws a {@link CancellationException}.
   */
  private static void await(Future<?> running, AtomicBoolean stop) {
    boolean interrupted = false;
    while (true) {
      try {
        running.get();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
        stop.set(true);
      } catch (ExecutionException e) {
        stop.set(true);
        Throwable cause = e.getCause();
        if (interrupted || cause instanceof CancellationException) {
          interrupted = true;
          break;
        }
        if (cause instanceof RuntimeException) {
          throw (RuntimeException) cause;
        }
        if (cause instanceof Error) {
          throw (Error) cause;
        }
        throw new IllegalStateException("DensityOfStates.compute: a vector failed", cause);
      }
    }
    if (interrupted) {
      Thread.interrupted();
      throw new CancellationException("DensityOfStates.compute: interrupted");
    }
  }

  /** {@code r_i = exp(2 pi i u(seed, stream, i))}, filled in parallel (same numbers). */
  private static void randomPhases(Seed seed, int v, double[] re, double[] im) {
    Parallel.forRange(
        re.length,
        (from, to) -> {
          for (int i = from; i < to; i++) {
            double phase = 2 * Math.PI * seed.uniform(PHASE_STREAMS + v, i);
            re[i] = Math.cos(phase);
            im[i] = Math.sin(phase);
          }
        });
  }

  @Override
  public String toString() {
    return "DensityOfStates of "
        + hamiltonian
        + ": M = "
        + moments
        + " moments, "
        + (exactTrace
            ? "exact trace"
            : "R = "
                + randomVectors
                + " random vectors, "
                + (seed == null ? "no seed yet" : "seed " + seed.value()))
        + "; call compute()";
  }

  /**
   * The result of a kernel-polynomial calculation: the moments, and the density tabulated on a grid
   * of energies. Immutable.
   */
  public static final class Result {

    private final int sites;
    private final int randomVectors;
    private final double center;
    private final double halfWidth;
    private final double[] moments;
    private final double[] kernel;
    private final double[] coefficients;
    private final double[] energies;
    private final double[] density;
    private final double[] weights;
    private final SpectralBounds.Source boundsSource;

    Result(
        int sites,
        int randomVectors,
        double center,
        double halfWidth,
        double[] moments,
        Grid grid,
        int points,
        SpectralBounds.Source boundsSource) {
      this.sites = sites;
      this.boundsSource = boundsSource;
      this.randomVectors = randomVectors;
      this.center = center;
      this.halfWidth = halfWidth;
      this.moments = moments;
      this.kernel = jackson(moments.length);
      this.coefficients = new double[moments.length];
      for (int n = 0; n < moments.length; n++) {
        coefficients[n] = (n == 0 ? 1 : 2) * kernel[n] * moments[n];
      }
      energies = new double[points];
      density = new double[points];
      weights = new double[points];
      for (int j = 0; j < points; j++) {
        double x;
        if (grid == Grid.CHEBYSHEV) {
          // x_k = cos(pi (k + 1/2) / K) decreases with k: count k down for ascending energies.
          x = Math.cos(Math.PI * (points - 1 - j + 0.5) / points);
          weights[j] = Math.PI * halfWidth * Math.sqrt(1 - x * x) / points;
        } else {
          x = -1 + (2.0 * j + 1) / points;
          weights[j] = 2 * halfWidth / points;
        }
        energies[j] = center + halfWidth * x;
        density[j] = densityAt(x);
      }
    }

    /**
     * The Jackson kernel, Eq. (71) of Weiße et al.: {@code g_n = [(M - n + 1) cos(pi n / (M + 1)) +
     * sin(pi n / (M + 1)) cot(pi / (M + 1))] / (M + 1)}.
     */
    static double[] jackson(int m) {
      double[] g = new double[m];
      double q = Math.PI / (m + 1);
      double cot = Math.cos(q) / Math.sin(q);
      for (int n = 0; n < m; n++) {
        g[n] = ((m - n + 1) * Math.cos(q * n) + Math.sin(q * n) * cot) / (m + 1);
      }
      return g;
    }

    /** The expansion at {@code -1 < x < 1} by Clenshaw's recurrence, divided by the weight. */
    private double densityAt(double x) {
      double b1 = 0;
      double b2 = 0;
      for (int n = coefficients.length - 1; n >= 1; n--) {
        double b0 = coefficients[n] + 2 * x * b1 - b2;
        b2 = b1;
        b1 = b0;
      }
      double series = coefficients[0] + x * b1 - b2;
      return series / (Math.PI * halfWidth * Math.sqrt(1 - x * x));
    }

    /**
     * The density at any energy (per site, per unit energy); 0 outside the expansion interval,
     * which contains the whole spectrum.
     *
     * @param energy E, finite
     * @throws IllegalArgumentException if E is not finite
     */
    public double at(double energy) {
      Check.finite("DensityOfStates.Result.at", "energy E", energy);
      double x = (energy - center) / halfWidth;
      return Math.abs(x) < 1 ? densityAt(x) : 0.0;
    }

    /** The Chebyshev moments {@code mu_n = (1/N) Tr T_n(H~)}, n = 0..M-1, without the kernel. */
    public double[] moments() {
      return moments.clone();
    }

    /** The Jackson damping factors {@code g_n} applied to the moments. */
    public double[] kernel() {
      return kernel.clone();
    }

    /** The energies of the grid, ascending. */
    public double[] energies() {
      return energies.clone();
    }

    /** The density rho(E) at {@link #energies()}, normalized so that its integral is 1. */
    public double[] density() {
      return density.clone();
    }

    /**
     * Quadrature weights on the grid: {@code sum_j w_j f(E_j)} approximates {@code int f(E) dE}. On
     * the Chebyshev grid with K >= M/2 points, {@code sum_j w_j rho(E_j) = mu_0 = 1} up to
     * rounding; on the uniform grid they are the midpoint rule.
     */
    public double[] weights() {
      return weights.clone();
    }

    /** The middle b of the expansion interval. */
    public double center() {
      return center;
    }

    /** The half-width a of the expansion interval (the spectral bounds widened by the margin). */
    public double halfWidth() {
      return halfWidth;
    }

    /** The energy resolution {@code pi a / M}: the width of the Jackson kernel at the centre. */
    public double resolution() {
      return Math.PI * halfWidth / moments.length;
    }

    /**
     * Where the bounds of the expansion interval came from: {@link SpectralBounds.Source#LANCZOS}
     * when the estimate passed the run's checks, {@link SpectralBounds.Source#GERSHGORIN} when it
     * was asked for or when the run found part of the spectrum outside the estimate.
     */
    public SpectralBounds.Source boundsSource() {
      return boundsSource;
    }

    /** Number of sites N. */
    public int sites() {
      return sites;
    }

    /** The number R of random vectors, or 0 for an exact trace. */
    public int randomVectors() {
      return randomVectors;
    }

    /** The density as a table with columns {@code E} and {@code dos}. */
    public Table table() {
      return Frames.table(
          "density of states",
          new String[] {Columns.ENERGY_AXIS, Columns.DENSITY_OF_STATES},
          new double[][] {energies, density});
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "DensityOfStates.Result: N = %d sites, M = %d moments, %s, energies in [%.6g, %.6g]"
              + " (%s bounds), resolution %.3g",
          sites,
          moments.length,
          randomVectors == 0 ? "exact trace" : "R = " + randomVectors + " random vectors",
          center - halfWidth,
          center + halfWidth,
          boundsSource == SpectralBounds.Source.LANCZOS ? "Lanczos" : "Gershgorin",
          resolution());
    }
  }
}
