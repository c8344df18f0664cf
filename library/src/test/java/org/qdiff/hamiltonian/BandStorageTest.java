package org.qdiff.hamiltonian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.BandRows;
import org.qdiff.numeric.Parallel;
import org.qdiff.numeric.SparseOperator;
import org.qdiff.random.Seed;

/**
 * The band matrix (11) of a chain stored as band rows (no index arrays) against the same entries in
 * compressed sparse rows: two independent codes for the same matrix.
 */
class BandStorageTest {

  private static final Disorder ENTRIES = Disorder.normal(0.3).seed(17);

  static Stream<Arguments> chains() {
    return Stream.of(
        Arguments.of(Lattice.chain(1).build(), 1),
        Arguments.of(Lattice.chain(5).build(), 7),
        Arguments.of(Lattice.chain(200).build(), 4),
        Arguments.of(Lattice.chain(201).build(), 16),
        Arguments.of(Lattice.chain(9).periodic().build(), 4),
        Arguments.of(Lattice.chain(200).periodic().build(), 9),
        Arguments.of(Lattice.chain(70_001).periodic().build(), 3),
        Arguments.of(Lattice.chain(70_001).build(), 5));
  }

  @ParameterizedTest(name = "{0}, W = {1}")
  @MethodSource("chains")
  void bandRowsEqualCompressedRows(Lattice chain, int width) {
    SparseOperator band = BandMatrix.banded(chain, width, ENTRIES, HamiltonianBuilder.BAND_STREAM);
    SparseOperator rows =
        BandMatrix.compressed(chain, width, ENTRIES, HamiltonianBuilder.BAND_STREAM);
    // Compressed rows count their stored diagonal entries too, one per site.
    assertEquals(rows.offDiagonalCount() - chain.size(), band.offDiagonalCount());
    assertArrayEquals(rows.diagonal(), band.diagonal(), 0.0);
    assertArrayEquals(rows.gershgorinBounds(), band.gershgorinBounds(), 1e-12);
    for (int trial = 0; trial < 3; trial++) {
      double[][] x = randomVector(chain.size(), trial);
      assertClose(apply(rows, x), apply(band, x), 1e-14, chain + " trial " + trial);
    }
  }

  @ParameterizedTest(name = "{0}, W = {1}")
  @MethodSource("chains")
  void bandRowsAreSelfAdjoint(Lattice chain, int width) {
    SparseOperator band = BandMatrix.banded(chain, width, ENTRIES, HamiltonianBuilder.BAND_STREAM);
    double[][] phi = randomVector(chain.size(), 10);
    double[][] psi = randomVector(chain.size(), 11);
    double[] left = dot(phi, apply(band, psi));
    double[] right = dot(apply(band, phi), psi);
    double scale = Math.sqrt(dot(phi, phi)[0] * dot(psi, psi)[0]);
    assertEquals(left[0], right[0], 1e-12 * scale);
    assertEquals(left[1], right[1], 1e-12 * scale);
  }

  @Test
  void aChainHamiltonianStoresItsBandAsRows() {
    Lattice ring = Lattice.chain(300).periodic().build();
    Hamiltonian h = Hamiltonian.on(ring).bandMatrix(6, ENTRIES).build();
    SparseOperator rows = BandMatrix.compressed(ring, 6, ENTRIES, HamiltonianBuilder.BAND_STREAM);
    double[][] x = randomVector(ring.size(), 4);
    assertClose(apply(rows, x), apply(h.operator(), x), 1e-14, "H on the ring");
    // Band rows carry no Bloch energies: the Fourier propagator must refuse them.
    assertEquals(null, h.operator().blochEnergies());
  }

