package org.qdiff.spectrum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qdiff.frame.Columns;
import org.qdiff.hamiltonian.Disorder;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.hamiltonian.SpectralBounds;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.DenseEigen;
import tech.tablesaw.api.Table;

/**
 * The kernel polynomial density of states against exact spectra: eigenvalues from dense
 * diagonalization, and the Bloch energies of clean periodic lattices.
 */
class DensityOfStatesTest {

  @Test
  void stochasticMomentsOfTheAndersonModelAgreeWithExactEigenvaluesWithinTheirFluctuation() {
    Lattice box = Lattice.cubic(8).periodic().build();
    // The same seed value for the potential and the phases: their streams must not correlate.
    Hamiltonian h = Hamiltonian.on(box).hopping(1.0).onsite(Disorder.box(4).seed(3)).build();
    int m = 128;
    int vectors = 64;
    DensityOfStates.Result result =
        DensityOfStates.of(h).moments(m).randomVectors(vectors).seed(3).compute();
    // The expansion interval: the Lanczos estimate, widened by the margin 0.01 (0.005 each side).
    assertEquals(SpectralBounds.Source.LANCZOS, result.boundsSource());
    assertEquals(h.estimatedSpectralBounds().center(), result.center(), 0.0);
    assertEquals(h.estimatedSpectralBounds().halfWidth() / (1 - 0.005), result.halfWidth(), 1e-15);
    double[] eigenvalues = DenseEigen.of(h.operator()).eigenvalues();
    double[] exact =
        ExactSpectra.exactMoments(eigenvalues, result.center(), result.halfWidth(), 2 * m);
    double[] mu = result.moments();
    assertEquals(1.0, mu[0], 1e-14, "mu_0 = <r|r> / N");
    double sumOfSquares = 0;
    for (int n = 1; n < m; n++) {
      double sigma = Math.sqrt(ExactSpectra.momentVarianceBound(exact, n, vectors, box.size()));
      double z = (mu[n] - exact[n]) / sigma;
      assertTrue(Math.abs(z) < 4.5, "mu_" + n + " off by " + z + " standard deviations");
      sumOfSquares += z * z;
    }
    // Each z has variance at most 1 (the bound drops the diagonal part of the trace).
    assertTrue(sumOfSquares / (m - 1) < 1.5, "mean z^2 = " + sumOfSquares / (m - 1));
  }

  /**
   * A potential and the random phases drawn from the same seed value must still be independent:
   * phases that followed the potential would bias the trace (a spurious peak appears). Two
   * estimates, with the potential's seed and with another one, agree within their statistical error
   * {@code sqrt(rho / (2 sqrt(pi) s N))} per vector (a Gaussian kernel of width s = pi a / M).
   */
  @Test
  void randomPhasesAreIndependentOfAPotentialDrawnFromTheSameSeed() {
    Lattice box = Lattice.cubic(48).periodic().build();
    Hamiltonian h = Hamiltonian.on(box).hopping(1.0).onsite(Disorder.box(4).seed(1)).build();
    DensityOfStates.Result same =
        DensityOfStates.of(h).moments(256).randomVectors(1).seed(1).points(400).compute();
    DensityOfStates.Result other =
        DensityOfStates.of(h).moments(256).randomVectors(1).seed(2).points(400).compute();
    double[] a = same.density();
    double[] b = other.density();
    double s = same.resolution();
    for (int j = 0; j < a.length; j++) {
      double rho = Math.max(Math.max(a[j], b[j]), 1e-3);
      double sigma = Math.sqrt(rho / (2 * Math.sqrt(Math.PI) * s * box.size()));
      assertEquals(b[j], a[j], 6 * Math.sqrt(2) * sigma, "E = " + same.energies()[j]);
    }
  }

  @Test
  void exactTraceReproducesTheSumOverEigenvalues() {
    Hamiltonian anderson =
        Hamiltonian.on(Lattice.cubic(8).periodic().build())
            .hopping(1.0)
            .onsite(Disorder.box(4).seed(3))
            .build();
    Hamiltonian chain =
        Hamiltonian.on(Lattice.chain(301).build())
            .hopping(1.0)
            .onsite(Disorder.normal(1.5).seed(8))
            .build();
    for (Hamiltonian h : new Hamiltonian[] {anderson, chain}) {
      int m = 128;
      DensityOfStates.Result result = DensityOfStates.of(h).moments(m).exactTrace().compute();
      double[] exact =
          ExactSpectra.exactMoments(
              DenseEigen.of(h.operator()).eigenvalues(), result.center(), result.halfWidth(), m);
      assertArrayEquals(exact, result.moments(), 1e-12, h.toString());
      assertEquals(0, result.randomVectors());
    }
  }

