package org.qdiff.walk;

import java.util.concurrent.CancellationException;
import org.qdiff.frame.Columns;
import org.qdiff.frame.Frames;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Check;
import org.qdiff.numeric.DenseEigen;
import org.qdiff.observe.Observable;
import org.qdiff.observe.Observables;
import org.qdiff.propagate.BoundaryGuard;
import org.qdiff.propagate.Evolution;
import org.qdiff.propagate.Propagators;
import org.qdiff.propagate.TimeGrid;
import org.qdiff.propagate.Trajectory;
import org.qdiff.state.WaveFunction;
import tech.tablesaw.api.Table;

/**
 * Search for a marked vertex w of a graph by a continuous-time quantum walk (Childs and Goldstone,
 * Phys. Rev. A 70, 022314 (2004)): start in the uniform superposition |s> of all N vertices and
 * evolve with
 *
 * <pre>
 *   H = gamma (D - A) - |w><w|,
 * </pre>
 *
 * the graph Laplacian (degree minus adjacency) times the hopping gamma, plus an energy -1 at the
 * marked vertex. At the critical hopping {@link #criticalHopping} the walk rotates |s> into |w>:
 * the success probability |<w|psi_t>|^2 peaks near {@code t = (pi / 2) sqrt(N)} on the complete
 * graph (exactly 1 there when gamma N = 1) and the hypercube, against the order-N time a classical
 * search needs ({@link #classical}).
 */
public final class SpatialSearch {

  private final Lattice graph;
  private int marked = -1;
  private double hopping = Double.NaN;
  private double critical = Double.NaN; // the graph's critical hopping, computed once when needed

  private SpatialSearch(Lattice graph) {
    this.graph = graph;
  }

  /** A search on a graph (or any lattice). */
  public static SpatialSearch on(Lattice graph) {
    return new SpatialSearch(Check.notNull("SpatialSearch.on", "graph", graph));
  }

  /**
   * The marked vertex w.
   *
   * @param vertex in [0, N-1]
   */
  public SpatialSearch marked(int vertex) {
    this.marked = graph.checkSite("SpatialSearch.marked", vertex);
    return this;
  }

  /**
   * The hopping gamma (default: {@link #criticalHopping(Lattice)}).
   *
   * @param gamma finite and > 0
   */
  public SpatialSearch hopping(double gamma) {
    this.hopping = Check.positive("SpatialSearch.hopping", "gamma", gamma);
    return this;
  }

  /** The hopping in use: the one set, or the critical one of the graph. */
  public double hoppingInUse() {
    if (!Double.isNaN(hopping)) {
      return hopping;
    }
    if (Double.isNaN(critical)) {
      critical = criticalHopping(graph);
    }
    return critical;
  }

  /** The marked vertex. */
  public int markedVertex() {
    requireMarked("markedVertex");
    return marked;
  }

  /** The search Hamiltonian {@code gamma (D - A) - |w><w|}. */
  public Hamiltonian hamiltonian() {
    requireMarked("hamiltonian");
    double gamma = hoppingInUse();
    int w = marked;
    return Hamiltonian.on(graph)
        .laplacian()
        .build()
        .times(gamma)
        .plus(Hamiltonian.on(graph).potential(x -> x == w ? -1.0 : 0.0).build());
  }

  /** The time (pi / 2) sqrt(N) near which the success probability peaks on the critical graphs. */
  public double optimalTimeEstimate() {
    return Math.PI / 2 * Math.sqrt(graph.size());
  }

  /**
   * Runs the quantum search from the uniform superposition: a trajectory whose table has the column
   * {@code success_probability} = |<w|psi_t>|^2 (and the norm).
   *
   * @throws IllegalStateException if no vertex was marked
   */
  public Trajectory<WaveFunction> run(TimeGrid times) {
    Check.notNull("SpatialSearch.run", "times", times);
    requireMarked("run");
    Observable success =
        Observables.returnProbability(marked).withName(Columns.SUCCESS_PROBABILITY);
    return Evolution.of(hamiltonian())
        .propagator(Propagators.chebyshev())
        .boundary(BoundaryGuard.off())
        .times(times)
        .observe(success, Observables.norm())
        .run(WaveFunction.uniform(graph));
  }

