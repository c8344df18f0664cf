package org.qdiff.numeric;

/**
 * Real symmetric entries {@code A_ij} within a band {@code |i - j| <= b} of a chain of N sites,
 * open or periodic, stored by rows without index arrays: the banded part of a {@link
 * SparseOperator}.
 *
 * <p>Row i holds its 2b + 1 entries at {@code values[i (2b + 1) + (k + b)] = A_{i, i+k}} for
 * offsets {@code k = -b..b}. On a periodic chain {@code i + k} is taken modulo N (this needs {@code
 * 2b < N}, so that no column appears twice in a row); on an open chain the entries whose column
 * falls outside {@code [0, N)} are never read. Storage is N (2b + 1) doubles: a band matrix of
 * width b on a million sites takes 8 (2b + 1) MB, against 8 N^2 bytes dense.
 *
 * <p>The caller guarantees symmetry ({@code A_{i,i+k} = A_{i+k,i}}), so the operator is
 * self-adjoint. Immutable: the value array is owned, never exposed or modified.
 */
public final class BandRows {

  private final int size;
  private final int halfWidth;
  private final boolean periodic;
  private final double[] values;

  private BandRows(int size, int halfWidth, boolean periodic, double[] values) {
    this.size = size;
    this.halfWidth = halfWidth;
    this.periodic = periodic;
    this.values = values;
  }

  /**
   * Band entries of a chain. The array is taken as it is (the caller hands it over and keeps no
   * reference), so that a band on millions of sites is not held twice.
   *
   * @param size number of sites N, >= 1
   * @param halfWidth b, >= 0; on a periodic chain {@code 2b < N}
   * @param periodic whether row i also couples to columns {@code i + k} modulo N
   * @param values N (2b + 1) entries, row by row (see the class comment)
   * @throws IllegalArgumentException if the sizes do not fit together
   */
  public static BandRows of(int size, int halfWidth, boolean periodic, double[] values) {
    String where = "BandRows.of";
    Check.atLeast(where, "size N", size, 1);
    Check.atLeast(where, "halfWidth b", halfWidth, 0);
    Check.notNull(where, "values", values);
    if (periodic && 2L * halfWidth >= size) {
      throw new IllegalArgumentException(
          where
              + ": halfWidth b must be < N/2 = "
              + size / 2.0
              + " on a periodic chain, got "
              + halfWidth);
    }
    if (values.length != (long) size * (2L * halfWidth + 1)) {
      throw new IllegalArgumentException(
          where
              + ": values must have N (2b + 1) = "
              + (long) size * (2L * halfWidth + 1)
              + " entries, got "
              + values.length);
    }
    return new BandRows(size, halfWidth, periodic, values);
  }

  /** Number of sites N. */
  public int size() {
    return size;
  }

  /** The half-width b: row i couples to {@code i - b .. i + b}. */
  public int halfWidth() {
    return halfWidth;
  }

  /** Whether the band wraps around the chain. */
  public boolean periodic() {
    return periodic;
  }

  /** The diagonal entry {@code A_ii}. */
  public double diagonalAt(int row) {
    return values[row * (2 * halfWidth + 1) + halfWidth];
  }

  /** {@code sum_{j != i} |A_ij|} over the columns of row i that exist: a Gershgorin radius. */
  public double offDiagonalAbsSum(int row) {
    double sum = 0;
    for (int k = -halfWidth; k <= halfWidth; k++) {
      if (k != 0 && inside(row, k)) {
        sum += Math.abs(values[row * (2 * halfWidth + 1) + k + halfWidth]);
      }
    }
    return sum;
  }

  /** Number of off-diagonal positions in the band (pairs counted in both orientations). */
  public long offDiagonalCount() {
    if (periodic) {
      return 2L * halfWidth * size;
    }
    // On an open chain, offset k has N - k positions (none once k >= N).
    long count = 0;
    for (long k = 1; k <= halfWidth && k < size; k++) {
      count += 2 * (size - k);
    }
    return count;
  }

  /** The entries times a real factor. */
  public BandRows times(double factor) {
    double[] scaled = new double[values.length];
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] = factor * values[i];
    }
    return new BandRows(size, halfWidth, periodic, scaled);
  }

  /**
   * The sum of two bands on the same chain; the wider band sets the width. Null stands for no band.
   *
   * @throws IllegalArgumentException if the chains differ in size or boundary
   */
  public static BandRows sum(BandRows a, BandRows b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    if (a.size != b.size || a.periodic != b.periodic) {
      throw new IllegalArgumentException(
          "BandRows.sum: the bands live on different chains, N = "
              + a.size
              + (a.periodic ? " periodic" : " open")
              + " and N = "
              + b.size
              + (b.periodic ? " periodic" : " open"));
    }
    int w = Math.max(a.halfWidth, b.halfWidth);
    int stride = 2 * w + 1;
    double[] sum = new double[Math.multiplyExact(a.size, stride)];
    for (BandRows part : new BandRows[] {a, b}) {
      int partStride = 2 * part.halfWidth + 1;
      int shift = w - part.halfWidth;
      for (int i = 0; i < a.size; i++) {
        for (int k = 0; k < partStride; k++) {
          sum[i * stride + shift + k] += part.values[i * partStride + k];
        }
      }
    }
    return new BandRows(a.size, w, a.periodic, sum);
  }

  /**
   * Adds {@code alpha A x} to {@code out} on rows {@code [from, to)}: {@code out_i += alpha sum_k
   * A_{i,i+k} x_{i+k}}, real and imaginary parts alike (A is real).
   *
   * @param xr real parts of x, not modified; must not alias the outputs
   * @param xi imaginary parts of x, not modified; must not alias the outputs
   * @param or real parts of out, modified
   * @param oi imaginary parts of out, modified
   */
  public void addRows(
      double[] xr, double[] xi, double alpha, double[] or, double[] oi, int from, int to) {
    final int b = halfWidth;
    final int stride = 2 * b + 1;
    final double[] v = values;
    // Rows whose band lies inside [0, N) need neither wrap-around nor cut-off: one tight loop.
    final int interiorFrom = Math.max(from, b);
    final int interiorTo = Math.min(to, size - b);
    for (int i = from; i < Math.min(to, interiorFrom); i++) {
      edgeRow(xr, xi, alpha, or, oi, i);
    }
    for (int i = interiorFrom; i < interiorTo; i++) {
      int base = i * stride;
      int first = i - b;
      double sr = 0;
      double si = 0;
      for (int k = 0; k < stride; k++) {
        double a = v[base + k];
        sr += a * xr[first + k];
        si += a * xi[first + k];
      }
      or[i] += alpha * sr;
      oi[i] += alpha * si;
    }
    for (int i = Math.max(from, Math.max(interiorFrom, interiorTo)); i < to; i++) {
      edgeRow(xr, xi, alpha, or, oi, i);
    }
  }

  private void edgeRow(double[] xr, double[] xi, double alpha, double[] or, double[] oi, int i) {
    final int b = halfWidth;
    final int base = i * (2 * b + 1) + b;
    double sr = 0;
    double si = 0;
    for (int k = -b; k <= b; k++) {
      int j = i + k;
      if (j < 0 || j >= size) {
        if (!periodic) {
          continue;
        }
        j = j < 0 ? j + size : j - size;
      }
      double a = values[base + k];
      sr += a * xr[j];
      si += a * xi[j];
    }
    or[i] += alpha * sr;
    oi[i] += alpha * si;
  }

  private boolean inside(int row, int offset) {
    if (periodic) {
      return true;
    }
    int j = row + offset;
    return j >= 0 && j < size;
  }
}