  /**
   * The periodic chain, {@code E(k) = -2 cos k}: the density of states is the arcsine law {@code 1
   * / (pi sqrt(4 - E^2))}. Two checks: the stochastic KPM density against the Jackson-smoothed
   * exact density (within five times its computed standard deviation), and the smoothed density
   * against the arcsine law. For the second: with {@code E = b + a cos(theta)} the series is a
   * cosine series of {@code F(theta) = pi a sin(theta) rho(E)}, and for {@code n << M} the Jackson
   * factors are {@code g_n = 1 - n^2 q^2 / 2}, {@code q = pi / (M + 1)}: the kernel smooths F with
   * variance q^2 in theta, so the density is off by {@code (q^2 / 2) F''(theta) / (pi a
   * sin(theta))}, in energy a width {@code q a sin(theta) <= pi a / M}. The smoothed density must
   * show this error to 5 % (measured: 0.4 %; the error is 1e-7 to 2e-6 because F is nearly constant
   * for the arcsine law).
   */
  @Test
  void cleanChainDensityIsTheJacksonSmoothedArcsineLaw() {
    int sites = 1 << 20;
    Hamiltonian h = Hamiltonian.on(Lattice.chain(sites).periodic().build()).hopping(1.0).build();
    int m = 256;
    int vectors = 2;
    DensityOfStates.Result result =
        DensityOfStates.of(h).moments(m).randomVectors(vectors).seed(5).compute();
    // A closed walk shorter than L cannot wind around a ring of L sites, so Tr H^k / N, and with it
    // every moment mu_n with n < L, is the same on all rings longer than n: L = 8192 > 2M serves.
    int ring = 8192;
    double[] bloch = new double[ring];
    for (int k = 0; k < ring; k++) {
      bloch[k] = -2 * Math.cos(2 * Math.PI * k / ring);
    }
    double b = result.center();
    double a = result.halfWidth();
    double[] exact = ExactSpectra.exactMoments(bloch, b, a, 2 * m);
    assertArrayEquals(
        java.util.Arrays.copyOf(exact, 64),
        java.util.Arrays.copyOf(result.moments(), 64),
        5 / Math.sqrt((double) vectors * sites),
        "low moments");
    double q = Math.PI / (m + 1);
    assertTrue(a * q < result.resolution());
    for (double e = -1.5; e <= 1.5; e += 0.25) {
      double[] c = ExactSpectra.densityCoefficients(m, b, a, e);
      double smoothed = ExactSpectra.density(exact, m, b, a, e);
      double sigma = Math.sqrt(ExactSpectra.varianceBound(c, exact, vectors, sites));
      assertEquals(smoothed, result.at(e), 5 * sigma, "E = " + e);
      double arcsine = 1 / (Math.PI * Math.sqrt(4 - e * e));
      double theta = Math.acos((e - b) / a);
      double h2 = 1e-3;
      double curvature =
          (weighted(theta + h2, a, b) - 2 * weighted(theta, a, b) + weighted(theta - h2, a, b))
              / (h2 * h2);
      double smoothing = 0.5 * q * q * curvature / (Math.PI * a * Math.sin(theta));
      assertEquals(
          arcsine + smoothing, smoothed, 0.05 * Math.abs(smoothing), "smoothing at E = " + e);
    }
  }

  /**
   * The periodic cubic box, {@code E(k) = -2 (cos k_x + cos k_y + cos k_z)}: van Hove kinks at E =
   * +-2, band edges at +-6. The stochastic density matches the Jackson-smoothed exact one there and
   * in between, and integrates to 1.
   */
  @Test
  void cleanCubicDensityMatchesTheSmoothedVanHoveProfileAndIntegratesToOne() {
    int side = 64;
    Hamiltonian h = Hamiltonian.on(Lattice.cubic(side).periodic().build()).hopping(1.0).build();
    int m = 128;
    int vectors = 2;
    DensityOfStates.Result result =
        DensityOfStates.of(h).moments(m).randomVectors(vectors).seed(7).points(300).compute();
    double[] cosine = new double[side];
    for (int k = 0; k < side; k++) {
      cosine[k] = Math.cos(2 * Math.PI * k / side);
    }
    double[] bloch = new double[side * side * side];
    int i = 0;
    for (int x = 0; x < side; x++) {
      for (int y = 0; y < side; y++) {
        for (int z = 0; z < side; z++) {
          bloch[i++] = -2 * (cosine[x] + cosine[y] + cosine[z]);
        }
      }
    }
    double b = result.center();
    double a = result.halfWidth();
    double[] exact = ExactSpectra.exactMoments(bloch, b, a, 2 * m);
    for (double e : new double[] {-5, -4, -2, -1, 0, 1, 2, 4, 5}) {
      double[] c = ExactSpectra.densityCoefficients(m, b, a, e);
      double smoothed = ExactSpectra.density(exact, m, b, a, e);
      double sigma = Math.sqrt(ExactSpectra.varianceBound(c, exact, vectors, bloch.length));
      assertEquals(smoothed, result.at(e), 5 * sigma, "E = " + e);
    }
    assertEquals(1.0, integral(result), 1e-10);
  }

