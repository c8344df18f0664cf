package org.qdiff.numeric;

import java.util.Arrays;

/**
 * A self-adjoint operator on complex vectors, applied matrix-free: the hot path of every
 * propagator.
 *
 * <p>The operator is the sum of up to four parts, each stored in the cheapest form that represents
 * it:
 *
 * <ol>
 *   <li>a diagonal: a constant {@code shift} plus an optional site potential {@code v[i]};
 *   <li>a <em>stencil</em> on a hypercubic box: amplitude {@code axisHopping[a]} between each site
 *       and its two neighbours along axis {@code a}, open or periodic per axis, with no index
 *       arrays (neighbours are found from strides);
 *   <li>a uniform real amplitude on the edges of a graph, stored as an adjacency list in compressed
 *       sparse rows without values;
 *   <li>general complex entries in compressed sparse rows ({@code rowStart}, {@code column}, {@code
 *       valueRe}, {@code valueIm}); the builder that makes them stores both {@code (i,j)} and
 *       {@code (j,i)} with conjugate values, so the operator stays self-adjoint;
 *   <li>nearest-neighbour hopping with a complex s x s matrix on each bond of a box whose sites
 *       carry s internal states ({@link LinkStencil}: Peierls phases, spin-orbit links).
 * </ol>
 *
 * <p>A chain may also carry real symmetric entries within a band {@code |i - j| <= b}, stored by
 * rows without index arrays ({@link BandRows}).
 *
 * <p>Sites are numbered row-major on a box: the last axis is contiguous. Instances are immutable
 * (arrays are owned, never exposed) and thread-safe.
 */
public final class SparseOperator {

  private final int size;
  private final double shift;
  private final double[] potential;
  private final int[] sides;
  private final boolean[] periodic;
  private final double[] axisHopping;
  private final int[] adjacencyStart;
  private final int[] adjacencyTarget;
  private final double adjacencyHopping;
  private final int[] rowStart;
  private final int[] column;
  private final double[] valueRe;
  private final double[] valueIm;
  private final BandRows band;
  private final LinkStencil links;

  private SparseOperator(
      int size,
      double shift,
      double[] potential,
      int[] sides,
      boolean[] periodic,
      double[] axisHopping,
      int[] adjacencyStart,
      int[] adjacencyTarget,
      double adjacencyHopping,
      int[] rowStart,
      int[] column,
      double[] valueRe,
      double[] valueIm) {
    this.size = size;
    this.shift = shift;
    this.potential = potential;
    this.sides = sides;
    this.periodic = periodic;
    this.axisHopping = axisHopping;
    this.adjacencyStart = adjacencyStart;
    this.adjacencyTarget = adjacencyTarget;
    this.adjacencyHopping = adjacencyHopping;
    this.rowStart = rowStart;
    this.column = column;
    this.valueRe = valueRe;
    this.valueIm = valueIm;
    this.band = null;
    this.links = null;
  }

  /** A copy of {@code base} whose banded and link parts are {@code band} and {@code links}. */
  private SparseOperator(SparseOperator base, BandRows band, LinkStencil links) {
    this.size = base.size;
    this.shift = base.shift;
    this.potential = base.potential;
    this.sides = base.sides;
    this.periodic = base.periodic;
    this.axisHopping = base.axisHopping;
    this.adjacencyStart = base.adjacencyStart;
    this.adjacencyTarget = base.adjacencyTarget;
    this.adjacencyHopping = base.adjacencyHopping;
    this.rowStart = base.rowStart;
    this.column = base.column;
    this.valueRe = base.valueRe;
    this.valueIm = base.valueIm;
    this.band = band;
    this.links = links;
  }

  /** This operator without its banded and link parts. */
  private SparseOperator withoutBandAndLinks() {
    return band == null && links == null ? this : new SparseOperator(this, null, null);
  }

  /** Real symmetric entries within a band of a chain (see {@link BandRows}). */
  public static SparseOperator banded(BandRows band) {
    Check.notNull("SparseOperator.banded", "band", band);
    return new SparseOperator(zero(band.size()), band, null);
  }

  /**
   * Matrix-valued nearest-neighbour hopping on a box with internal states (immutable; taken as it
   * is). The vector length is cells times internal states.
   */
  public static SparseOperator links(LinkStencil links) {
    return new SparseOperator(zero(links.size()), null, links);
  }

  /** The zero operator on {@code size} sites (no geometry). */
  public static SparseOperator zero(int size) {
    return new SparseOperator(
        size, 0, null, null, null, null, null, null, 0, null, null, null, null);
  }

  /**
   * A stencil on a box with the given per-axis hopping amplitudes.
   *
   * @param sides side lengths, row-major order (not modified; copied)
   * @param periodic per axis (copied)
   * @param axisHopping matrix element between neighbours along each axis (copied)
   */
  public static SparseOperator stencil(int[] sides, boolean[] periodic, double[] axisHopping) {
    int n = 1;
    for (int s : sides) {
      n = Math.multiplyExact(n, s);
    }
    return new SparseOperator(
        n,
        0,
        null,
        sides.clone(),
        periodic.clone(),
        axisHopping.clone(),
        null,
        null,
        0,
        null,
        null,
        null,
        null);
  }

  /** A diagonal operator {@code shift + potential[i]}; {@code potential} may be null (copied). */
  public static SparseOperator diagonal(int size, double shift, double[] potential) {
    return new SparseOperator(
        size,
        shift,
        potential == null ? null : potential.clone(),
        null,
        null,
        null,
        null,
        null,
        0,
        null,
        null,
        null,
        null);
  }

  /**
   * Uniform real amplitude {@code hopping} on every edge of a graph given in compressed rows.
   * Arrays are taken as they are (the caller hands over an immutable adjacency).
   */
  public static SparseOperator adjacency(int[] start, int[] target, double hopping) {
    return new SparseOperator(
        start.length - 1,
        0,
        null,
        null,
        null,
        null,
        start,
        target,
        hopping,
        null,
        null,
        null,
        null);
  }

  /**
   * General complex entries in compressed sparse rows. The caller guarantees that the entries are
   * Hermitian (both orientations present with conjugate values); arrays are taken as they are.
   */
  public static SparseOperator compressedRows(
      int[] rowStart, int[] column, double[] valueRe, double[] valueIm) {
    return new SparseOperator(
        rowStart.length - 1,
        0,
        null,
        null,
        null,
        null,
        null,
        null,
        0,
        rowStart,
        column,
        valueRe,
        valueIm);
  }

