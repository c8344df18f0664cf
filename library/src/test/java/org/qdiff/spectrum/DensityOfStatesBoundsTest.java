package org.qdiff.spectrum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qdiff.hamiltonian.Disorder;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.hamiltonian.SpectralBounds;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.DenseEigen;

/**
 * The kernel polynomial method on the Lanczos estimate of the spectral interval: every eigenvalue
 * stays inside the expansion interval (the moments are those of the exact spectrum), the resolution
 * gains where Gershgorin's bounds are loose, and an interval that misses part of the spectrum is
 * caught and replaced by Gershgorin's.
 */
class DensityOfStatesBoundsTest {

  @Test
  void bandMatrixMomentsOnTheEstimateAreThoseOfTheExactSpectrum() {
    // Gershgorin's bounds of a random band matrix are about four times wider than its spectrum.
    Hamiltonian h =
        Hamiltonian.on(Lattice.cycle(600)).bandMatrix(10, Disorder.normal().seed(2)).build();
    int m = 200;
    DensityOfStates.Result lanczos = DensityOfStates.of(h).moments(m).exactTrace().compute();
    DensityOfStates.Result gershgorin =
        DensityOfStates.of(h)
            .moments(m)
            .exactTrace()
            .bounds(SpectralBounds.Source.GERSHGORIN)
            .compute();
    assertEquals(SpectralBounds.Source.LANCZOS, lanczos.boundsSource());
    assertEquals(SpectralBounds.Source.GERSHGORIN, gershgorin.boundsSource());
    double[] e = DenseEigen.of(h.operator()).eigenvalues();
    for (DensityOfStates.Result result : new DensityOfStates.Result[] {lanczos, gershgorin}) {
      // Inside the interval, |x| < 1: the moments equal the exact ones (no eigenvalue aliased).
      assertTrue(result.center() - result.halfWidth() < e[0]);
      assertTrue(result.center() + result.halfWidth() > e[e.length - 1]);
      double[] exact = ExactSpectra.exactMoments(e, result.center(), result.halfWidth(), m);
      assertArrayEquals(exact, result.moments(), 1e-11);
    }
    assertTrue(
        lanczos.resolution() < 0.4 * gershgorin.resolution(),
        lanczos.resolution() + " against " + gershgorin.resolution());
  }

  @Test
  void anEstimateThatMissesALevelFallsBackToGershgorin() {
    // A chain with one site of potential 30: a bound state near 30.03, far outside the band.
    double[] v = new double[150];
    v[75] = 30;
    Hamiltonian h = Hamiltonian.on(Lattice.chain(150).build()).hopping(1).potential(v).build();
    int m = 64;
    DensityOfStates.Result result =
        DensityOfStates.of(h)
            .moments(m)
            .exactTrace()
            .assumingBounds(new SpectralBounds(-2.05, 2.05))
            .compute();
    assertEquals(SpectralBounds.Source.GERSHGORIN, result.boundsSource());
    SpectralBounds g = h.spectralBounds();
    assertEquals(g.center(), result.center(), 0.0);
    assertEquals(
        g.halfWidth() / (1 - DensityOfStates.DEFAULT_MARGIN / 2), result.halfWidth(), 1e-12);
    double[] exact =
        ExactSpectra.exactMoments(
            DenseEigen.of(h.operator()).eigenvalues(), result.center(), result.halfWidth(), m);
    assertArrayEquals(exact, result.moments(), 1e-12);
  }

  @Test
  void randomVectorsCatchAMissedLevelToo() {
    double[] v = new double[150];
    v[75] = 30;
    Hamiltonian h = Hamiltonian.on(Lattice.chain(150).build()).hopping(1).potential(v).build();
    DensityOfStates.Result result =
        DensityOfStates.of(h)
            .moments(64)
            .randomVectors(3)
            .seed(4)
            .assumingBounds(new SpectralBounds(-2.05, 2.05))
            .compute();
    assertEquals(SpectralBounds.Source.GERSHGORIN, result.boundsSource());
    // The estimate of the whole Hamiltonian does see the bound state.
    assertTrue(h.estimatedSpectralBounds().upper() > 30.03);
  }

  @Test
  void theSourceMustBeGiven() {
    Hamiltonian h = Hamiltonian.on(Lattice.chain(20).build()).hopping(1).build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DensityOfStates.of(h).bounds(null));
    assertTrue(e.getMessage().contains("DensityOfStates.bounds: source"), e.getMessage());
  }
}
