package org.qdiff.numeric;

import java.util.Arrays;

/**
 * Nearest-neighbour hopping on a box whose sites carry an internal space of dimension s (s = 2 for
 * a spin 1/2), where each hop carries an s x s complex matrix: the lattice form of a gauge field
 * (Peierls phases for s = 1, SU(2) links for spin-orbit coupling).
 *
 * <p>Vectors are indexed {@code i = cell * s + sigma} (the internal index runs fastest); cells are
 * numbered row-major on the box, as in {@link SparseOperator}. The link {@code U_a(x)} of the bond
 * from cell x to its neighbour {@code x + e_a} gives the matrix elements
 *
 * <pre>
 *   &lt;x + e_a, sigma| H |x, tau&gt; = U_a(x)[sigma][tau],   &lt;x, tau| H |x + e_a, sigma&gt; = conj(U_a(x)[sigma][tau])
 * </pre>
 *
 * so H is self-adjoint for any links. Along a periodic axis the last cell's link closes the ring;
 * along an open axis it is unused (and stored as zero).
 *
 * <p>Per axis, links are stored compactly with no index arrays: either one matrix for every bond
 * (uniform hopping) or one matrix per cell ({@code cells * s * s} entries, row-major per matrix).
 * Immutable (arrays are owned, never exposed) and thread-safe.
 */
public final class LinkStencil {

  private final int[] sides;
  private final boolean[] periodic;
  private final int internal;
  private final int cells;
  private final int[] cellStride;
  // Per axis: null (no hopping), s*s entries (uniform) or cells*s*s entries (one matrix per cell).
  private final double[][] linkRe;
  private final double[][] linkIm;
  // Per axis: 0 for a uniform link, s*s for per-cell links; the link of cell c starts at c * step.
  private final int[] linkStep;

  private LinkStencil(
      int[] sides, boolean[] periodic, int internal, double[][] linkRe, double[][] linkIm) {
    this.sides = sides;
    this.periodic = periodic;
    this.internal = internal;
    int n = 1;
    for (int side : sides) {
      n = Math.multiplyExact(n, side);
    }
    this.cells = n;
    this.cellStride = new int[sides.length];
    int stride = 1;
    for (int a = sides.length - 1; a >= 0; a--) {
      cellStride[a] = stride;
      stride *= sides[a];
    }
    this.linkRe = linkRe;
    this.linkIm = linkIm;
    this.linkStep = new int[sides.length];
    for (int a = 0; a < sides.length; a++) {
      linkStep[a] =
          linkRe[a] != null && linkRe[a].length != internal * internal ? internal * internal : 0;
    }
  }

  /**
   * Links on a box.
   *
   * @param sides side lengths in cells, row-major order (not modified; copied)
   * @param periodic per axis (copied)
   * @param internal the internal dimension s, >= 1
   * @param linkRe per axis: null (no hopping along that axis), {@code s*s} values (the same matrix
   *     on every bond) or {@code cells*s*s} values (the matrix of the bond leaving each cell in the
   *     positive direction); real parts (copied)
   * @param linkIm imaginary parts, same shapes as {@code linkRe} (copied)
   * @throws IllegalArgumentException if the shapes do not fit
   */
  public static LinkStencil of(
      int[] sides, boolean[] periodic, int internal, double[][] linkRe, double[][] linkIm) {
    String where = "LinkStencil.of";
    Check.notNull(where, "sides", sides);
    Check.notNull(where, "periodic", periodic);
    Check.notNull(where, "linkRe", linkRe);
    Check.notNull(where, "linkIm", linkIm);
    Check.atLeast(where, "internal", internal, 1);
    int d = sides.length;
    if (periodic.length != d || linkRe.length != d || linkIm.length != d) {
      throw new IllegalArgumentException(
          where + ": sides, periodic, linkRe and linkIm must have one entry per axis (" + d + ")");
    }
    long n = 1;
    for (int side : sides) {
      n *= Check.atLeast(where, "side", side, 1);
    }
    int ss = internal * internal;
    double[][] re = new double[d][];
    double[][] im = new double[d][];
    for (int a = 0; a < d; a++) {
      if ((linkRe[a] == null) != (linkIm[a] == null)) {
        throw new IllegalArgumentException(
            where + ": linkRe[" + a + "] and linkIm[" + a + "] must both be null or both be set");
      }
      if (linkRe[a] == null) {
        continue;
      }
      int len = linkRe[a].length;
      if (linkIm[a].length != len || (len != ss && len != n * ss)) {
        throw new IllegalArgumentException(
            where
                + ": links along axis "
                + a
                + " must have s*s = "
                + ss
                + " or cells*s*s = "
                + n * ss
                + " entries, got "
                + len
                + " and "
                + linkIm[a].length);
      }
      re[a] = linkRe[a].clone();
      im[a] = linkIm[a].clone();
      if (len != ss && !periodic[a]) {
        zeroLastLayer(sides, a, ss, re[a], im[a]);
      }
    }
    return new LinkStencil(sides.clone(), periodic.clone(), internal, re, im);
  }