  /**
   * The Bloch energies, when this operator is translation invariant: a stencil on a box periodic
   * along every axis, a uniform diagonal, and no graph or compressed-row part. Then every plane
   * wave is an eigenvector, and entry k (row-major over the box, in the index order of {@link
   * Fourier}) is {@code E(k) = shift + v + sum_a 2 h_a cos(2 pi k_a / L_a)}.
   *
   * @return a new array of N energies, or null when the operator is not translation invariant
   */
  public double[] blochEnergies() {
    if (sides == null
        || adjacencyStart != null
        || rowStart != null
        || band != null
        || links != null) {
      return null;
    }
    for (boolean p : periodic) {
      if (!p) {
        return null;
      }
    }
    double constant = shift;
    if (potential != null) {
      double v = potential[0];
      for (double x : potential) {
        if (x != v) {
          return null;
        }
      }
      constant += v;
    }
    int d = sides.length;
    double[][] axisEnergy = new double[d][];
    for (int a = 0; a < d; a++) {
      axisEnergy[a] = new double[sides[a]];
      for (int k = 0; k < sides[a]; k++) {
        axisEnergy[a][k] = 2 * axisHopping[a] * Math.cos(2 * Math.PI * k / sides[a]);
      }
    }
    double[] energies = new double[size];
    int[] k = new int[d];
    for (int i = 0; i < size; i++) {
      double e = constant;
      for (int a = 0; a < d; a++) {
        e += axisEnergy[a][k[a]];
      }
      energies[i] = e;
      for (int a = d - 1; a >= 0; a--) {
        if (++k[a] < sides[a]) {
          break;
        }
        k[a] = 0;
      }
    }
    return energies;
  }

  /** Number of sites (vector length). */
  public int size() {
    return size;
  }

  /** True if the operator has complex off-diagonal entries. */
  public boolean hasImaginaryPart() {
    if (links != null && links.hasImaginaryPart()) {
      return true;
    }
    if (valueIm == null) {
      return false;
    }
    for (double v : valueIm) {
      if (v != 0) {
        return true;
      }
    }
    return false;
  }

  /** The diagonal part {@code shift + v[i]} at one site. */
  public double diagonalAt(int site) {
    return shift + (potential == null ? 0 : potential[site]);
  }

