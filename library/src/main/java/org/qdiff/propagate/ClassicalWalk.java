package org.qdiff.propagate;

import java.util.ArrayList;
import java.util.List;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Check;
import org.qdiff.numeric.Parallel;
import org.qdiff.observe.Observable;
import org.qdiff.observe.Observables;
import org.qdiff.observe.Sample;
import org.qdiff.progress.Progress;
import org.qdiff.progress.ProgressReporter;
import org.qdiff.state.Distribution;

/**
 * The simple random walk (5) evolved exactly as a distribution: at each integer time the walker
 * jumps to one of the neighbours of its site, each with equal probability,
 *
 * <pre>
 *   p_{t+1}(x) = sum_{y ~ x} p_t(y) / deg(y).
 * </pre>
 *
 * On Z^d (a box large enough) {@code E|X_t|^2 = t}, Eq. (6): the diffusive comparison curve of
 * Figure 3. At an open face the walker picks among the neighbours that exist.
 */
public final class ClassicalWalk {

  private final Lattice lattice;
  private int steps = -1;
  private final List<Observable> observables = new ArrayList<>();

  private ClassicalWalk(Lattice lattice) {
    this.lattice = lattice;
  }

  /** A walk on a lattice or graph. */
  public static ClassicalWalk on(Lattice lattice) {
    return new ClassicalWalk(Check.notNull("ClassicalWalk.on", "lattice", lattice));
  }

  /**
   * Number of jumps; the table has rows t = 0, 1, ..., steps.
   *
   * @param count >= 1
   */
  public ClassicalWalk steps(int count) {
    this.steps = Check.atLeast("ClassicalWalk.steps", "count", count, 1);
    return this;
  }

  /** The observables to tabulate (default: norm and msd). */
  public ClassicalWalk observe(Observable... list) {
    Check.notNull("ClassicalWalk.observe", "observables", list);
    for (Observable o : list) {
      observables.add(Check.notNull("ClassicalWalk.observe", "observable", o));
    }
    return this;
  }

  /**
   * Evolves the distribution.
   *
   * @throws IllegalStateException if no number of steps was set
   * @throws IllegalArgumentException if the distribution lives on another lattice
   */
  public Trajectory<Distribution> run(Distribution initial) {
    Check.notNull("ClassicalWalk.run", "initial", initial);
    if (steps < 0) {
      throw new IllegalStateException("ClassicalWalk.run: call steps(count) before run");
    }
    if (!lattice.sameGeometry(initial.lattice())) {
      throw new IllegalArgumentException(
          "ClassicalWalk.run: the distribution lives on "
              + initial.lattice()
              + " but the walk is on "
              + lattice);
    }
    long started = System.nanoTime();
    List<Observable> measured =
        observables.isEmpty()
            ? List.of(Observables.norm(), Observables.meanSquaredDisplacement())
            : List.copyOf(observables);
    int[][] adjacency = lattice.adjacency();
    int[] start = adjacency[0];
    int[] target = adjacency[1];
    int n = lattice.size();
    double[] inverseDegree = new double[n];
    for (int i = 0; i < n; i++) {
      int degree = start[i + 1] - start[i];
      inverseDegree[i] = degree == 0 ? 0 : 1.0 / degree;
    }
    double[] p = initial.probabilityArray();
    double[] next = new double[n];
    double[] times = new double[steps + 1];
    double[][] columns = new double[measured.size()][steps + 1];
    try (ProgressReporter progress = Progress.start("classical walk", steps + 1)) {
      for (int t = 0; t <= steps; t++) {
        if (t > 0) {
          final double[] from = p;
          final double[] to = next;
          // Gather form (each site sums over its neighbours): no write conflicts between threads.
          Parallel.forRange(
              n,
              (lo, hi) -> {
                for (int x = lo; x < hi; x++) {
                  double s = 0;
                  for (int k = start[x]; k < start[x + 1]; k++) {
                    int y = target[k];
                    s += from[y] * inverseDegree[y];
                  }
                  // An isolated site keeps its walker.
                  to[x] = start[x + 1] == start[x] ? from[x] : s;
                }
              });
          next = p;
          p = to;
          if (Thread.interrupted()) {
            throw new java.util.concurrent.CancellationException(
                "ClassicalWalk.run: interrupted at t = " + t);
          }
        }
        times[t] = t;
        Sample sample = Sample.sharing(t, Distribution.wrap(lattice, p), p);
        for (int o = 0; o < measured.size(); o++) {
          columns[o][t] = measured.get(o).measure(sample);
        }
        progress.advance(t + 1);
      }
    }
    String[] names = measured.stream().map(Observable::name).toArray(String[]::new);
    return new Trajectory<>(
        times,
        names,
        columns,
        List.of(),
        Distribution.wrap(lattice, p.clone()),
        List.of(),
        0,
        (System.nanoTime() - started) * 1e-9,
        "exact classical walk");
  }
}
