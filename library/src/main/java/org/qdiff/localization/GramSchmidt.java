package org.qdiff.localization;

import java.util.Arrays;

/**
 * The QR re-orthonormalization of the transfer-matrix vectors: modified Gram-Schmidt on the columns
 * of a row-major matrix, in place.
 *
 * <p>Rows are the 2N components (psi_n, psi_{n-1}) and columns the propagated vectors, so that the
 * inner loops run over contiguous columns of one row and the JIT can vectorize them. Column j is
 * normalized, then its projection is removed from every later column at once (right-looking MGS):
 * the diagonal of R is as accurate as with Householder reflections, which is all the Lyapunov
 * exponents need.
 */
final class GramSchmidt {

  private GramSchmidt() {}

  /**
   * Replaces the columns of {@code y} by an orthonormal basis of their span, in order, and stores
   * the logarithms of the diagonal of R.
   *
   * @param y {@code rows x cols}, row-major (modified: Q on return)
   * @param rows number of rows
   * @param cols number of columns, {@code <= rows}
   * @param logR receives {@code ln r_jj} for j < cols (modified)
   * @param dots scratch of length {@code >= cols} (modified)
   * @return -1, or the first column whose norm is zero or not finite (y is then undefined)
   */
  static int orthonormalize(double[] y, int rows, int cols, double[] logR, double[] dots) {
    for (int j = 0; j < cols; j++) {
      double sum = 0;
      for (int r = 0; r < rows; r++) {
        double v = y[r * cols + j];
        sum += v * v;
      }
      double norm = Math.sqrt(sum);
      if (!(norm > 0) || !Double.isFinite(norm)) {
        return j;
      }
      logR[j] = Math.log(norm);
      double inverse = 1.0 / norm;
      for (int r = 0; r < rows; r++) {
        y[r * cols + j] *= inverse;
      }
      if (j + 1 == cols) {
        break;
      }
      Arrays.fill(dots, j + 1, cols, 0.0);
      for (int r = 0; r < rows; r++) {
        int row = r * cols;
        double q = y[row + j];
        for (int c = j + 1; c < cols; c++) {
          dots[c] += q * y[row + c];
        }
      }
      for (int r = 0; r < rows; r++) {
        int row = r * cols;
        double q = y[row + j];
        for (int c = j + 1; c < cols; c++) {
          y[row + c] -= q * dots[c];
        }
      }
    }
    return -1;
  }
}