  /** Along an open axis the bonds leaving the last layer do not exist: their links are zero. */
  private static void zeroLastLayer(int[] sides, int axis, int ss, double[] re, double[] im) {
    int stride = 1;
    for (int a = sides.length - 1; a > axis; a--) {
      stride *= sides[a];
    }
    int cells = re.length / ss;
    for (int c = 0; c < cells; c++) {
      if ((c / stride) % sides[axis] == sides[axis] - 1) {
        Arrays.fill(re, c * ss, (c + 1) * ss, 0.0);
        Arrays.fill(im, c * ss, (c + 1) * ss, 0.0);
      }
    }
  }

  /** The internal dimension s. */
  public int internalStates() {
    return internal;
  }

  /** Number of cells of the box. */
  public int cells() {
    return cells;
  }

  /** Vector length: cells times s. */
  public int size() {
    return cells * internal;
  }

  /** True if the links act on a box of these sides, boundaries and internal dimension. */
  public boolean sameGeometry(int[] otherSides, boolean[] otherPeriodic, int otherInternal) {
    return internal == otherInternal
        && Arrays.equals(sides, otherSides)
        && Arrays.equals(periodic, otherPeriodic);
  }

  /** True if some link has a non-zero imaginary part. */
  public boolean hasImaginaryPart() {
    for (double[] im : linkIm) {
      if (im != null) {
        for (double v : im) {
          if (v != 0) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Number of non-zero off-diagonal matrix elements (each bond counted in both orientations). */
  public long offDiagonalCount() {
    long count = 0;
    int ss = internal * internal;
    for (int a = 0; a < sides.length; a++) {
      if (linkRe[a] == null || sides[a] == 1) {
        continue;
      }
      if (linkStep[a] == 0) {
        long bonds = (long) cells / sides[a] * (periodic[a] ? sides[a] : sides[a] - 1);
        count += 2 * bonds * nonZero(linkRe[a], linkIm[a], 0, ss);
      } else {
        count += 2L * nonZero(linkRe[a], linkIm[a], 0, linkRe[a].length);
      }
    }
    return count;
  }

  private static long nonZero(double[] re, double[] im, int from, int to) {
    long k = 0;
    for (int i = from; i < to; i++) {
      if (re[i] != 0 || im[i] != 0) {
        k++;
      }
    }
    return k;
  }

  /**
   * A bound on the spectral norm of the hopping: {@code sum_a 2 max_x ||U_a(x)||}, with the
   * operator 2-norm of each link (exact for s <= 2, bounded by {@code sqrt(||U||_1 ||U||_inf)}
   * above). Adding it to the Gershgorin radius of the other parts of an operator keeps the bounds
   * valid (Weyl's inequality).
   */
  public double normBound() {
    int ss = internal * internal;
    double bound = 0;
    for (int a = 0; a < sides.length; a++) {
      if (linkRe[a] == null || sides[a] == 1) {
        continue;
      }
      double max = 0;
      for (int k = 0; k < linkRe[a].length; k += ss) {
        max = Math.max(max, matrixNorm(linkRe[a], linkIm[a], k, internal));
      }
      bound += 2 * max;
    }
    return bound;
  }

  /** The operator 2-norm of the s x s matrix starting at {@code k} (an upper bound for s > 2). */
  static double matrixNorm(double[] re, double[] im, int k, int s) {
    if (s == 1) {
      return Math.hypot(re[k], im[k]);
    }
    if (s == 2) {
      // Singular values: s1^2 + s2^2 = |U|_F^2 and s1 s2 = |det U|.
      double f = 0;
      for (int q = 0; q < 4; q++) {
        f += re[k + q] * re[k + q] + im[k + q] * im[k + q];
      }
      double detRe =
          re[k] * re[k + 3] - im[k] * im[k + 3] - (re[k + 1] * re[k + 2] - im[k + 1] * im[k + 2]);
      double detIm =
          re[k] * im[k + 3] + im[k] * re[k + 3] - (re[k + 1] * im[k + 2] + im[k + 1] * re[k + 2]);
      double det2 = detRe * detRe + detIm * detIm;
      double disc = Math.max(0, f * f - 4 * det2);
      return Math.sqrt(0.5 * (f + Math.sqrt(disc)));
    }
    double maxRow = 0;
    double maxColumn = 0;
    double frobenius = 0;
    for (int i = 0; i < s; i++) {
      double row = 0;
      double column = 0;
      for (int j = 0; j < s; j++) {
        row += Math.hypot(re[k + i * s + j], im[k + i * s + j]);
        column += Math.hypot(re[k + j * s + i], im[k + j * s + i]);
        frobenius += re[k + i * s + j] * re[k + i * s + j] + im[k + i * s + j] * im[k + i * s + j];
      }
      maxRow = Math.max(maxRow, row);
      maxColumn = Math.max(maxColumn, column);
    }
    return Math.min(Math.sqrt(frobenius), Math.sqrt(maxRow * maxColumn));
  }

  /**
   * The sum of two link fields on the same box.
   *
   * @throws IllegalArgumentException if the geometries differ
   */
  public LinkStencil plus(LinkStencil other) {
    if (!other.sameGeometry(sides, periodic, internal)) {
      throw new IllegalArgumentException(
          "LinkStencil.plus: the link fields act on different boxes: "
              + Arrays.toString(sides)
              + " x "
              + internal
              + " and "
              + Arrays.toString(other.sides)
              + " x "
              + other.internal);
    }
    int d = sides.length;
    double[][] re = new double[d][];
    double[][] im = new double[d][];
    for (int a = 0; a < d; a++) {
      if (linkRe[a] == null || other.linkRe[a] == null) {
        re[a] = linkRe[a] != null ? linkRe[a] : other.linkRe[a];
        im[a] = linkRe[a] != null ? linkIm[a] : other.linkIm[a];
        continue;
      }
      int len = Math.max(linkRe[a].length, other.linkRe[a].length);
      re[a] = new double[len];
      im[a] = new double[len];
      addExpanded(linkRe[a], linkIm[a], re[a], im[a]);
      addExpanded(other.linkRe[a], other.linkIm[a], re[a], im[a]);
      if (len != internal * internal && !periodic[a]) {
        zeroLastLayer(sides, a, internal * internal, re[a], im[a]);
      }
    }
    return new LinkStencil(sides, periodic, internal, re, im);
  }

  /** Adds a uniform or per-cell link array into a (possibly longer) per-cell one. */
  private static void addExpanded(double[] re, double[] im, double[] outRe, double[] outIm) {
    for (int k = 0; k < outRe.length; k++) {
      outRe[k] += re[k % re.length];
      outIm[k] += im[k % im.length];
    }
  }

  /** The links multiplied by a real number. */
  public LinkStencil times(double factor) {
    int d = sides.length;
    double[][] re = new double[d][];
    double[][] im = new double[d][];
    for (int a = 0; a < d; a++) {
      if (linkRe[a] != null) {
        re[a] = linkRe[a].clone();
        im[a] = linkIm[a].clone();
        for (int k = 0; k < re[a].length; k++) {
          re[a][k] *= factor;
          im[a][k] *= factor;
        }
      }
    }
    return new LinkStencil(sides, periodic, internal, re, im);
  }

  /**
   * {@code out_i += alpha (L x)_i} for the vector indices i in {@code [from, to)}, where L is the
   * hopping of these links.
   *
   * @param xRe input, not modified; must not alias {@code out}
   * @param xIm input, not modified; must not alias {@code out}
   * @param outRe modified (entries from..to-1)
   * @param outIm modified (entries from..to-1)
   */
  public void addTo(
      double[] xRe, double[] xIm, double alpha, double[] outRe, double[] outIm, int from, int to) {
    final int s = internal;
    if (from >= to) {
      return;
    }
    // Whole cells go through the row passes; a cell cut by the range (only when s does not divide
    // the block size of the caller) is done entry by entry.
    int firstWhole = (from + s - 1) / s;
    int endWhole = to / s;
    if (firstWhole >= endWhole) {
      for (int c = from / s; c * s < to; c++) {
        partialCell(xRe, xIm, alpha, outRe, outIm, c, from, to);
      }
      return;
    }
    if (from < firstWhole * s) {
      partialCell(xRe, xIm, alpha, outRe, outIm, from / s, from, to);
    }
    wholeCells(xRe, xIm, alpha, outRe, outIm, firstWhole, endWhole);
    if (endWhole * s < to) {
      partialCell(xRe, xIm, alpha, outRe, outIm, endWhole, from, to);
    }
  }

  /**
   * Cells {@code [cellFrom, cellTo)}, row by row along the last axis: one tight pass over the row
   * per axis, with the neighbour offsets fixed for the row (the row stays in the first-level cache
   * between passes).
   */
  private void wholeCells(
      double[] xr, double[] xi, double alpha, double[] or, double[] oi, int cellFrom, int cellTo) {
    final int d = sides.length;
    final int last = d - 1;
    final int len = sides[last];
    int c = cellFrom;
    while (c < cellTo) {
      int row = c / len;
      int rowBase = row * len;
      int rowEnd = Math.min(cellTo, rowBase + len);
      for (int a = 0; a < last; a++) {
        int side = sides[a];
        if (linkRe[a] == null || side == 1) {
          continue;
        }
        int stride = cellStride[a];
        int u = (row / (stride / len)) % side;
        boolean hasMinus = u > 0 || periodic[a];
        boolean hasPlus = u < side - 1 || periodic[a];
        int minus = u > 0 ? -stride : (side - 1) * stride;
        int plus = u < side - 1 ? stride : -(side - 1) * stride;
        if (hasMinus) {
          minusPass(a, xr, xi, alpha, or, oi, c, rowEnd, minus);
        }
        if (hasPlus) {
          plusPass(a, xr, xi, alpha, or, oi, c, rowEnd, plus);
        }
      }
      if (linkRe[last] != null && len > 1) {
        boolean wrap = periodic[last];
        // Interior of the row: neighbours at -1 and +1.
        int lo = Math.max(c, rowBase + 1);
        int hi = rowEnd;
        if (lo < hi) {
          minusPass(last, xr, xi, alpha, or, oi, lo, hi, -1);
        }
        if (c == rowBase && wrap) {
          minusPass(last, xr, xi, alpha, or, oi, c, c + 1, len - 1);
        }
        hi = Math.min(rowEnd, rowBase + len - 1);
        if (c < hi) {
          plusPass(last, xr, xi, alpha, or, oi, c, hi, 1);
        }
        if (rowEnd == rowBase + len && wrap) {
          plusPass(last, xr, xi, alpha, or, oi, rowEnd - 1, rowEnd, -(len - 1));
        }
      }
      c = rowEnd;
    }
  }

  /** {@code out(c) += alpha U_a(c + offset) x(c + offset)} for cells c in [from, to). */
  private void minusPass(
      int a,
      double[] xr,
      double[] xi,
      double alpha,
      double[] or,
      double[] oi,
      int from,
      int to,
      int offset) {
    final double[] ur = linkRe[a];
    final double[] ui = linkIm[a];
    final int step = linkStep[a];
    final int s = internal;
    if (s == 1) {
      for (int c = from; c < to; c++) {
        int m = c + offset;
        int k = m * step;
        double vr = alpha * ur[k];
        double vi = alpha * ui[k];
        or[c] += vr * xr[m] - vi * xi[m];
        oi[c] += vr * xi[m] + vi * xr[m];
      }
    } else if (s == 2) {
      for (int c = from; c < to; c++) {
        int m = c + offset;
        int k = m * step;
        int x = 2 * m;
        int o = 2 * c;
        double x0r = xr[x];
        double x0i = xi[x];
        double x1r = xr[x + 1];
        double x1i = xi[x + 1];
        double y0r = ur[k] * x0r - ui[k] * x0i + ur[k + 1] * x1r - ui[k + 1] * x1i;
        double y0i = ur[k] * x0i + ui[k] * x0r + ur[k + 1] * x1i + ui[k + 1] * x1r;
        double y1r = ur[k + 2] * x0r - ui[k + 2] * x0i + ur[k + 3] * x1r - ui[k + 3] * x1i;
        double y1i = ur[k + 2] * x0i + ui[k + 2] * x0r + ur[k + 3] * x1i + ui[k + 3] * x1r;
        or[o] += alpha * y0r;
        oi[o] += alpha * y0i;
        or[o + 1] += alpha * y1r;
        oi[o + 1] += alpha * y1i;
      }
    } else {
      for (int c = from; c < to; c++) {
        int m = c + offset;
        int k = m * step;
        for (int sigma = 0; sigma < s; sigma++) {
          double r = 0;
          double i = 0;
          for (int tau = 0; tau < s; tau++) {
            double vr = ur[k + sigma * s + tau];
            double vi = ui[k + sigma * s + tau];
            r += vr * xr[m * s + tau] - vi * xi[m * s + tau];
            i += vr * xi[m * s + tau] + vi * xr[m * s + tau];
          }
          or[c * s + sigma] += alpha * r;
          oi[c * s + sigma] += alpha * i;
        }
      }
    }
  }

  /** {@code out(c) += alpha U_a(c)^dagger x(c + offset)} for cells c in [from, to). */
  private void plusPass(
      int a,
      double[] xr,
      double[] xi,
      double alpha,
      double[] or,
      double[] oi,
      int from,
      int to,
      int offset) {
    final double[] ur = linkRe[a];
    final double[] ui = linkIm[a];
    final int step = linkStep[a];
    final int s = internal;
    if (s == 1) {
      for (int c = from; c < to; c++) {
        int p = c + offset;
        int k = c * step;
        double vr = alpha * ur[k];
        double vi = alpha * ui[k];
        or[c] += vr * xr[p] + vi * xi[p];
        oi[c] += vr * xi[p] - vi * xr[p];
      }
    } else if (s == 2) {
      for (int c = from; c < to; c++) {
        int p = c + offset;
        int k = c * step;
        int x = 2 * p;
        int o = 2 * c;
        double x0r = xr[x];
        double x0i = xi[x];
        double x1r = xr[x + 1];
        double x1i = xi[x + 1];
        // (U^dagger)[sigma][tau] = conj(U[tau][sigma])
        double y0r = ur[k] * x0r + ui[k] * x0i + ur[k + 2] * x1r + ui[k + 2] * x1i;
        double y0i = ur[k] * x0i - ui[k] * x0r + ur[k + 2] * x1i - ui[k + 2] * x1r;
        double y1r = ur[k + 1] * x0r + ui[k + 1] * x0i + ur[k + 3] * x1r + ui[k + 3] * x1i;
        double y1i = ur[k + 1] * x0i - ui[k + 1] * x0r + ur[k + 3] * x1i - ui[k + 3] * x1r;
        or[o] += alpha * y0r;
        oi[o] += alpha * y0i;
        or[o + 1] += alpha * y1r;
        oi[o + 1] += alpha * y1i;
      }
    } else {
      for (int c = from; c < to; c++) {
        int p = c + offset;
        int k = c * step;
        for (int sigma = 0; sigma < s; sigma++) {
          double r = 0;
          double i = 0;
          for (int tau = 0; tau < s; tau++) {
            double vr = ur[k + tau * s + sigma];
            double vi = ui[k + tau * s + sigma];
            r += vr * xr[p * s + tau] + vi * xi[p * s + tau];
            i += vr * xi[p * s + tau] - vi * xr[p * s + tau];
          }
          or[c * s + sigma] += alpha * r;
          oi[c * s + sigma] += alpha * i;
        }
      }
    }
  }

  /** The entries of cell c that lie in [from, to), from the definition (slow, rarely used). */
  private void partialCell(
      double[] xr, double[] xi, double alpha, double[] or, double[] oi, int c, int from, int to) {
    final int s = internal;
    final int[] coordinate = new int[sides.length];
    int rest = c;
    for (int a = sides.length - 1; a >= 0; a--) {
      coordinate[a] = rest % sides[a];
      rest /= sides[a];
    }
    for (int i = Math.max(from, c * s); i < Math.min(to, c * s + s); i++) {
      int sigma = i - c * s;
      double r = 0;
      double im = 0;
      for (int a = 0; a < sides.length; a++) {
        int side = sides[a];
        if (linkRe[a] == null || side == 1) {
          continue;
        }
        double[] ur = linkRe[a];
        double[] ui = linkIm[a];
        int stride = cellStride[a];
        int u = coordinate[a];
        int m = u > 0 ? c - stride : (periodic[a] ? c + (side - 1) * stride : -1);
        int p = u < side - 1 ? c + stride : (periodic[a] ? c - (side - 1) * stride : -1);
        for (int tau = 0; tau < s; tau++) {
          if (m >= 0) {
            int k = m * linkStep[a] + sigma * s + tau;
            r += ur[k] * xr[m * s + tau] - ui[k] * xi[m * s + tau];
            im += ur[k] * xi[m * s + tau] + ui[k] * xr[m * s + tau];
          }
          if (p >= 0) {
            int k = c * linkStep[a] + tau * s + sigma;
            r += ur[k] * xr[p * s + tau] + ui[k] * xi[p * s + tau];
            im += ur[k] * xi[p * s + tau] - ui[k] * xr[p * s + tau];
          }
        }
      }
      or[i] += alpha * r;
      oi[i] += alpha * im;
    }
  }

  @Override
  public String toString() {
    return "LinkStencil "
        + Arrays.toString(sides)
        + " x "
        + internal
        + " internal states, periodic "
        + Arrays.toString(periodic);
  }
}