  /** The full diagonal {@code A_ii}, including diagonal entries stored in compressed rows. */
  public double[] diagonal() {
    double[] d = new double[size];
    for (int i = 0; i < size; i++) {
      d[i] = diagonalAt(i);
      if (rowStart != null) {
        for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
          if (column[k] == i) {
            d[i] += valueRe[k];
          }
        }
      }
      if (band != null) {
        d[i] += band.diagonalAt(i);
      }
    }
    return d;
  }

  /** Number of stored off-diagonal amplitudes (bonds counted in both orientations). */
  public long offDiagonalCount() {
    long count = 0;
    if (sides != null) {
      for (int a = 0; a < sides.length; a++) {
        if (axisHopping[a] != 0) {
          long perAxis = (long) size / sides[a] * (periodic[a] ? sides[a] : sides[a] - 1);
          count += 2 * perAxis;
        }
      }
    }
    if (adjacencyTarget != null && adjacencyHopping != 0) {
      count += adjacencyTarget.length;
    }
    if (column != null) {
      count += column.length;
    }
    if (band != null) {
      count += band.offDiagonalCount();
    }
    if (links != null) {
      count += links.offDiagonalCount();
    }
    return count;
  }

  /**
   * The sum of two operators on the same sites. Both must have the same box geometry when both have
   * stencils; the caller checks that they act on the same lattice.
   */
  public SparseOperator plus(SparseOperator other) {
    if (other.size != size) {
      throw new IllegalArgumentException(
          "SparseOperator.plus: sizes differ, " + size + " and " + other.size);
    }
    if (band != null || other.band != null || links != null || other.links != null) {
      LinkStencil linkSum =
          links == null ? other.links : other.links == null ? links : links.plus(other.links);
      return new SparseOperator(
          withoutBandAndLinks().plus(other.withoutBandAndLinks()),
          BandRows.sum(band, other.band),
          linkSum);
    }
    double[] v = addNullable(potential, other.potential);
    int[] boxSides = sides != null ? sides : other.sides;
    boolean[] boxPeriodic = periodic != null ? periodic : other.periodic;
    double[] hop = null;
    if (axisHopping != null || other.axisHopping != null) {
      hop = new double[boxSides.length];
      for (int a = 0; a < hop.length; a++) {
        hop[a] =
            (axisHopping == null ? 0 : axisHopping[a])
                + (other.axisHopping == null ? 0 : other.axisHopping[a]);
      }
    }
    int[] adjStart = adjacencyStart != null ? adjacencyStart : other.adjacencyStart;
    int[] adjTarget = adjacencyTarget != null ? adjacencyTarget : other.adjacencyTarget;
    double adjHop = adjacencyHopping + other.adjacencyHopping;
    int[] rs = rowStart;
    int[] col = column;
    double[] re = valueRe;
    double[] im = valueIm;
    if (other.rowStart != null) {
      if (rowStart == null) {
        rs = other.rowStart;
        col = other.column;
        re = other.valueRe;
        im = other.valueIm;
      } else {
        int[][] colsOut = new int[1][];
        double[][] valsOut = new double[2][];
        rs = mergeRows(this, other, colsOut, valsOut);
        col = colsOut[0];
        re = valsOut[0];
        im = valsOut[1];
      }
    }
    return new SparseOperator(
        size,
        shift + other.shift,
        v,
        boxSides,
        boxPeriodic,
        hop,
        adjStart,
        adjTarget,
        adjHop,
        rs,
        col,
        re,
        im);
  }

  /** The operator multiplied by a real number. */
  public SparseOperator times(double factor) {
    if (band != null || links != null) {
      return new SparseOperator(
          withoutBandAndLinks().times(factor),
          band == null ? null : band.times(factor),
          links == null ? null : links.times(factor));
    }
    return new SparseOperator(
        size,
        shift * factor,
        scaled(potential, factor),
        sides,
        periodic,
        scaled(axisHopping, factor),
        adjacencyStart,
        adjacencyTarget,
        adjacencyHopping * factor,
        rowStart,
        column,
        scaled(valueRe, factor),
        scaled(valueIm, factor));
  }

  /**
   * Gershgorin bounds on the spectrum: {@code {min_i (d_i - r_i), max_i (d_i + r_i)}} with d the
   * diagonal and r the sum of absolute off-diagonal entries in row i, widened on both sides by
   * {@link LinkStencil#normBound()} when there is a link part. Always contains the spectrum of a
   * self-adjoint operator.
   */
  public double[] gershgorinBounds() {
    double stencilRadius = 0;
    if (axisHopping != null) {
      for (int a = 0; a < axisHopping.length; a++) {
        stencilRadius += (sides[a] == 1 ? 0 : 2) * Math.abs(axisHopping[a]);
      }
    }
    final double boxRadius = stencilRadius;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < size; i++) {
      double center = diagonalAt(i);
      double radius = boxRadius;
      if (adjacencyTarget != null) {
        radius += Math.abs(adjacencyHopping) * (adjacencyStart[i + 1] - adjacencyStart[i]);
      }
      if (rowStart != null) {
        for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
          if (column[k] == i) {
            center += valueRe[k];
          } else {
            radius += Math.hypot(valueRe[k], valueIm[k]);
          }
        }
      }
      if (band != null) {
        center += band.diagonalAt(i);
        radius += band.offDiagonalAbsSum(i);
      }
      lo = Math.min(lo, center - radius);
      hi = Math.max(hi, center + radius);
    }
    if (links != null) {
      // Weyl: adding the link hopping moves every eigenvalue by at most its norm.
      double r = links.normBound();
      lo -= r;
      hi += r;
    }
    return new double[] {lo, hi};
  }

  /**
   * The fused kernel. For every site {@code i}:
   *
   * <pre>
   *   out_i = alpha (A x)_i + beta x_i + gamma p_i
   *   acc_i += c out_i          (only if acc is given)
   * </pre>
   *
   * with complex vectors split into real and imaginary arrays and {@code c = cRe + i cIm}. This is
   * one Chebyshev step {@code T_{k+1} = 2 A~ T_k - T_{k-1}} and its accumulation in one pass.
   *
   * @param xRe input, not modified; must not alias {@code out}
   * @param xIm input, not modified; must not alias {@code out}
   * @param pRe may be null (then gamma is ignored); may alias {@code out} (each entry is read
   *     before it is written)
   * @param outRe modified
   * @param accRe may be null; modified
   */
  public void apply(
      double[] xRe,
      double[] xIm,
      double alpha,
      double beta,
      double gamma,
      double[] pRe,
      double[] pIm,
      double[] outRe,
      double[] outIm,
      double[] accRe,
      double[] accIm,
      double cRe,
      double cIm) {
    if (xRe == outRe || xIm == outIm) {
      throw new IllegalArgumentException("SparseOperator.apply: x must not alias out");
    }
    final boolean inPasses = sides != null && aliasProne();
    // When no other part adds to out afterwards, the accumulation joins the diagonal loop or the
    // stencil passes (which hold the new out in their buffers); otherwise it is a loop of its own
    // over the block, which was measured as fast as joining it to the one-loop stencil.
    final boolean accInStencil =
        accRe != null && onlyDiagonalAndStencil() && (sides == null || inPasses);
    Parallel.forRange(
        size,
        (from, to) -> {
          Sweep sweep =
              new Sweep(
                  xRe,
                  xIm,
                  alpha,
                  beta,
                  gamma,
                  pRe,
                  pIm,
                  outRe,
                  outIm,
                  accInStencil ? accRe : null,
                  accInStencil ? accIm : null,
                  cRe,
                  cIm);
          if (sides == null) {
            diagonalOnly(sweep, from, to);
          } else if (inPasses) {
            for (int c = from; c < to; c += CHUNK) {
              stencilChunk(sweep, c, Math.min(to, c + CHUNK));
            }
          } else {
            final int len = sides[sides.length - 1];
            final boolean runs = pRe == null && sides.length > 1 && len > 2 && useLanes();
            for (int i = from; i < to; ) {
              int row = i / len;
              int lastRow = runs ? lastRowOfRun(row, (to - 1) / len) : row;
              if (lastRow > row) {
                int runEnd = Math.min(to, lastRow * len + len);
                stencilRun(sweep, row, lastRow, i, runEnd);
                i = runEnd;
              } else {
                int rowEnd = Math.min(to, row * len + len);
                stencilRow(sweep, row, i, rowEnd);
                i = rowEnd;
              }
            }
          }
          if (adjacencyTarget != null && adjacencyHopping != 0) {
            adjacencyRows(xRe, xIm, alpha * adjacencyHopping, outRe, outIm, from, to);
          }
          if (rowStart != null) {
            complexRows(xRe, xIm, alpha, outRe, outIm, from, to);
          }
          if (band != null) {
            band.addRows(xRe, xIm, alpha, outRe, outIm, from, to);
          }
          if (links != null) {
            links.addTo(xRe, xIm, alpha, outRe, outIm, from, to);
          }
          if (accRe != null && !accInStencil) {
            for (int i = from; i < to; i++) {
              double r = outRe[i];
              double m = outIm[i];
              accRe[i] += cRe * r - cIm * m;
              accIm[i] += cRe * m + cIm * r;
            }
          }
        });
  }

  /** {@code out = A x}. Inputs not modified; out modified; must not alias. */
  public void apply(double[] xRe, double[] xIm, double[] outRe, double[] outIm) {
    apply(xRe, xIm, 1, 0, 0, null, null, outRe, outIm, null, null, 0, 0);
  }

  private boolean onlyDiagonalAndStencil() {
    return (adjacencyTarget == null || adjacencyHopping == 0)
        && rowStart == null
        && band == null
        && links == null;
  }

  /**
   * True when vectors of this length, allocated one after the other, lie within 4 KiB of a multiple
   * of 2^27 bytes apart (next to each other or one between), as for 2^23 sites and more in powers
   * of two (256^3). A loop over two such vectors at once runs several times slower on processors
   * whose level-1 cache tells lines apart by fewer address bits (measured on AMD EPYC: 3 times for
   * H psi on 256^3, up to 10 times for a loop over the seven vectors of the fused step), so the
   * stencil then runs in passes over one vector at a time ({@link #stencilChunk}); otherwise one
   * loop over all vectors is faster (measured on 2^22 sites and fewer).
   */
  private boolean aliasProne() {
    return passesForTests != null ? passesForTests : aliasProne(size);
  }

  /** See {@link #aliasProne()}: vectors of {@code size} doubles, each with a 16-byte header. */
  static boolean aliasProne(int size) {
    final long period = 1L << 27;
    final long bytes = 8L * size + 16;
    for (int k = 1; k <= 2; k++) {
      long r = (k * bytes) % period;
      if (bytes * k >= period && (r < 4096 || r > period - 4096)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The number of doubles the stencil handles at once in SIMD lanes ({@link StencilLanes}), or 1
   * when it runs scalar loops: the JVM was started without {@code --add-modules
   * jdk.incubator.vector}, the processor has no SIMD wider than one double, or the system property
   * {@code qdiff.lanes} is {@code false}. Both give the same bits.
   */
  public static int vectorLanes() {
    return LANES;
  }

  private static final int LANES = detectLanes();

  private static int detectLanes() {
    if (!Boolean.parseBoolean(System.getProperty("qdiff.lanes", "true"))
        || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
      return 1;
    }
    try {
      return Math.max(1, StencilLanes.lanes());
    } catch (LinkageError e) {
      return 1;
    }
  }

  private static boolean useLanes() {
    Boolean forced = lanesForTests;
    return LANES > 1 && (forced == null || forced);
  }

  /** Tests only: false forces the scalar loops, null (or true) uses lanes where available. */
  static volatile Boolean lanesForTests;

  /** Tests only: true or false forces the stencil passes on or off, null lets the size decide. */
  static volatile Boolean passesForTests;

  /** Sites per chunk of the stencil passes: one block (see {@link #stencilChunk}). */
  private static final int CHUNK = Parallel.BLOCK;

  /**
   * Per-thread buffers of one chunk of the stencil passes: the diagonal, the real and imaginary
   * parts of out, and the offsets and weights of the transverse neighbour rows of each row.
   */
  private static final class ChunkBuffers {
    final double[] diagonal = new double[CHUNK];
    final double[] re = new double[CHUNK];
    final double[] im = new double[CHUNK];
    final int[] offset = new int[4 * (CHUNK + 2)];
    final double[] weight = new double[4 * (CHUNK + 2)];
  }

  private static final ThreadLocal<ChunkBuffers> CHUNK_BUFFERS =
      ThreadLocal.withInitial(ChunkBuffers::new);

  /**
   * The vectors and coefficients of one call of the fused kernel over one block: {@code out = d x +
   * hopping terms [+ gamma p]}, {@code [acc += c out]}, with {@code d = d0 + alpha v}.
   */
  private final class Sweep {
    final double[] xr;
    final double[] xi;
    final double[] pr;
    final double[] pi;
    final double[] or;
    final double[] oi;
    final double[] ar;
    final double[] ai;
    final double[] v = potential;
    final double alpha;
    final double d0;
    final double gamma;
    final double cRe;
    final double cIm;
    // Up to two transverse axes (d <= 3) give four neighbour rows; a missing neighbour (open
    // boundary) gets offset 0 and weight 0 so that the inner loops stay free of branches.
    final int[] offset = new int[4];
    final double[] weight = new double[4];

    Sweep(
        double[] xr,
        double[] xi,
        double alpha,
        double beta,
        double gamma,
        double[] pr,
        double[] pi,
        double[] or,
        double[] oi,
        double[] ar,
        double[] ai,
        double cRe,
        double cIm) {
      this.xr = xr;
      this.xi = xi;
      this.pr = pr;
      this.pi = pi;
      this.or = or;
      this.oi = oi;
      this.ar = ar;
      this.ai = ai;
      this.alpha = alpha;
      this.d0 = alpha * shift + beta;
      this.gamma = gamma;
      this.cRe = cRe;
      this.cIm = cIm;
    }
  }

  private void diagonalOnly(Sweep s, int from, int to) {
    final double[] xr = s.xr;
    final double[] xi = s.xi;
    final double[] pr = s.pr;
    final double[] pi = s.pi;
    final double[] or = s.or;
    final double[] oi = s.oi;
    final double[] ar = s.ar;
    final double[] ai = s.ai;
    final double[] v = s.v;
    final double d0 = s.d0;
    final double alpha = s.alpha;
    final double gamma = s.gamma;
    for (int i = from; i < to; i++) {
      double d = v == null ? d0 : d0 + alpha * v[i];
      double r = d * xr[i];
      double m = d * xi[i];
      if (pr != null) {
        r += gamma * pr[i];
        m += gamma * pi[i];
      }
      or[i] = r;
      oi[i] = m;
      if (ar != null) {
        ar[i] += s.cRe * r - s.cIm * m;
        ai[i] += s.cRe * m + s.cIm * r;
      }
    }
  }

  /** Sites {@code [from, to)} of one row along the last axis, in one loop over the vectors. */
  private void stencilRow(Sweep s, int row, int from, int to) {
    final int dim = sides.length;
    final int len = sides[dim - 1];
    final double tLast = s.alpha * axisHopping[dim - 1];
    final boolean wrapLast = periodic[dim - 1] && len > 1;
    final int rowBase = row * len;
    int slots = transverseNeighbours(row, s.alpha, s.offset, s.weight, 0);
    // The two ends of a row need the boundary rule along the last axis; the interior does not.
    int interiorFrom = Math.max(from, rowBase + 1);
    int interiorTo = Math.min(to, rowBase + len - 1);
    if (from == rowBase) {
      rowEndInPlace(s, from, rowBase, len, tLast, wrapLast, slots);
    }
    if (interiorFrom < interiorTo && useLanes()) {
      interiorFrom =
          StencilLanes.rowInterior(
              s.xr,
              s.xi,
              s.v,
              s.d0,
              s.alpha,
              tLast,
              slots,
              s.offset,
              s.weight,
              s.pr,
              s.pi,
              s.gamma,
              s.or,
              s.oi,
              interiorFrom,
              interiorTo);
    }
    if (interiorFrom < interiorTo) {
      rowInterior(s, tLast, slots, interiorFrom, interiorTo);
    }
    int last = rowBase + len - 1;
    if (len > 1 && last < to) {
      rowEndInPlace(s, last, rowBase, len, tLast, wrapLast, slots);
    }
  }

  /**
   * The last row, at most {@code maxRow}, of the run of rows from {@code row} that share their
   * transverse neighbour offsets and weights: the rows whose coordinate along the axis before the
   * last lies strictly inside the box, with the same coordinates along the axes before it. {@code
   * row} itself when it starts no run.
   */
  private int lastRowOfRun(int row, int maxRow) {
    final int side = sides[sides.length - 2];
    final int coordinate = row % side;
    if (coordinate == 0 || coordinate >= side - 1) {
      return row;
    }
    return Math.min(maxRow, row + (side - 2 - coordinate));
  }

  /**
   * Sites {@code [from, to)} of rows {@code firstRow..lastRow} of one run ({@link #lastRowOfRun})
   * for {@code out = H x} (no p): one sweep in SIMD lanes over the interiors of all the rows as if
   * they were one row, which costs no call and no scalar remainder per row, then the two ends of
   * each row again by the boundary rule, over the sums the sweep made there with the neighbouring
   * row's sites. Out is no input, so each end gets the bits of {@link #stencilRow}.
   */
  private void stencilRun(Sweep s, int firstRow, int lastRow, int from, int to) {
    final int dim = sides.length;
    final int len = sides[dim - 1];
    final double tLast = s.alpha * axisHopping[dim - 1];
    final boolean wrapLast = periodic[dim - 1] && len > 1;
    final int slots = transverseNeighbours(firstRow, s.alpha, s.offset, s.weight, 0);
    final int start = Math.max(from, firstRow * len + 1);
    final int end = Math.min(to, lastRow * len + len - 1);
    int done =
        StencilLanes.rowInterior(
            s.xr, s.xi, s.v, s.d0, s.alpha, tLast, slots, s.offset, s.weight, null, null, 0, s.or,
            s.oi, start, end);
    if (done < end) {
      rowInterior(s, tLast, slots, done, end);
    }
    for (int row = firstRow; row <= lastRow; row++) {
      int rowBase = row * len;
      if (rowBase >= from) {
        rowEndInPlace(s, rowBase, rowBase, len, tLast, wrapLast, slots);
      }
      int last = rowBase + len - 1;
      if (last < to) {
        rowEndInPlace(s, last, rowBase, len, tLast, wrapLast, slots);
      }
    }
  }

  /** One site at either end of a row: neighbours along the last axis by the boundary rule. */
  private static void rowEndInPlace(
      Sweep s, int i, int rowBase, int len, double tLast, boolean wrap, int slots) {
    final double[] xr = s.xr;
    final double[] xi = s.xi;
    int j = i - rowBase;
    int l = j > 0 ? i - 1 : (wrap ? rowBase + len - 1 : -1);
    int r = j < len - 1 ? i + 1 : (wrap ? rowBase : -1);
    double d = s.v == null ? s.d0 : s.d0 + s.alpha * s.v[i];
    double sr = d * xr[i];
    double si = d * xi[i];
    if (s.pr != null) {
      sr += s.gamma * s.pr[i];
      si += s.gamma * s.pi[i];
    }
    if (l >= 0 && l != i) {
      sr += tLast * xr[l];
      si += tLast * xi[l];
    }
    if (r >= 0 && r != i) {
      sr += tLast * xr[r];
      si += tLast * xi[r];
    }
    for (int k = 0; k < slots; k++) {
      sr += s.weight[k] * xr[i + s.offset[k]];
      si += s.weight[k] * xi[i + s.offset[k]];
    }
    s.or[i] = sr;
    s.oi[i] = si;
  }

  // The one-loop interiors come in two variants each, out = H x (no p, so x is read once and no
  // flops are spent on a zero weight) and out = H x + gamma p, each with and without a site
  // potential. The sums run in the same order in all variants and in the passes below.

  /** The scalar interior loop for 0, 2 or 4 transverse neighbour rows. */
  private static void rowInterior(Sweep s, double t, int slots, int from, int to) {
    if (slots == 0) {
      rowInterior0(s, t, from, to);
    } else if (slots == 2) {
      rowInterior2(s, t, from, to);
    } else {
      rowInterior4(s, t, from, to);
    }
  }

  private static void rowInterior0(Sweep s, double t, int from, int to) {
    final double[] xr = s.xr;
    final double[] xi = s.xi;
    final double[] pr = s.pr;
    final double[] pi = s.pi;
    final double[] or = s.or;
    final double[] oi = s.oi;
    final double[] v = s.v;
    final double d0 = s.d0;
    final double alpha = s.alpha;
    final double gamma = s.gamma;
    if (pr == null) {
      if (v == null) {
        for (int i = from; i < to; i++) {
          or[i] = d0 * xr[i] + t * (xr[i - 1] + xr[i + 1]);
          oi[i] = d0 * xi[i] + t * (xi[i - 1] + xi[i + 1]);
        }
      } else {
        for (int i = from; i < to; i++) {
          double d = d0 + alpha * v[i];
          or[i] = d * xr[i] + t * (xr[i - 1] + xr[i + 1]);
          oi[i] = d * xi[i] + t * (xi[i - 1] + xi[i + 1]);
        }
      }
    } else {
      if (v == null) {
        for (int i = from; i < to; i++) {
          or[i] = d0 * xr[i] + t * (xr[i - 1] + xr[i + 1]) + gamma * pr[i];
          oi[i] = d0 * xi[i] + t * (xi[i - 1] + xi[i + 1]) + gamma * pi[i];
        }
      } else {
        for (int i = from; i < to; i++) {
          double d = d0 + alpha * v[i];
          or[i] = d * xr[i] + t * (xr[i - 1] + xr[i + 1]) + gamma * pr[i];
          oi[i] = d * xi[i] + t * (xi[i - 1] + xi[i + 1]) + gamma * pi[i];
        }
      }
    }
  }

  private static void rowInterior2(Sweep s, double t, int from, int to) {
    final double[] xr = s.xr;
    final double[] xi = s.xi;
    final double[] pr = s.pr;
    final double[] pi = s.pi;
    final double[] or = s.or;
    final double[] oi = s.oi;
    final double[] v = s.v;
    final double d0 = s.d0;
    final double alpha = s.alpha;
    final double gamma = s.gamma;
    final int o0 = s.offset[0];
    final int o1 = s.offset[1];
    final double w0 = s.weight[0];
    final double w1 = s.weight[1];
    if (pr == null) {
      if (v == null) {
        for (int i = from; i < to; i++) {
          or[i] = d0 * xr[i] + t * (xr[i - 1] + xr[i + 1]) + w0 * xr[i + o0] + w1 * xr[i + o1];
          oi[i] = d0 * xi[i] + t * (xi[i - 1] + xi[i + 1]) + w0 * xi[i + o0] + w1 * xi[i + o1];
        }
      } else {
        for (int i = from; i < to; i++) {
          double d = d0 + alpha * v[i];
          or[i] = d * xr[i] + t * (xr[i - 1] + xr[i + 1]) + w0 * xr[i + o0] + w1 * xr[i + o1];
          oi[i] = d * xi[i] + t * (xi[i - 1] + xi[i + 1]) + w0 * xi[i + o0] + w1 * xi[i + o1];
        }
      }
    } else {
      if (v == null) {
        for (int i = from; i < to; i++) {
          or[i] =
              d0 * xr[i]
                  + t * (xr[i - 1] + xr[i + 1])
                  + w0 * xr[i + o0]
                  + w1 * xr[i + o1]
                  + gamma * pr[i];
          oi[i] =
              d0 * xi[i]
                  + t * (xi[i - 1] + xi[i + 1])
                  + w0 * xi[i + o0]
                  + w1 * xi[i + o1]
                  + gamma * pi[i];
        }
      } else {
        for (int i = from; i < to; i++) {
          double d = d0 + alpha * v[i];
          or[i] =
              d * xr[i]
                  + t * (xr[i - 1] + xr[i + 1])
                  + w0 * xr[i + o0]
                  + w1 * xr[i + o1]
                  + gamma * pr[i];
          oi[i] =
              d * xi[i]
                  + t * (xi[i - 1] + xi[i + 1])
                  + w0 * xi[i + o0]
                  + w1 * xi[i + o1]
                  + gamma * pi[i];
        }
      }
    }
  }

  private static void rowInterior4(Sweep s, double t, int from, int to) {
    final double[] xr = s.xr;
    final double[] xi = s.xi;
    final double[] pr = s.pr;
    final double[] pi = s.pi;
    final double[] or = s.or;
    final double[] oi = s.oi;
    final double[] v = s.v;
    final double d0 = s.d0;
    final double alpha = s.alpha;
    final double gamma = s.gamma;
    final int o0 = s.offset[0];
    final int o1 = s.offset[1];
    final int o2 = s.offset[2];
    final int o3 = s.offset[3];
    final double w0 = s.weight[0];
    final double w1 = s.weight[1];
    final double w2 = s.weight[2];
    final double w3 = s.weight[3];
    if (pr == null) {
      if (v == null) {
        for (int i = from; i < to; i++) {
          or[i] =
              d0 * xr[i]
                  + t * (xr[i - 1] + xr[i + 1])
                  + w0 * xr[i + o0]
                  + w1 * xr[i + o1]
                  + w2 * xr[i + o2]
                  + w3 * xr[i + o3];
          oi[i] =
              d0 * xi[i]
                  + t * (xi[i - 1] + xi[i + 1])
                  + w0 * xi[i + o0]
                  + w1 * xi[i + o1]
                  + w2 * xi[i + o2]
                  + w3 * xi[i + o3];
        }
      } else {
        for (int i = from; i < to; i++) {
          double d = d0 + alpha * v[i];
          or[i] =
              d * xr[i]
                  + t * (xr[i - 1] + xr[i + 1])
                  + w0 * xr[i + o0]
                  + w1 * xr[i + o1]
                  + w2 * xr[i + o2]
                  + w3 * xr[i + o3];
          oi[i] =
              d * xi[i]
                  + t * (xi[i - 1] + xi[i + 1])
                  + w0 * xi[i + o0]
                  + w1 * xi[i + o1]
                  + w2 * xi[i + o2]
                  + w3 * xi[i + o3];
        }
      }
    } else {
      if (v == null) {
        for (int i = from; i < to; i++) {
          or[i] =
              d0 * xr[i]
                  + t * (xr[i - 1] + xr[i + 1])
                  + w0 * xr[i + o0]
                  + w1 * xr[i + o1]
                  + w2 * xr[i + o2]
                  + w3 * xr[i + o3]
                  + gamma * pr[i];
          oi[i] =
              d0 * xi[i]
                  + t * (xi[i - 1] + xi[i + 1])
                  + w0 * xi[i + o0]
                  + w1 * xi[i + o1]
                  + w2 * xi[i + o2]
                  + w3 * xi[i + o3]
                  + gamma * pi[i];
        }
      } else {
        for (int i = from; i < to; i++) {
          double d = d0 + alpha * v[i];
          or[i] =
              d * xr[i]
                  + t * (xr[i - 1] + xr[i + 1])
                  + w0 * xr[i + o0]
                  + w1 * xr[i + o1]
                  + w2 * xr[i + o2]
                  + w3 * xr[i + o3]
                  + gamma * pr[i];
          oi[i] =
              d * xi[i]
                  + t * (xi[i - 1] + xi[i + 1])
                  + w0 * xi[i + o0]
                  + w1 * xi[i + o1]
                  + w2 * xi[i + o2]
                  + w3 * xi[i + o3]
                  + gamma * pi[i];
        }
      }
    }
  }

  /**
   * Sites {@code [from, to)} (at most {@link #CHUNK}, rows cut at both ends) in passes that each
   * read one of the large vectors besides the chunk buffers: the diagonal from v; the real part of
   * out from the real part of x and the imaginary part from the imaginary part (row interiors, and
   * d x at the row ends); gamma p; the neighbours of the row ends by the boundary rule; the copy to
   * out; the accumulation into the real and imaginary parts of acc.
   *
   * <p>Why passes: vectors of equal length often lie a power of two apart in memory (2^27 bytes for
   * 2^24 sites), and a loop that walks two such vectors at once runs several times slower, since
   * the level-1 cache cannot hold lines of both that agree in their low address bits. The chunk
   * buffers stay in the caches. Every sum runs in the order of the one-loop form: {@code d x_i + t
   * (x_{i-1} + x_{i+1}) + w_0 x_{i+o_0} + ... + gamma p_i} in the interior, {@code d x_i + gamma
   * p_i + t x_l + t x_r + w_0 x_{i+o_0} + ...} at the row ends, so both forms give the same bits.
   */
  private void stencilChunk(Sweep s, int from, int to) {
    final int dim = sides.length;
    final int len = sides[dim - 1];
    final double tLast = s.alpha * axisHopping[dim - 1];
    final boolean wrapLast = periodic[dim - 1] && len > 1;
    final ChunkBuffers b = CHUNK_BUFFERS.get();
    final int firstRow = from / len;
    final int rows = (to - 1) / len - firstRow + 1;
    int slots = 0;
    for (int r = 0; r < rows; r++) {
      slots = transverseNeighbours(firstRow + r, s.alpha, b.offset, b.weight, 4 * r);
    }
    final int m = to - from;
    final boolean withPotential = s.v != null;
    if (withPotential) {
      diagonalChunk(s.v, s.d0, s.alpha, b.diagonal, from, m);
    }
    final double[] d = withPotential ? b.diagonal : null;
    interiors(s.xr, d, s.d0, tLast, slots, b.offset, b.weight, b.re, from, to, firstRow, rows, len);
    interiors(s.xi, d, s.d0, tLast, slots, b.offset, b.weight, b.im, from, to, firstRow, rows, len);
    rowEndDiagonal(s.xr, d, s.d0, b.re, from, to, firstRow, rows, len);
    rowEndDiagonal(s.xi, d, s.d0, b.im, from, to, firstRow, rows, len);
    if (s.pr != null) {
      addScaled(s.gamma, s.pr, b.re, from, m);
      addScaled(s.gamma, s.pi, b.im, from, m);
    }
    // The two ends of each row, by the boundary rule along the last axis, in the order of that
    // rule: d x (above, before gamma p), then the neighbours.
    rowEndNeighbours(
        s.xr, tLast, wrapLast, slots, b.offset, b.weight, b.re, from, to, firstRow, rows, len);
    rowEndNeighbours(
        s.xi, tLast, wrapLast, slots, b.offset, b.weight, b.im, from, to, firstRow, rows, len);
    System.arraycopy(b.re, 0, s.or, from, m);
    System.arraycopy(b.im, 0, s.oi, from, m);
    if (s.ar != null) {
      // acc += c out, as (cRe re - cIm im) + i (cRe im + cIm re)
      accumulate(s.ar, s.cRe, b.re, -s.cIm, b.im, from, m);
      accumulate(s.ai, s.cRe, b.im, s.cIm, b.re, from, m);
    }
  }

  /** {@code acc[from + j] += a u[j] + b w[j]} for j in [0, m). */
  private static void accumulate(
      double[] acc, double a, double[] u, double b, double[] w, int from, int m) {
    for (int j = 0; j < m; j++) {
      acc[from + j] += a * u[j] + b * w[j];
    }
  }

  /** {@code d[j] = d0 + alpha v[from + j]} for j in [0, m). */
  private static void diagonalChunk(
      double[] v, double d0, double alpha, double[] d, int from, int m) {
    for (int j = 0; j < m; j++) {
      d[j] = d0 + alpha * v[from + j];
    }
  }

  /** {@code out[i - from] = d x_i} at the two ends of each row of the chunk. */
  private static void rowEndDiagonal(
      double[] x,
      double[] d,
      double d0,
      double[] out,
      int from,
      int to,
      int firstRow,
      int rows,
      int len) {
    for (int r = 0; r < rows; r++) {
      int rowBase = (firstRow + r) * len;
      if (rowBase >= from) {
        out[rowBase - from] = (d == null ? d0 : d[rowBase - from]) * x[rowBase];
      }
      int last = rowBase + len - 1;
      if (len > 1 && last < to && last >= from) {
        out[last - from] = (d == null ? d0 : d[last - from]) * x[last];
      }
    }
  }

  /**
   * Adds the neighbours of the two ends of each row of the chunk to {@code out[i - from]}: along
   * the last axis by the boundary rule (a missing or coinciding neighbour is left out), then the
   * transverse rows.
   */
  private static void rowEndNeighbours(
      double[] x,
      double tLast,
      boolean wrap,
      int slots,
      int[] offset,
      double[] weight,
      double[] out,
      int from,
      int to,
      int firstRow,
      int rows,
      int len) {
    for (int r = 0; r < rows; r++) {
      int rowBase = (firstRow + r) * len;
      if (rowBase >= from) {
        rowEndNeighbours(
            x, rowBase, rowBase, len, tLast, wrap, slots, offset, weight, 4 * r, out, from);
      }
      int last = rowBase + len - 1;
      if (len > 1 && last < to && last >= from) {
        rowEndNeighbours(
            x, last, rowBase, len, tLast, wrap, slots, offset, weight, 4 * r, out, from);
      }
    }
  }

  private static void rowEndNeighbours(
      double[] x,
      int i,
      int rowBase,
      int len,
      double tLast,
      boolean wrap,
      int slots,
      int[] offset,
      double[] weight,
      int slot0,
      double[] out,
      int from) {
    int j = i - rowBase;
    int l = j > 0 ? i - 1 : (wrap ? rowBase + len - 1 : -1);
    int r = j < len - 1 ? i + 1 : (wrap ? rowBase : -1);
    double sum = out[i - from];
    if (l >= 0 && l != i) {
      sum += tLast * x[l];
    }
    if (r >= 0 && r != i) {
      sum += tLast * x[r];
    }
    for (int k = 0; k < slots; k++) {
      sum += weight[slot0 + k] * x[i + offset[slot0 + k]];
    }
    out[i - from] = sum;
  }

  /**
   * The interior of every row of the chunk {@code [from, to)} for one part (real or imaginary) of
   * x, into {@code out[i - from]}; d null means the constant diagonal d0. Row ends are left out.
   */
  private static void interiors(
      double[] x,
      double[] d,
      double d0,
      double t,
      int slots,
      int[] offset,
      double[] weight,
      double[] out,
      int from,
      int to,
      int firstRow,
      int rows,
      int len) {
    for (int r = 0; r < rows; r++) {
      int rowBase = (firstRow + r) * len;
      int a = Math.max(from, rowBase + 1);
      int e = Math.min(to, rowBase + len - 1);
      if (a < e && useLanes()) {
        a = StencilLanes.chunkInterior(x, d, d0, t, slots, offset, weight, 4 * r, out, from, a, e);
      }
      if (a >= e) {
        continue;
      }
      if (slots == 0) {
        chunkInterior0(x, d, d0, t, out, from, a, e);
      } else if (slots == 2) {
        chunkInterior2(x, d, d0, t, offset, weight, 4 * r, out, from, a, e);
      } else {
        chunkInterior4(x, d, d0, t, offset, weight, 4 * r, out, from, a, e);
      }
    }
  }

  /** {@code out[i - base] = d x_i + t (x_{i-1} + x_{i+1})} for i in [a, e). */
  private static void chunkInterior0(
      double[] x, double[] d, double d0, double t, double[] out, int base, int a, int e) {
    if (d == null) {
      for (int i = a; i < e; i++) {
        out[i - base] = d0 * x[i] + t * (x[i - 1] + x[i + 1]);
      }
    } else {
      for (int i = a; i < e; i++) {
        out[i - base] = d[i - base] * x[i] + t * (x[i - 1] + x[i + 1]);
      }
    }
  }

  private static void chunkInterior2(
      double[] x,
      double[] d,
      double d0,
      double t,
      int[] offset,
      double[] weight,
      int slot0,
      double[] out,
      int base,
      int a,
      int e) {
    final int o0 = offset[slot0];
    final int o1 = offset[slot0 + 1];
    final double w0 = weight[slot0];
    final double w1 = weight[slot0 + 1];
    if (d == null) {
      for (int i = a; i < e; i++) {
        out[i - base] = d0 * x[i] + t * (x[i - 1] + x[i + 1]) + w0 * x[i + o0] + w1 * x[i + o1];
      }
    } else {
      for (int i = a; i < e; i++) {
        out[i - base] =
            d[i - base] * x[i] + t * (x[i - 1] + x[i + 1]) + w0 * x[i + o0] + w1 * x[i + o1];
      }
    }
  }

  private static void chunkInterior4(
      double[] x,
      double[] d,
      double d0,
      double t,
      int[] offset,
      double[] weight,
      int slot0,
      double[] out,
      int base,
      int a,
      int e) {
    final int o0 = offset[slot0];
    final int o1 = offset[slot0 + 1];
    final int o2 = offset[slot0 + 2];
    final int o3 = offset[slot0 + 3];
    final double w0 = weight[slot0];
    final double w1 = weight[slot0 + 1];
    final double w2 = weight[slot0 + 2];
    final double w3 = weight[slot0 + 3];
    if (d == null) {
      for (int i = a; i < e; i++) {
        out[i - base] =
            d0 * x[i]
                + t * (x[i - 1] + x[i + 1])
                + w0 * x[i + o0]
                + w1 * x[i + o1]
                + w2 * x[i + o2]
                + w3 * x[i + o3];
      }
    } else {
      for (int i = a; i < e; i++) {
        out[i - base] =
            d[i - base] * x[i]
                + t * (x[i - 1] + x[i + 1])
                + w0 * x[i + o0]
                + w1 * x[i + o1]
                + w2 * x[i + o2]
                + w3 * x[i + o3];
      }
    }
  }

  /** {@code out[j] += gamma p[from + j]} for j in [0, m). */
  private static void addScaled(double gamma, double[] p, double[] out, int from, int m) {
    for (int j = 0; j < m; j++) {
      out[j] += gamma * p[from + j];
    }
  }

  /**
   * Offsets and weights of the neighbour rows of {@code row} along the axes before the last.
   * Missing neighbours (open faces) are left out.
   *
   * @return the number of neighbour rows filled in (0, 2 or 4; an open face counts as present with
   *     weight 0, so that the count depends only on the dimension)
   */
  private int transverseNeighbours(
      int row, double alpha, int[] offset, double[] weight, int slot0) {
    Arrays.fill(offset, slot0, slot0 + 4, 0);
    Arrays.fill(weight, slot0, slot0 + 4, 0);
    final int dim = sides.length;
    final int len = sides[dim - 1];
    int rest = row;
    int stride = len;
    int slot = 0;
    for (int a = dim - 2; a >= 0; a--) {
      int side = sides[a];
      int coordinate = rest % side;
      rest /= side;
      double t = alpha * axisHopping[a];
      if (side > 1 && t != 0) {
        if (coordinate + 1 < side) {
          offset[slot0 + slot] = stride;
          weight[slot0 + slot] = t;
        } else if (periodic[a]) {
          offset[slot0 + slot] = -(side - 1) * stride;
          weight[slot0 + slot] = t;
        }
        slot++;
        if (coordinate > 0) {
          offset[slot0 + slot] = -stride;
          weight[slot0 + slot] = t;
        } else if (periodic[a]) {
          offset[slot0 + slot] = (side - 1) * stride;
          weight[slot0 + slot] = t;
        }
        slot++;
      }
      stride *= side;
    }
    return slot;
  }

  private void adjacencyRows(
      double[] xr, double[] xi, double t, double[] or, double[] oi, int from, int to) {
    for (int i = from; i < to; i++) {
      double sr = 0;
      double si = 0;
      for (int k = adjacencyStart[i]; k < adjacencyStart[i + 1]; k++) {
        int j = adjacencyTarget[k];
        sr += xr[j];
        si += xi[j];
      }
      or[i] += t * sr;
      oi[i] += t * si;
    }
  }

  private void complexRows(
      double[] xr, double[] xi, double alpha, double[] or, double[] oi, int from, int to) {
    for (int i = from; i < to; i++) {
      double sr = 0;
      double si = 0;
      for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
        int j = column[k];
        double vr = valueRe[k];
        double vi = valueIm[k];
        sr += vr * xr[j] - vi * xi[j];
        si += vr * xi[j] + vi * xr[j];
      }
      or[i] += alpha * sr;
      oi[i] += alpha * si;
    }
  }

  private static double[] addNullable(double[] a, double[] b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    double[] sum = new double[a.length];
    for (int i = 0; i < sum.length; i++) {
      sum[i] = a[i] + b[i];
    }
    return sum;
  }

  private static double[] scaled(double[] a, double factor) {
    if (a == null) {
      return null;
    }
    double[] s = new double[a.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = a[i] * factor;
    }
    return s;
  }

  private static int[] mergeRows(
      SparseOperator a, SparseOperator b, int[][] columnsOut, double[][] valuesOut) {
    int n = a.size;
    int[] start = new int[n + 1];
    int total = a.column.length + b.column.length;
    int[] col = new int[total];
    double[] re = new double[total];
    double[] im = new double[total];
    int k = 0;
    for (int i = 0; i < n; i++) {
      start[i] = k;
      for (SparseOperator op : new SparseOperator[] {a, b}) {
        for (int q = op.rowStart[i]; q < op.rowStart[i + 1]; q++) {
          col[k] = op.column[q];
          re[k] = op.valueRe[q];
          im[k] = op.valueIm[q];
          k++;
        }
      }
    }
    start[n] = k;
    columnsOut[0] = col;
    valuesOut[0] = re;
    valuesOut[1] = im;
    return start;
  }
}