  @Test
  void densityIsNormalizedAndNonNegativeWithTheJacksonKernel() {
    Hamiltonian anderson =
        Hamiltonian.on(Lattice.cubic(6).build())
            .hopping(1.0)
            .onsite(Disorder.box(6).seed(2))
            .build();
    DensityOfStates.Result exact =
        DensityOfStates.of(anderson).moments(200).exactTrace().points(400).compute();
    assertEquals(1.0, integral(exact), 1e-10);
    double max = 0;
    double min = Double.POSITIVE_INFINITY;
    for (double rho : exact.density()) {
      max = Math.max(max, rho);
      min = Math.min(min, rho);
    }
    assertTrue(min >= -1e-12 * max, "negative density " + min);

    Hamiltonian square =
        Hamiltonian.on(Lattice.square(100).periodic().build())
            .hopping(1.0)
            .onsite(Disorder.normal().seed(4))
            .build();
    DensityOfStates.Result stochastic =
        DensityOfStates.of(square).moments(300).randomVectors(3).seed(9).points(1000).compute();
    assertEquals(1.0, integral(stochastic), 1e-10);

    DensityOfStates.Result uniform =
        DensityOfStates.of(square)
            .moments(300)
            .randomVectors(3)
            .seed(9)
            .points(4000)
            .grid(DensityOfStates.Grid.UNIFORM)
            .compute();
    double[] energies = uniform.energies();
    double step = energies[1] - energies[0];
    assertEquals(step, energies[3999] - energies[3998], 1e-12);
    assertEquals(uniform.center() - uniform.halfWidth() + step / 2, energies[0], 1e-12);
    assertEquals(1.0, integral(uniform), 1e-3);
    // Same moments, other grid: the density at a grid point is the same function.
    assertEquals(stochastic.at(0.3), uniform.at(0.3), 0.0);
  }

  @Test
  void tableHasEnergyAndDensityColumnsAndDensityVanishesOutsideTheInterval() {
    Hamiltonian h =
        Hamiltonian.on(Lattice.chain(500).periodic().build())
            .hopping(1.0)
            .onsite(Disorder.box(1).seed(1))
            .build();
    DensityOfStates.Result result =
        DensityOfStates.of(h).moments(64).randomVectors(2).seed(1).points(100).compute();
    Table table = result.table();
    assertEquals(
        java.util.List.of(Columns.ENERGY_AXIS, Columns.DENSITY_OF_STATES), table.columnNames());
    assertEquals(100, table.rowCount());
    double[] energies = result.energies();
    double[] density = result.density();
    for (int j = 0; j < energies.length; j++) {
      assertEquals(density[j], result.at(energies[j]), 1e-9 * Math.abs(density[j]) + 1e-15);
      if (j > 0) {
        assertTrue(energies[j] > energies[j - 1]);
      }
    }
    assertEquals(0.0, result.at(result.center() + 1.01 * result.halfWidth()), 0.0);
    assertEquals(0.0, result.at(-1e9), 0.0);
  }

  /** {@code F(theta) = pi a sin(theta) rho(b + a cos(theta))} for the arcsine law. */
  private static double weighted(double theta, double a, double b) {
    double e = b + a * Math.cos(theta);
    return a * Math.sin(theta) / Math.sqrt(4 - e * e);
  }

  private static double integral(DensityOfStates.Result result) {
    double[] w = result.weights();
    double[] rho = result.density();
    double sum = 0;
    for (int j = 0; j < w.length; j++) {
      sum += w[j] * rho[j];
    }
    return sum;
  }
}
