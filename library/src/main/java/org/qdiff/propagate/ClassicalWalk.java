package org.qdiff.propagate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.qdiff.frame.Columns;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Check;
import org.qdiff.numeric.Parallel;
import org.qdiff.observe.Observable;
import org.qdiff.observe.Observables;
import org.qdiff.observe.Sample;
import org.qdiff.progress.Progress;
import org.qdiff.progress.ProgressReporter;
import org.qdiff.random.Seed;
import org.qdiff.state.Distribution;

/**
 * The simple random walk (5): the walker jumps to one of the neighbours of its site, each with
 * equal probability. Three ways to run it:
 *
 * <ul>
 *   <li>{@link #steps(int)}: discrete time, the distribution evolved exactly, {@code p_{t+1}(x) =
 *       sum_{y ~ x} p_t(y) / deg(y)};
 *   <li>{@link #times(TimeGrid)}: continuous time, jumps at rate {@link #jumpRate} (1 by default),
 *       the master equation {@code dp/dt = rate (P - 1) p} solved exactly by uniformization, {@code
 *       p(t) = sum_n Poisson(n; rate t) P^n p(0)}, truncated where the Poisson tail is below 1e-16;
 *   <li>{@link #steps(int)} with {@link #monteCarlo(int, Seed)}: sampled paths of independent
 *       walkers; the table holds the observables of their empirical distribution and {@code
 *       msd_sem}, the standard error of the mean squared displacement.
 * </ul>
 *
 * On Z^d (a box large enough) {@code E|X_t|^2 = t}, Eq. (6), in all three (at rate 1): the
 * diffusive comparison curve of Figure 3. At an open face the walker picks among the neighbours
 * that exist; an isolated site keeps its walker.
 */
public final class ClassicalWalk {

  /** Poisson tail below which the uniformization series stops (total-variation error). */
  private static final double POISSON_TAIL = 1e-16;

  /** Largest rate * time per uniformization segment: keeps exp(-rate t) far from underflow. */
  private static final double SEGMENT = 500;

  private final Lattice lattice;
  private int steps = -1;
  private TimeGrid times;
  private double rate = 1;
  private int walkers;
  private Seed seed;
  private final List<Observable> observables = new ArrayList<>();

  private ClassicalWalk(Lattice lattice) {
    this.lattice = lattice;
  }

  /** A walk on a lattice or graph. */
  public static ClassicalWalk on(Lattice lattice) {
    return new ClassicalWalk(Check.notNull("ClassicalWalk.on", "lattice", lattice));
  }

  /**
   * Discrete time: number of jumps; the table has rows t = 0, 1, ..., steps.
   *
   * @param count >= 1
   */
  public ClassicalWalk steps(int count) {
    this.steps = Check.atLeast("ClassicalWalk.steps", "count", count, 1);
    return this;
  }

  /**
   * Continuous time: the output times of the master equation, non-decreasing and >= 0.
   *
   * @throws IllegalArgumentException if a time is negative or the times decrease
   */
  public ClassicalWalk times(TimeGrid grid) {
    Check.notNull("ClassicalWalk.times", "grid", grid);
    double previous = 0;
    for (int i = 0; i < grid.size(); i++) {
      double t = grid.time(i);
      if (t < previous) {
        throw new IllegalArgumentException(
            "ClassicalWalk.times: times must be >= 0 and non-decreasing (a diffusion cannot run"
                + " backwards), got times["
                + i
                + "] = "
                + t
                + (i > 0 ? " after " + previous : ""));
      }
      previous = t;
    }
    this.times = grid;
    return this;
  }

  /** Continuous time at the given output times; see {@link #times(TimeGrid)}. */
  public ClassicalWalk times(double... times) {
    return times(TimeGrid.of(times));
  }

  /**
   * Jumps per unit time in continuous time (default 1, so that {@code E|X_t|^2 = t}).
   *
   * @param jumpsPerUnitTime finite and > 0
   */
  public ClassicalWalk jumpRate(double jumpsPerUnitTime) {
    this.rate = Check.positive("ClassicalWalk.jumpRate", "jumpsPerUnitTime", jumpsPerUnitTime);
    return this;
  }

  /**
   * Samples the paths of independent walkers instead of evolving the distribution (discrete time).
   * Walker i's jump at step t uses {@code seed.uniform(t, i)}: the numbers do not depend on the
   * number of threads.
   *
   * @param count number of walkers, >= 1
   * @param seed the random seed
   */
  public ClassicalWalk monteCarlo(int count, Seed seed) {
    this.walkers = Check.atLeast("ClassicalWalk.monteCarlo", "count", count, 1);
    this.seed = Check.notNull("ClassicalWalk.monteCarlo", "seed", seed);
    return this;
  }

