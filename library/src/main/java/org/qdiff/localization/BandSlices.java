package org.qdiff.localization;

import org.qdiff.hamiltonian.Disorder;

/**
 * The random band matrix (11) on Z, site by site: the equation at site c, {@code sum_{|y-c| <= b}
 * H_cy psi_y = E psi_c}, gives the next amplitude
 *
 * <pre>
 *   psi_{c+b} = [ (E - H_cc) psi_c - sum_{0 < |y-c| <= b, y != c+b} H_cy psi_y ] / H_{c,c+b}
 * </pre>
 *
 * from the 2b amplitudes {@code psi_{c-b}, ..., psi_{c+b-1}}: a 2b x 2b transfer matrix per site.
 * (Cutting Z into blocks of b sites gives the equivalent block-tridiagonal form, whose b x b
 * triangular coupling has a condition number growing exponentially with b; stepping one site at a
 * time keeps each step well conditioned and lets the QR come as often as the growth requires.)
 *
 * <p>The rows form a ring: psi_z sits in row {@code z mod 2b}, and psi_{c+b} overwrites psi_{c-b}
 * in place. The entries {@code H_xy = A_xy + A_yx} are drawn when site min(x, y) is reached, with
 * {@code A_xy = entries.value(1, x (2b+1) + y - x + b)}; the b most recent rows are kept, so each
 * entry is drawn once and nothing of size L is stored.
 */
final class BandSlices extends Slices {

  /** Stream of the entries A_xy: the same as a Hamiltonian's band-matrix term. */
  static final long ENTRY_STREAM = 1;

  private final int b;
  private final Disorder entries;
  private final double energy;

  /** Ring of b + 1 rows: {@code upper[(z mod (b+1)) (b+1) + d] = H_{z, z+d}}, d = 0..b. */
  private final double[] upper;

  /**
   * @param halfWidth b >= 1
   * @param entries seeded distribution of the A_xy
   * @param energy E
   */
  BandSlices(int halfWidth, Disorder entries, double energy) {
    this.b = halfWidth;
    this.entries = entries;
    this.energy = energy;
    this.upper = new double[(b + 1) * (b + 1)];
    // The equation at site 0 reaches back to site -b: the band matrix lives on all of Z.
    for (long z = -b; z < 0; z++) {
      fillUpper(z);
    }
  }

  @Override
  int rows() {
    return 2 * b;
  }

  /** A_xy, indexed by the row x and the offset y - x in [-b, b]; x may be negative. */
  private double entry(long x, long y) {
    return entries.value(ENTRY_STREAM, x * (2L * b + 1) + (y - x + b));
  }

  private int upperRow(long z) {
    return (int) Math.floorMod(z, (long) (b + 1)) * (b + 1);
  }

  private int row(long z, int cols) {
    return (int) Math.floorMod(z, (long) (2 * b)) * cols;
  }

  private void fillUpper(long z) {
    int at = upperRow(z);
    upper[at] = 2 * entry(z, z);
    for (int d = 1; d <= b; d++) {
      upper[at + d] = entry(z, z + d) + entry(z + d, z);
    }
  }

  @Override
  void step(long slice, double[] y, int cols) {
    long c = slice;
    fillUpper(c);
    int here = upperRow(c);
    // psi_{c-b} is read first and then replaced by psi_{c+b}, in its own row.
    int to = row(c - b, cols);
    double first = -upper[upperRow(c - b) + b];
    for (int j = 0; j < cols; j++) {
      y[to + j] *= first;
    }
    for (int d = b - 1; d >= 1; d--) {
      axpy(-upper[upperRow(c - d) + d], y, row(c - d, cols), to, cols);
    }
    axpy(energy - upper[here], y, row(c, cols), to, cols);
    for (int d = 1; d < b; d++) {
      axpy(-upper[here + d], y, row(c + d, cols), to, cols);
    }
    double inverse = 1.0 / upper[here + b];
    for (int j = 0; j < cols; j++) {
      y[to + j] *= inverse;
    }
  }

  private static void axpy(double a, double[] y, int from, int to, int cols) {
    for (int j = 0; j < cols; j++) {
      y[to + j] += a * y[from + j];
    }
  }
}
