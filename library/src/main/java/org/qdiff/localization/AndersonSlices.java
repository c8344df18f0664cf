package org.qdiff.localization;

import org.qdiff.hamiltonian.Disorder;

/**
 * The slices of the Anderson model on a bar: cross-sections of {@code N = M^(d-1)} sites with
 * nearest-neighbour hopping -1 and the potential v(x).
 *
 * <p>The Schrödinger equation {@code -psi_{n+1} - psi_{n-1} + H_n psi_n = E psi_n}, with {@code
 * H_n} the cross-section's Hamiltonian (transverse hopping -1 plus v on slice n), gives the
 * transfer relation {@code psi_{n+1} = (H_n - E) psi_n - psi_{n-1}}. The state (psi_n, psi_{n-1})
 * takes two halves of N rows; psi_{n+1} overwrites psi_{n-1} in place and the halves swap roles.
 */
final class AndersonSlices extends Slices {

  /** Stream of the potential: the same as a Hamiltonian's onsite disorder. */
  static final long POTENTIAL_STREAM = 0;

  private final int n;
  private final int[] neighbourStart;
  private final int[] neighbours;
  private final Disorder disorder;
  private final double energy;
  private final double[] potential;
  private int current;

  /**
   * @param dimension d in 1..3
   * @param width M (1 for a chain)
   * @param periodic transverse boundaries periodic (M >= 3) or open
   * @param disorder seeded distribution of v, or null for the clean lattice
   * @param energy E
   */
  AndersonSlices(int dimension, int width, boolean periodic, Disorder disorder, double energy) {
    this.n = TransferMatrix.crossSection(dimension, width);
    this.disorder = disorder;
    this.energy = energy;
    this.potential = new double[n];
    int axes = dimension - 1;
    neighbourStart = new int[n + 1];
    int[] list = new int[n * 2 * Math.max(axes, 1)];
    int count = 0;
    for (int site = 0; site < n; site++) {
      neighbourStart[site] = count;
      int stride = 1;
      for (int a = 0; a < axes; a++) {
        int coordinate = (site / stride) % width;
        for (int direction = -1; direction <= 1; direction += 2) {
          int other = coordinate + direction;
          if (other < 0 || other >= width) {
            if (!periodic) {
              continue;
            }
            other = (other + width) % width;
          }
          list[count++] = site + (other - coordinate) * stride;
        }
        stride *= width;
      }
    }
    neighbourStart[n] = count;
    neighbours = java.util.Arrays.copyOf(list, count);
  }

  @Override
  int rows() {
    return 2 * n;
  }

  @Override
  void step(long slice, double[] y, int cols) {
    if (disorder != null) {
      long first = slice * n;
      for (int i = 0; i < n; i++) {
        potential[i] = disorder.value(POTENTIAL_STREAM, first + i);
      }
    }
    int cur = current;
    int old = n - current;
    for (int i = 0; i < n; i++) {
      double diagonal = potential[i] - energy;
      int to = (old + i) * cols;
      int from = (cur + i) * cols;
      for (int j = 0; j < cols; j++) {
        y[to + j] = diagonal * y[from + j] - y[to + j];
      }
      for (int p = neighbourStart[i]; p < neighbourStart[i + 1]; p++) {
        int neighbour = (cur + neighbours[p]) * cols;
        for (int j = 0; j < cols; j++) {
          y[to + j] -= y[neighbour + j];
        }
      }
    }
    current = old;
  }
}