  /**
   * The observables to tabulate (default: norm and msd).
   *
   * @throws IllegalArgumentException if two observables share a column name
   */
  public ClassicalWalk observe(Observable... list) {
    Check.notNull("ClassicalWalk.observe", "observables", list);
    List<Observable> next = new ArrayList<>(observables);
    for (Observable o : list) {
      next.add(Check.notNull("ClassicalWalk.observe", "observable", o));
    }
    Observable.requireDistinctNames("ClassicalWalk.observe", next);
    observables.clear();
    observables.addAll(next);
    return this;
  }

  /**
   * Runs the walk from an initial distribution (Monte Carlo walkers draw their start from it).
   *
   * @throws IllegalStateException if neither steps nor times were set, or both, or Monte Carlo was
   *     asked for in continuous time
   * @throws IllegalArgumentException if the distribution lives on another lattice
   */
  public Trajectory<Distribution> run(Distribution initial) {
    Check.notNull("ClassicalWalk.run", "initial", initial);
    if (steps < 0 && times == null) {
      throw new IllegalStateException(
          "ClassicalWalk.run: call steps(count) (discrete time) or times(...) (continuous time)"
              + " before run");
    }
    if (steps >= 0 && times != null) {
      throw new IllegalStateException(
          "ClassicalWalk.run: both steps(...) and times(...) were set; choose discrete time"
              + " (steps) or continuous time (times)");
    }
    if (walkers > 0 && times != null) {
      throw new IllegalStateException(
          "ClassicalWalk.run: monteCarlo(...) samples discrete-time paths; use steps(count)");
    }
    if (!lattice.sameGeometry(initial.lattice())) {
      throw new IllegalArgumentException(
          "ClassicalWalk.run: the distribution lives on "
              + initial.lattice()
              + " but the walk is on "
              + lattice);
    }
    List<Observable> measured =
        observables.isEmpty()
            ? List.of(Observables.norm(), Observables.meanSquaredDisplacement())
            : List.copyOf(observables);
    if (walkers > 0) {
      return new MonteCarlo(measured).run(initial);
    }
    return new Exact(measured).run(initial);
  }

  /** The jump operator P and its buffers. */
  private final class Jumps {
    final int n = lattice.size();
    final int[] start;
    final int[] target;
    final double[] inverseDegree = new double[n];

    Jumps() {
      int[][] adjacency = lattice.adjacency();
      start = adjacency[0];
      target = adjacency[1];
      for (int i = 0; i < n; i++) {
        int degree = start[i + 1] - start[i];
        inverseDegree[i] = degree == 0 ? 0 : 1.0 / degree;
      }
    }

    /** to = P from. Gather form: each site sums over its neighbours, no write conflicts. */
    void apply(double[] from, double[] to) {
      Parallel.forRange(
          n,
          (lo, hi) -> {
            for (int x = lo; x < hi; x++) {
              double s = 0;
              for (int k = start[x]; k < start[x + 1]; k++) {
                int y = target[k];
                s += from[y] * inverseDegree[y];
              }
              to[x] = start[x + 1] == start[x] ? from[x] : s;
            }
          });
    }
  }

  /** Discrete or continuous time, the distribution evolved exactly. */
  private final class Exact {
    private final List<Observable> measured;

    Exact(List<Observable> measured) {
      this.measured = measured;
    }

    Trajectory<Distribution> run(Distribution initial) {
      long started = System.nanoTime();
      Jumps jumps = new Jumps();
      int n = jumps.n;
      boolean continuous = times != null;
      int rows = continuous ? times.size() : steps + 1;
      double[] p = initial.probabilityArray();
      double[] next = new double[n];
      double[] power = continuous ? new double[n] : null;
      double[] sum = continuous ? new double[n] : null;
      double[] out = new double[rows];
      double[][] columns = new double[measured.size()][rows];
      long products = 0;
      double now = 0;
      try (ProgressReporter progress =
          Progress.start(continuous ? "master equation" : "classical walk", rows)) {
        for (int row = 0; row < rows; row++) {
          double t = continuous ? times.time(row) : row;
          if (continuous) {
            while (now < t) {
              double dt = Math.min(t - now, SEGMENT / rate);
              products += uniformize(jumps, rate * dt, p, power, next, sum);
              double[] swap = p;
              p = sum;
              sum = swap;
              now = now + dt >= t ? t : now + dt;
            }
          } else if (row > 0) {
            jumps.apply(p, next);
            double[] swap = p;
            p = next;
            next = swap;
            products++;
          }
          if (Thread.interrupted()) {
            throw new CancellationException("ClassicalWalk.run: interrupted at t = " + t);
          }
          out[row] = t;
          Sample sample = Sample.sharing(t, Distribution.wrap(lattice, p), p);
          for (int o = 0; o < measured.size(); o++) {
            columns[o][row] =
                OutputChecks.measure("ClassicalWalk.run", measured.get(o), sample, "");
          }
          progress.advance(row + 1);
        }
      }
      return Trajectory.of(
          continuous
              ? "exact master equation (uniformization), rate " + rate
              : "exact classical walk",
          out,
          measured.stream().map(Observable::name).toArray(String[]::new),
          columns,
          Distribution.wrap(lattice, p.clone()),
          List.of(),
          products,
          (System.nanoTime() - started) * 1e-9);
    }

