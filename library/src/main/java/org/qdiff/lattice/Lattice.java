package org.qdiff.lattice;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import org.qdiff.numeric.Check;

/**
 * A finite set of sites with nearest-neighbour bonds: a box of Z^d (open or periodic) or a graph.
 *
 * <p>Immutable and thread-safe. Obtain boxes from {@link #chain}, {@link #square}, {@link #cubic}
 * or {@link #box} followed by {@code build()}, and graphs from {@link #cycle}, {@link #path},
 * {@link #complete}, {@link #hypercube} or {@link #graph}.
 *
 * <p>Box coordinates are centred (see the package documentation); {@link #origin()} is the site
 * with all coordinates 0. A box may give each site s internal states (a spin 1/2 has s = 2, see
 * {@link LatticeBuilder#internalStates}): the Hilbert space then has {@link #states()} = N s basis
 * states {@code |x, sigma>}, indexed {@code x * s + sigma} ({@link #stateIndex}), while sites,
 * coordinates and distances stay those of the N sites. Distances on a box are Euclidean, with the
 * minimum image along periodic axes; on a graph they are the number of edges of a shortest path.
 */
public final class Lattice {

  private final String name;
  private final int size;
  private final int internalStates;
  // Box geometry (null for graphs).
  private final int[] sides;
  private final boolean[] periodic;
  private final int[] strides;
  private final int[] offsets;
  // Graph adjacency in compressed rows (for boxes built on demand).
  private volatile int[] adjacencyStart;
  private volatile int[] adjacencyTarget;
  private final ConcurrentHashMap<Integer, double[]> squaredDistanceCache =
      new ConcurrentHashMap<>();

  private Lattice(
      String name,
      int size,
      int internalStates,
      int[] sides,
      boolean[] periodic,
      int[] adjacencyStart,
      int[] adjacencyTarget) {
    this.name = name;
    this.size = size;
    this.internalStates = internalStates;
    this.sides = sides;
    this.periodic = periodic;
    this.adjacencyStart = adjacencyStart;
    this.adjacencyTarget = adjacencyTarget;
    if (sides != null) {
      strides = new int[sides.length];
      offsets = new int[sides.length];
      int stride = 1;
      for (int a = sides.length - 1; a >= 0; a--) {
        strides[a] = stride;
        stride *= sides[a];
        offsets[a] = sides[a] / 2;
      }
    } else {
      strides = null;
      offsets = null;
    }
  }

  static Lattice box(String name, int[] sides, boolean[] periodic) {
    return box(name, sides, periodic, 1);
  }

  static Lattice box(String name, int[] sides, boolean[] periodic, int internalStates) {
    int n = 1;
    for (int s : sides) {
      n *= s;
    }
    return new Lattice(name, n, internalStates, sides.clone(), periodic.clone(), null, null);
  }

  // ---------------------------------------------------------------- factories: boxes of Z^d

  /** A box of Z^1 with {@code length} sites. */
  public static LatticeBuilder chain(int length) {
    return new LatticeBuilder("chain", new int[] {length});
  }

  /** A square box of Z^2 with side {@code side}. */
  public static LatticeBuilder square(int side) {
    return new LatticeBuilder("square", new int[] {side, side});
  }

  /** A rectangular box of Z^2. */
  public static LatticeBuilder square(int sideX, int sideY) {
    return new LatticeBuilder("square", new int[] {sideX, sideY});
  }

  /** A cubic box of Z^3 with side {@code side}. */
  public static LatticeBuilder cubic(int side) {
    return new LatticeBuilder("cubic", new int[] {side, side, side});
  }

  /** A box of Z^3 with three side lengths. */
  public static LatticeBuilder cubic(int sideX, int sideY, int sideZ) {
    return new LatticeBuilder("cubic", new int[] {sideX, sideY, sideZ});
  }

  /**
   * A box of Z^d, d = sides.length (1 to 3).
   *
   * @throws IllegalArgumentException if d is not 1, 2 or 3, or a side is < 1
   */
  public static LatticeBuilder box(int... sides) {
    if (sides == null || sides.length < 1 || sides.length > 3) {
      throw new IllegalArgumentException(
          "Lattice.box: number of sides (the dimension d) must be 1, 2 or 3, got "
              + (sides == null ? 0 : sides.length));
    }
    return new LatticeBuilder("box", sides);
  }