  /**
   * The classical counterpart: a random walker starts on a uniformly random vertex and jumps to a
   * uniformly chosen neighbour at each step until it lands on w, where it stays. The table has
   * columns {@code t} (steps 0..steps) and {@code success_probability}, the exact probability that
   * w has been found by step t (the distribution is evolved, not sampled).
   *
   * @param steps >= 1
   * @throws IllegalStateException if no vertex was marked
   */
  public Table classical(int steps) {
    Check.atLeast("SpatialSearch.classical", "steps", steps, 1);
    requireMarked("classical");
    int n = graph.size();
    int[][] adjacency = graph.adjacency();
    int[] start = adjacency[0];
    int[] target = adjacency[1];
    double[] p = new double[n];
    double[] next = new double[n];
    java.util.Arrays.fill(p, 1.0 / n);
    double[] t = new double[steps + 1];
    double[] found = new double[steps + 1];
    found[0] = p[marked];
    for (int step = 1; step <= steps; step++) {
      java.util.Arrays.fill(next, 0);
      next[marked] = p[marked];
      for (int y = 0; y < n; y++) {
        if (y == marked || p[y] == 0) {
          continue;
        }
        int degree = start[y + 1] - start[y];
        if (degree == 0) {
          next[y] += p[y];
          continue;
        }
        double share = p[y] / degree;
        for (int k = start[y]; k < start[y + 1]; k++) {
          next[target[k]] += share;
        }
      }
      double[] swap = p;
      p = next;
      next = swap;
      t[step] = step;
      found[step] = p[marked];
      if (Thread.interrupted()) {
        throw new CancellationException("SpatialSearch.classical: interrupted at step " + step);
      }
    }
    return Frames.table(
        "classical random-walk search",
        new String[] {Columns.TIME, Columns.SUCCESS_PROBABILITY},
        new double[][] {t, found});
  }

  /**
   * The critical hopping of Childs and Goldstone for a regular graph, {@code gamma_c = (1/N)
   * sum_{k, E_k > 0} 1 / E_k} over the eigenvalues E_k of the Laplacian D - A: {@code (N - 1) /
   * N^2} on the complete graph, {@code 2^-n sum_{r=1}^n C(n, r) / (2 r)} on the n-dimensional
   * hypercube (closed forms), and from a dense diagonalization on other regular graphs of at most
   * 4096 vertices.
   *
   * @throws IllegalArgumentException for irregular graphs or larger ones: give {@code
   *     hopping(gamma)} instead
   */
  public static double criticalHopping(Lattice graph) {
    Check.notNull("SpatialSearch.criticalHopping", "graph", graph);
    int n = graph.size();
    if (graph.kind().equals("complete")) {
      return (n - 1.0) / ((double) n * n);
    }
    if (graph.kind().equals("hypercube")) {
      int dimension = Integer.numberOfTrailingZeros(n);
      double sum = 0;
      double binomial = 1;
      for (int r = 1; r <= dimension; r++) {
        binomial = binomial * (dimension - r + 1) / r;
        sum += binomial / (2.0 * r);
      }
      return sum / n;
    }
    int degree = graph.degree(0);
    for (int x = 1; x < n; x++) {
      if (graph.degree(x) != degree) {
        throw new IllegalArgumentException(
            "SpatialSearch.criticalHopping: the critical hopping is defined for regular graphs,"
                + " but vertex 0 has degree "
                + degree
                + " and vertex "
                + x
                + " has degree "
                + graph.degree(x)
                + "; give hopping(gamma) instead");
      }
    }
    if (n > 4096) {
      throw new IllegalArgumentException(
          "SpatialSearch.criticalHopping: needs the whole Laplacian spectrum, computed densely for"
              + " at most 4096 vertices, got N = "
              + n
              + "; give hopping(gamma) instead");
    }
    double[] energies =
        DenseEigen.of(Hamiltonian.on(graph).laplacian().build().operator()).eigenvalues();
    double sum = 0;
    for (double e : energies) {
      // The zero mode (one per connected component) is excluded; the others are >= about 1/N^2.
      if (e > 1e-9) {
        sum += 1 / e;
      }
    }
    return sum / n;
  }

  private void requireMarked(String method) {
    if (marked < 0) {
      throw new IllegalStateException(
          "SpatialSearch." + method + ": mark a vertex first with marked(vertex)");
    }
  }

  @Override
  public String toString() {
    return "SpatialSearch on "
        + graph
        + (marked < 0
            ? ", no vertex marked yet (call marked(vertex))"
            : ", marked vertex " + marked)
        + (Double.isNaN(hopping) ? ", critical hopping" : ", hopping " + hopping);
  }
}