    /**
     * sum = sum_n w_n P^n p with Poisson weights w_n = e^{-mu} mu^n / n!, stopped when the tail
     * after n, at most {@code w_n / (1 - mu / (n + 1))} once n + 1 > mu, is below 1e-16.
     *
     * @return number of P applications
     */
    private long uniformize(
        Jumps jumps, double mu, double[] p, double[] power, double[] next, double[] sum) {
      int n = jumps.n;
      double w0 = Math.exp(-mu);
      System.arraycopy(p, 0, power, 0, n);
      Parallel.forRange(
          n,
          (lo, hi) -> {
            for (int x = lo; x < hi; x++) {
              sum[x] = w0 * p[x];
            }
          });
      double w = w0;
      double[] current = power;
      double[] spare = next;
      long count = 0;
      for (int k = 1; ; k++) {
        w *= mu / k;
        jumps.apply(current, spare);
        count++;
        double[] swap = current;
        current = spare;
        spare = swap;
        final double weight = w;
        final double[] term = current;
        Parallel.forRange(
            n,
            (lo, hi) -> {
              for (int x = lo; x < hi; x++) {
                sum[x] += weight * term[x];
              }
            });
        if (k + 1 > mu && w / (1 - mu / (k + 1)) < POISSON_TAIL) {
          return count;
        }
      }
    }
  }

  /** Discrete-time paths of independent walkers. */
  private final class MonteCarlo {
    private final List<Observable> measured;

    MonteCarlo(List<Observable> measured) {
      this.measured = measured;
    }

    Trajectory<Distribution> run(Distribution initial) {
      long started = System.nanoTime();
      Jumps jumps = new Jumps();
      int n = jumps.n;
      int[] start = jumps.start;
      int[] target = jumps.target;
      Seed random = seed;
      int count = walkers;
      // Starting sites drawn from the initial distribution by inverse transform (stream -1).
      double[] cumulative = initial.probabilityArray();
      for (int x = 1; x < n; x++) {
        cumulative[x] += cumulative[x - 1];
      }
      int[] site = new int[count];
      Parallel.forRange(
          count,
          (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
              double u = random.uniform(-1, i) * cumulative[n - 1];
              int lowIndex = java.util.Arrays.binarySearch(cumulative, u);
              site[i] = Math.min(n - 1, lowIndex >= 0 ? lowIndex : -lowIndex - 1);
            }
          });
      double[] squared = lattice.squaredDistancesFrom(lattice.origin());
      double[] histogram = new double[n];
      int rows = steps + 1;
      double[] out = new double[rows];
      double[][] columns = new double[measured.size() + 1][rows];
      try (ProgressReporter progress = Progress.start("random walkers", rows)) {
        for (int t = 0; t < rows; t++) {
          if (t > 0) {
            final long stream = t;
            Parallel.forRange(
                count,
                (lo, hi) -> {
                  for (int i = lo; i < hi; i++) {
                    int x = site[i];
                    int degree = start[x + 1] - start[x];
                    if (degree > 0) {
                      int k = (int) (random.uniform(stream, i) * degree);
                      site[i] = target[start[x] + Math.min(k, degree - 1)];
                    }
                  }
                });
          }
          if (Thread.interrupted()) {
            throw new CancellationException("ClassicalWalk.run: interrupted at step " + t);
          }
          java.util.Arrays.fill(histogram, 0);
          for (int i = 0; i < count; i++) {
            histogram[site[i]] += 1.0 / count;
          }
          out[t] = t;
          Sample sample = Sample.sharing(t, Distribution.wrap(lattice, histogram), histogram);
          for (int o = 0; o < measured.size(); o++) {
            columns[o][t] = OutputChecks.measure("ClassicalWalk.run", measured.get(o), sample, "");
          }
          double mean =
              Parallel.sum(
                      count,
                      (lo, hi) -> {
                        double s = 0;
                        for (int i = lo; i < hi; i++) {
                          s += squared[site[i]];
                        }
                        return s;
                      })
                  / count;
          double deviations =
              Parallel.sum(
                  count,
                  (lo, hi) -> {
                    double s = 0;
                    for (int i = lo; i < hi; i++) {
                      double d = squared[site[i]] - mean;
                      s += d * d;
                    }
                    return s;
                  });
          columns[measured.size()][t] = count > 1 ? Math.sqrt(deviations / (count - 1) / count) : 0;
          progress.advance(t + 1);
        }
      }
      String[] names = new String[measured.size() + 1];
      for (int o = 0; o < measured.size(); o++) {
        names[o] = measured.get(o).name();
      }
      names[measured.size()] = Columns.MSD_SEM;
      return Trajectory.of(
          String.format("Monte Carlo, %d walkers, %s", count, random),
          out,
          names,
          columns,
          Distribution.wrap(lattice, histogram.clone()),
          List.of(),
          0,
          (System.nanoTime() - started) * 1e-9);
    }
  }
}