  // ---------------------------------------------------------------- factories: graphs

  /** The cycle graph on {@code n >= 3} vertices: a periodic chain. */
  public static Lattice cycle(int n) {
    Check.atLeast("Lattice.cycle", "n", n, 3);
    return box("cycle", new int[] {n}, new boolean[] {true});
  }

  /** The path graph on {@code n >= 1} vertices: an open chain. */
  public static Lattice path(int n) {
    Check.atLeast("Lattice.path", "n", n, 1);
    return box("path", new int[] {n}, new boolean[] {false});
  }

  /** The complete graph on {@code n >= 2} vertices: every pair is joined. */
  public static Lattice complete(int n) {
    Check.atLeast("Lattice.complete", "n", n, 2);
    if ((long) n * (n - 1) > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "Lattice.complete: n must be <= 46340 (edges are stored), got " + n);
    }
    int[] start = new int[n + 1];
    int[] target = new int[n * (n - 1)];
    int k = 0;
    for (int i = 0; i < n; i++) {
      start[i] = k;
      for (int j = 0; j < n; j++) {
        if (j != i) {
          target[k++] = j;
        }
      }
    }
    start[n] = k;
    return new Lattice("complete", n, 1, null, null, start, target);
  }

  /** The hypercube graph {0,1}^dimension: vertices joined when they differ in one bit. */
  public static Lattice hypercube(int dimension) {
    Check.atLeast("Lattice.hypercube", "dimension", dimension, 1);
    if (dimension > 24) {
      throw new IllegalArgumentException(
          "Lattice.hypercube: dimension must be in [1, 24], got " + dimension);
    }
    int n = 1 << dimension;
    int[] start = new int[n + 1];
    int[] target = new int[n * dimension];
    for (int i = 0; i < n; i++) {
      start[i] = i * dimension;
      for (int b = 0; b < dimension; b++) {
        target[i * dimension + b] = i ^ (1 << b);
      }
    }
    start[n] = n * dimension;
    return new Lattice("hypercube", n, 1, null, null, start, target);
  }

  /**
   * A graph from an undirected edge list.
   *
   * @param vertices number of vertices, >= 1
   * @param edges pairs {@code {i, j}} of distinct vertices in {@code [0, vertices-1]}; duplicates
   *     are merged
   */
  public static Lattice graph(int vertices, int[][] edges) {
    Check.atLeast("Lattice.graph", "vertices", vertices, 1);
    Check.notNull("Lattice.graph", "edges", edges);
    int[] degree = new int[vertices];
    java.util.HashSet<Long> seen = new java.util.HashSet<>();
    for (int e = 0; e < edges.length; e++) {
      int[] edge = edges[e];
      if (edge == null || edge.length != 2) {
        throw new IllegalArgumentException(
            "Lattice.graph: edges[" + e + "] must be a pair {i, j}, got " + Arrays.toString(edge));
      }
      Check.index("Lattice.graph", "edges[" + e + "][0]", edge[0], vertices);
      Check.index("Lattice.graph", "edges[" + e + "][1]", edge[1], vertices);
      if (edge[0] == edge[1]) {
        throw new IllegalArgumentException(
            "Lattice.graph: edges["
                + e
                + "] must join distinct vertices, got a loop at "
                + edge[0]);
      }
      long key = (long) Math.min(edge[0], edge[1]) * vertices + Math.max(edge[0], edge[1]);
      if (seen.add(key)) {
        degree[edge[0]]++;
        degree[edge[1]]++;
      }
    }
    int[] start = new int[vertices + 1];
    for (int i = 0; i < vertices; i++) {
      start[i + 1] = start[i] + degree[i];
    }
    int[] fill = Arrays.copyOf(start, vertices);
    int[] target = new int[start[vertices]];
    for (long key : new java.util.TreeSet<>(seen)) {
      int i = (int) (key / vertices);
      int j = (int) (key % vertices);
      target[fill[i]++] = j;
      target[fill[j]++] = i;
    }
    for (int i = 0; i < vertices; i++) {
      Arrays.sort(target, start[i], start[i + 1]);
    }
    return new Lattice("graph", vertices, 1, null, null, start, target);
  }

  // ---------------------------------------------------------------- accessors

  /** Number of sites N. */
  public int size() {
    return size;
  }

  /** Number s of internal states per site (1 unless the box was built with internal states). */
  public int internalStates() {
    return internalStates;
  }

  /** The dimension N s of the Hilbert space: the length of a wave function on this lattice. */
  public int states() {
    return size * internalStates;
  }

  /**
   * The index {@code site * s + sigma} of the basis state {@code |site, sigma>}.
   *
   * @throws IllegalArgumentException if the site is not in {@code [0, N-1]} or sigma not in {@code
   *     [0, s-1]}
   */
  public int stateIndex(int site, int sigma) {
    checkSite("Lattice.stateIndex", site);
    Check.index("Lattice.stateIndex", "sigma", sigma, internalStates);
    return site * internalStates + sigma;
  }

  /** True for a box of Z^d, false for a general graph. */
  public boolean isBox() {
    return sides != null;
  }

  /** The dimension d of a box; 0 for a graph. */
  public int dimension() {
    return sides == null ? 0 : sides.length;
  }

  /** Side lengths of a box (a copy); empty for a graph. */
  public int[] sides() {
    return sides == null ? new int[0] : sides.clone();
  }

  /** Side length along one axis of a box. */
  public int side(int axis) {
    requireBox("side");
    return sides[Check.index("Lattice.side", "axis", axis, sides.length)];
  }

  /** Whether the box is periodic along {@code axis}. */
  public boolean isPeriodic(int axis) {
    requireBox("isPeriodic");
    return periodic[Check.index("Lattice.isPeriodic", "axis", axis, sides.length)];
  }

  /** The origin: the site with all coordinates 0 on a box; vertex 0 on a graph. */
  public int origin() {
    if (sides == null) {
      return 0;
    }
    int site = 0;
    for (int a = 0; a < sides.length; a++) {
      site += offsets[a] * strides[a];
    }
    return site;
  }

  /** Same as {@link #origin()}: the centre of the box. */
  public int center() {
    return origin();
  }

  /**
   * The site at the given centred coordinates.
   *
   * @throws IllegalArgumentException if the number of coordinates is not d or a coordinate lies
   *     outside the box
   */
  public int site(int... coordinates) {
    requireBox("site");
    if (coordinates.length != sides.length) {
      throw new IllegalArgumentException(
          "Lattice.site: expected "
              + sides.length
              + " coordinates for a "
              + sides.length
              + "D box, got "
              + coordinates.length);
    }
    int site = 0;
    for (int a = 0; a < sides.length; a++) {
      int lo = -offsets[a];
      int hi = sides[a] - 1 - offsets[a];
      if (coordinates[a] < lo || coordinates[a] > hi) {
        throw new IllegalArgumentException(
            "Lattice.site: coordinate x"
                + (a + 1)
                + " must be in ["
                + lo
                + ", "
                + hi
                + "], got "
                + coordinates[a]
                + " (the site is outside the box)");
      }
      site += (coordinates[a] + offsets[a]) * strides[a];
    }
    return site;
  }

  /** Centred coordinates of a site of a box. */
  public int[] coordinates(int site) {
    requireBox("coordinates");
    checkSite("Lattice.coordinates", site);
    int[] x = new int[sides.length];
    for (int a = 0; a < sides.length; a++) {
      x[a] = (site / strides[a]) % sides[a] - offsets[a];
    }
    return x;
  }

  /** Centred coordinate of a site along one axis (no checks: for loops over many sites). */
  public int coordinate(int site, int axis) {
    return (site / strides[axis]) % sides[axis] - offsets[axis];
  }

  /** Lowest centred coordinate along an axis, {@code -floor(L/2)}. */
  public int minCoordinate(int axis) {
    requireBox("minCoordinate");
    return -offsets[Check.index("Lattice.minCoordinate", "axis", axis, sides.length)];
  }

  /** Stride of an axis in the row-major site numbering. */
  public int stride(int axis) {
    requireBox("stride");
    return strides[Check.index("Lattice.stride", "axis", axis, sides.length)];
  }

  /**
   * @throws IllegalArgumentException if {@code site} is not in {@code [0, N-1]}
   */
  public int checkSite(String where, int site) {
    return Check.index(where, "site", site, size);
  }

  /**
   * The nearest neighbours of a site (duplicates merged), in the order of the adjacency: increasing
   * for boxes and edge-list graphs, by flipped bit for the hypercube.
   */
  public int[] neighbours(int site) {
    checkSite("Lattice.neighbours", site);
    ensureAdjacency();
    return Arrays.copyOfRange(adjacencyTarget, adjacencyStart[site], adjacencyStart[site + 1]);
  }

  /** Number of nearest neighbours of a site. */
  public int degree(int site) {
    checkSite("Lattice.degree", site);
    ensureAdjacency();
    return adjacencyStart[site + 1] - adjacencyStart[site];
  }

  /** The bonds as compressed rows: {@code [0]} row starts (N+1), {@code [1]} targets. Copies. */
  public int[][] adjacency() {
    ensureAdjacency();
    return new int[][] {adjacencyStart.clone(), adjacencyTarget.clone()};
  }

  /** Distance between two sites (Euclidean with minimum image on a box; hops on a graph). */
  public double distance(int a, int b) {
    return Math.sqrt(squaredDistance(a, b));
  }

  /** Squared distance between two sites. */
  public double squaredDistance(int a, int b) {
    checkSite("Lattice.distance", a);
    checkSite("Lattice.distance", b);
    if (sides == null) {
      return squaredDistancesFrom(a)[b];
    }
    double s = 0;
    for (int axis = 0; axis < sides.length; axis++) {
      double d = axisDisplacement(a, b, axis);
      s += d * d;
    }
    return s;
  }

  /** Signed displacement from {@code a} to {@code b} along an axis (minimum image if periodic). */
  public int axisDisplacement(int a, int b, int axis) {
    int d = coordinate(b, axis) - coordinate(a, axis);
    if (periodic[axis]) {
      int side = sides[axis];
      d = Math.floorMod(d, side);
      if (d > side / 2) {
        d -= side;
      }
    }
    return d;
  }

  /**
   * Squared distances |x - from|^2 of every site from {@code from}, cached: N doubles per {@code
   * from} for the lifetime of the lattice (the mean squared displacement (8) reads them on a graph;
   * on a box it makes |x|^2 from the coordinates instead).
   *
   * @return a shared array: do not modify
   */
  public double[] squaredDistancesFrom(int from) {
    checkSite("Lattice.squaredDistancesFrom", from);
    return squaredDistanceCache.computeIfAbsent(from, this::computeSquaredDistances);
  }

  /**
   * Squared displacement along one axis of every site from {@code from}, as a new array.
   *
   * @throws IllegalStateException on a graph, which has no axes
   */
  public double[] squaredAxisDisplacementsFrom(int from, int axis) {
    requireBox("squaredAxisDisplacementsFrom");
    checkSite("Lattice.squaredAxisDisplacementsFrom", from);
    Check.index("Lattice.squaredAxisDisplacementsFrom", "axis", axis, sides.length);
    double[] d2 = new double[size];
    for (int i = 0; i < size; i++) {
      double d = axisDisplacement(from, i, axis);
      d2[i] = d * d;
    }
    return d2;
  }

  /**
   * Distance of each site from the nearest face of an open box, in sites (0 on the face). Along
   * periodic axes the "face" is where the torus wraps as seen from the origin: the box stops
   * standing for Z^d when the wave function reaches it.
   */
  public int[] boundaryDistances() {
    requireBox("boundaryDistances");
    int[] depth = new int[size];
    for (int i = 0; i < size; i++) {
      int m = Integer.MAX_VALUE;
      for (int a = 0; a < sides.length; a++) {
        int x = coordinate(i, a);
        int lo = -offsets[a];
        int hi = sides[a] - 1 - offsets[a];
        m = Math.min(m, Math.min(x - lo, hi - x));
      }
      depth[i] = m;
    }
    return depth;
  }

  private double[] computeSquaredDistances(int from) {
    double[] d2 = new double[size];
    if (sides != null) {
      for (int i = 0; i < size; i++) {
        double s = 0;
        for (int a = 0; a < sides.length; a++) {
          double d = axisDisplacement(from, i, a);
          s += d * d;
        }
        d2[i] = s;
      }
      return d2;
    }
    // Breadth-first search: hop counts. Unreachable vertices are infinitely far.
    Arrays.fill(d2, Double.POSITIVE_INFINITY);
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    int[] hops = new int[size];
    Arrays.fill(hops, -1);
    hops[from] = 0;
    queue.add(from);
    while (!queue.isEmpty()) {
      int v = queue.poll();
      for (int k = adjacencyStart[v]; k < adjacencyStart[v + 1]; k++) {
        int w = adjacencyTarget[k];
        if (hops[w] < 0) {
          hops[w] = hops[v] + 1;
          queue.add(w);
        }
      }
    }
    for (int i = 0; i < size; i++) {
      if (hops[i] >= 0) {
        d2[i] = (double) hops[i] * hops[i];
      }
    }
    return d2;
  }

  private void ensureAdjacency() {
    if (adjacencyStart != null) {
      return;
    }
    synchronized (this) {
      if (adjacencyStart != null) {
        return;
      }
      int[] start = new int[size + 1];
      int[] buffer = new int[2 * sides.length];
      int[] targets = new int[size * 2 * sides.length];
      int k = 0;
      for (int i = 0; i < size; i++) {
        start[i] = k;
        int count = 0;
        for (int a = 0; a < sides.length; a++) {
          int u = (i / strides[a]) % sides[a];
          if (u + 1 < sides[a]) {
            buffer[count++] = i + strides[a];
          } else if (periodic[a]) {
            buffer[count++] = i - (sides[a] - 1) * strides[a];
          }
          if (u > 0) {
            buffer[count++] = i - strides[a];
          } else if (periodic[a]) {
            buffer[count++] = i + (sides[a] - 1) * strides[a];
          }
        }
        Arrays.sort(buffer, 0, count);
        for (int c = 0; c < count; c++) {
          if (c == 0 || buffer[c] != buffer[c - 1]) {
            targets[k++] = buffer[c];
          }
        }
      }
      start[size] = k;
      adjacencyTarget = Arrays.copyOf(targets, k);
      adjacencyStart = start;
    }
  }

  private void requireBox(String method) {
    if (sides == null) {
      throw new IllegalStateException(
          "Lattice." + method + ": the " + name + " graph has no axes; only boxes of Z^d do");
    }
  }

  /** True if both lattices have the same geometry (same kind, sides, boundaries, bonds). */
  public boolean sameGeometry(Lattice other) {
    if (this == other) {
      return true;
    }
    if (other == null
        || size != other.size
        || internalStates != other.internalStates
        || isBox() != other.isBox()) {
      return false;
    }
    if (isBox()) {
      return Arrays.equals(sides, other.sides) && Arrays.equals(periodic, other.periodic);
    }
    ensureAdjacency();
    other.ensureAdjacency();
    return Arrays.equals(adjacencyStart, other.adjacencyStart)
        && Arrays.equals(adjacencyTarget, other.adjacencyTarget);
  }

  /**
   * The family the lattice was made by: "chain", "square", "cubic", "box", "cycle", "path",
   * "complete", "hypercube" or "graph".
   */
  public String kind() {
    return name;
  }

  /**
   * Whether the lattice is a finite piece standing for the infinite Z^d (chain, square, cubic and
   * box lattices), so that probability at its faces means the box is too small. Cycles, paths and
   * graphs are finite systems in their own right.
   */
  public boolean standsForInfiniteLattice() {
    return sides != null && !name.equals("cycle") && !name.equals("path");
  }

  @Override
  public String toString() {
    if (sides == null) {
      ensureAdjacency();
      return "Lattice "
          + name
          + ": "
          + size
          + " vertices, "
          + adjacencyTarget.length / 2
          + " edges";
    }
    StringBuilder s = new StringBuilder("Lattice ").append(name).append(' ');
    for (int a = 0; a < sides.length; a++) {
      s.append(a == 0 ? "" : "x").append(sides[a]);
    }
    boolean allPeriodic = true;
    boolean allOpen = true;
    for (boolean p : periodic) {
      allPeriodic &= p;
      allOpen &= !p;
    }
    s.append(
        allPeriodic
            ? ", periodic"
            : allOpen ? ", open" : ", periodic " + Arrays.toString(periodic));
    s.append(", ").append(size).append(" sites");
    if (internalStates > 1) {
      s.append(" x ").append(internalStates).append(" internal states");
    }
    return s.toString();
  }
}