  @Test
  void sumsAndMultiplesOfBandsMatchCompressedRows() {
    Lattice chain = Lattice.chain(120).periodic().build();
    Disorder other = Disorder.box(1.0).seed(3);
    long stream = HamiltonianBuilder.BAND_STREAM;
    SparseOperator laplacian = Hamiltonian.on(chain).laplacian().build().operator();
    SparseOperator bands =
        BandMatrix.banded(chain, 5, ENTRIES, stream)
            .plus(laplacian)
            .plus(BandMatrix.banded(chain, 2, other, stream))
            .times(0.7);
    SparseOperator rows =
        BandMatrix.compressed(chain, 5, ENTRIES, stream)
            .plus(laplacian)
            .plus(BandMatrix.compressed(chain, 2, other, stream))
            .times(0.7);
    double[][] x = randomVector(chain.size(), 5);
    assertClose(apply(rows, x), apply(bands, x), 1e-14, "0.7 (B5 + laplacian + B2)");
    assertArrayEquals(rows.diagonal(), bands.diagonal(), 1e-15);
    // Summed bands add entries before taking |.|; merged compressed rows keep both: looser discs.
    double[] loose = rows.gershgorinBounds();
    double[] tight = bands.gershgorinBounds();
    assertTrue(tight[0] >= loose[0] - 1e-12 && tight[1] <= loose[1] + 1e-12);
  }

  @Test
  void bandRowsGiveTheSameNumbersOnOneAndTwoThreads() {
    Lattice ring = Lattice.chain(100_003).periodic().build();
    SparseOperator band = BandMatrix.banded(ring, 8, ENTRIES, HamiltonianBuilder.BAND_STREAM);
    double[][] x = randomVector(ring.size(), 6);
    int threads = Parallel.threads();
    try {
      Parallel.setThreads(1);
      double[][] one = apply(band, x);
      Parallel.setThreads(2);
      SparseOperator again = BandMatrix.banded(ring, 8, ENTRIES, HamiltonianBuilder.BAND_STREAM);
      double[][] two = apply(again, x);
      assertArrayEquals(one[0], two[0], 0.0);
      assertArrayEquals(one[1], two[1], 0.0);
    } finally {
      Parallel.setThreads(threads);
    }
  }

  @Test
  void bandRowsRejectInconsistentSizes() {
    IllegalArgumentException length =
        assertThrows(
            IllegalArgumentException.class, () -> BandRows.of(10, 2, false, new double[49]));
    assertTrue(
        length.getMessage().contains("values must have N (2b + 1) = 50"), length.getMessage());
    IllegalArgumentException wide =
        assertThrows(
            IllegalArgumentException.class, () -> BandRows.of(10, 5, true, new double[110]));
    assertTrue(wide.getMessage().contains("halfWidth b must be < N/2"), wide.getMessage());
    IllegalArgumentException chains =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                BandRows.sum(
                    BandRows.of(10, 1, true, new double[30]),
                    BandRows.of(10, 1, false, new double[30])));
    assertTrue(chains.getMessage().contains("different chains"), chains.getMessage());
  }

  private static double[][] randomVector(int n, int stream) {
    Seed seed = Seed.of(99);
    double[][] x = new double[2][n];
    for (int i = 0; i < n; i++) {
      x[0][i] = seed.normal(2L * stream, i);
      x[1][i] = seed.normal(2L * stream + 1, i);
    }
    return x;
  }

  private static double[][] apply(SparseOperator op, double[][] x) {
    double[][] y = new double[2][x[0].length];
    op.apply(x[0], x[1], y[0], y[1]);
    return y;
  }

  private static double[] dot(double[][] a, double[][] b) {
    double re = 0;
    double im = 0;
    for (int i = 0; i < a[0].length; i++) {
      re += a[0][i] * b[0][i] + a[1][i] * b[1][i];
      im += a[0][i] * b[1][i] - a[1][i] * b[0][i];
    }
    return new double[] {re, im};
  }

  /** Largest entry difference relative to the largest entry. */
  private static void assertClose(double[][] expected, double[][] actual, double tol, String what) {
    double scale = 0;
    double diff = 0;
    for (int c = 0; c < 2; c++) {
      for (int i = 0; i < expected[c].length; i++) {
        scale = Math.max(scale, Math.abs(expected[c][i]));
        diff = Math.max(diff, Math.abs(expected[c][i] - actual[c][i]));
      }
    }
    assertTrue(diff <= tol * Math.max(scale, Double.MIN_NORMAL), what + ": difference " + diff);
  }
}
