package org.qdiff.numeric;

import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Exact diagonalization of a {@link SparseOperator} with LAPACK (through ND4J), and the exact
 * propagator built on it.
 *
 * <p>A complex Hermitian {@code H = A + iB} is diagonalized as the real symmetric matrix {@code M =
 * [[A, -B], [B, A]]} of twice the size, acting on {@code (Re psi, Im psi)}; then {@code exp(-iHt)}
 * is {@code cos(Mt) - J sin(Mt)}, J being multiplication by i. A real H is diagonalized directly.
 */
public final class DenseEigen {

  /** Bytes per matrix element times the matrices LAPACK's symmetric eigensolver holds at once. */
  private static final long BYTES_PER_ELEMENT_HELD = 3L * Double.BYTES;

  private final int size;
  private final boolean complex;
  private final INDArray vectors; // columns are eigenvectors, m x m
  private final double[] values;

  private DenseEigen(int size, boolean complex, INDArray vectors, double[] values) {
    this.size = size;
    this.complex = complex;
    this.vectors = vectors;
    this.values = values;
  }

  /**
   * Bytes the diagonalization of an operator on {@code sites} sites would hold.
   *
   * @param complex whether the operator has complex entries (doubles the matrix size)
   */
  public static long bytesNeeded(int sites, boolean complex) {
    long m = complex ? 2L * sites : sites;
    return m * m * BYTES_PER_ELEMENT_HELD;
  }

  /**
   * Bytes that dense matrices may take now: the smaller of ND4J's off-heap limit left and the
   * physical memory available.
   */
  public static long bytesAvailable() {
    long offHeapLeft = Pointer.maxBytes() - Pointer.totalBytes();
    long physical = Pointer.availablePhysicalBytes();
    if (physical <= 0) {
      physical = Long.MAX_VALUE;
    }
    return Math.min(offHeapLeft, physical);
  }

  /**
   * Diagonalizes the operator. The caller checks {@link #bytesNeeded} against {@link
   * #bytesAvailable} first, so that a too large request fails before anything is allocated.
   */
  public static DenseEigen of(SparseOperator operator) {
    int n = operator.size();
    boolean complex = operator.hasImaginaryPart();
    int m = complex ? 2 * n : n;
    double[][] matrix = new double[m][m];
    double[] xRe = new double[n];
    double[] xIm = new double[n];
    double[] yRe = new double[n];
    double[] yIm = new double[n];
    // Column j of H is H e_j: the dense matrix is built by the same kernel that propagates.
    for (int j = 0; j < n; j++) {
      xRe[j] = 1;
      operator.apply(xRe, xIm, yRe, yIm);
      xRe[j] = 0;
      for (int i = 0; i < n; i++) {
        matrix[i][j] = yRe[i];
        if (complex) {
          matrix[n + i][j] = yIm[i]; // B
          matrix[i][n + j] = -yIm[i]; // -B
          matrix[n + i][n + j] = yRe[i]; // A
        }
      }
    }
    INDArray a = Nd4j.create(matrix).castTo(DataType.DOUBLE);
    // Symmetrize against rounding so LAPACK sees an exactly symmetric matrix.
    a = a.add(a.transpose()).muli(0.5);
    INDArray eigenvalues = Eigen.symmetricGeneralizedEigenvalues(a, true);
    return new DenseEigen(n, complex, a, eigenvalues.toDoubleVector());
  }

  /** Eigenvalues in ascending order (each twice for a complex operator). */
  public double[] eigenvalues() {
    return values.clone();
  }

  /** Number of sites. */
  public int size() {
    return size;
  }

  /**
   * {@code out = exp(-i H t) psi}.
   *
   * @param re real parts of psi, not modified
   * @param im imaginary parts of psi, not modified
   * @param outRe modified
   * @param outIm modified
   */
  public void propagate(double t, double[] re, double[] im, double[] outRe, double[] outIm) {
    int n = size;
    int m = values.length;
    if (!complex) {
      INDArray cr = vectors.transpose().mmul(Nd4j.createFromArray(re).reshape(n, 1));
      INDArray ci = vectors.transpose().mmul(Nd4j.createFromArray(im).reshape(n, 1));
      double[] r = cr.toDoubleVector();
      double[] i = ci.toDoubleVector();
      double[] pr = new double[m];
      double[] pi = new double[m];
      for (int k = 0; k < m; k++) {
        double c = Math.cos(values[k] * t);
        double s = Math.sin(values[k] * t);
        pr[k] = c * r[k] + s * i[k];
        pi[k] = c * i[k] - s * r[k];
      }
      double[] newRe = vectors.mmul(Nd4j.createFromArray(pr).reshape(m, 1)).toDoubleVector();
      double[] newIm = vectors.mmul(Nd4j.createFromArray(pi).reshape(m, 1)).toDoubleVector();
      System.arraycopy(newRe, 0, outRe, 0, n);
      System.arraycopy(newIm, 0, outIm, 0, n);
      return;
    }
    double[] x = new double[m];
    System.arraycopy(re, 0, x, 0, n);
    System.arraycopy(im, 0, x, n, n);
    double[] c = vectors.transpose().mmul(Nd4j.createFromArray(x).reshape(m, 1)).toDoubleVector();
    double[] cosPart = new double[m];
    double[] sinPart = new double[m];
    for (int k = 0; k < m; k++) {
      cosPart[k] = Math.cos(values[k] * t) * c[k];
      sinPart[k] = Math.sin(values[k] * t) * c[k];
    }
    double[] u = vectors.mmul(Nd4j.createFromArray(cosPart).reshape(m, 1)).toDoubleVector();
    double[] v = vectors.mmul(Nd4j.createFromArray(sinPart).reshape(m, 1)).toDoubleVector();
    // out = u - J v with J (x, y) = (-y, x)
    for (int i = 0; i < n; i++) {
      outRe[i] = u[i] + v[n + i];
      outIm[i] = u[n + i] - v[i];
    }
  }
}
