package org.qdiff.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.lattice.Lattice;

class WaveFunctionTest {

  @Test
  void factoriesAreNormalized() {
    Lattice cube = Lattice.cubic(6).periodic().build();
    assertEquals(1.0, WaveFunction.delta(cube).normSquared(), 0.0);
    assertEquals(1.0, WaveFunction.planeWave(cube, 0.3, 0, 1).normSquared(), 1e-14);
    assertEquals(
        1.0,
        WaveFunction.gaussianPacket(cube).width(1.2).momentum(1, 2, 3).build().normSquared(),
        1e-14);
    assertEquals(
        1.0,
        WaveFunction.fromCoordinates(cube, x -> new Complex(x[0], x[2] + 0.5)).normSquared(),
        1e-14);
  }

  @Test
  void planeWaveWithAllowedMomentumIsAnEigenstateOfHopping() {
    Lattice ring = Lattice.square(12, 8).periodic().build();
    double kx = 2 * Math.PI * 3 / 12;
    double ky = 2 * Math.PI * 1 / 8;
    WaveFunction wave = WaveFunction.planeWave(ring, kx, ky);
    Hamiltonian h = Hamiltonian.on(ring).hopping(1).build();
    double energy = -2 * (Math.cos(kx) + Math.cos(ky));
    WaveFunction hWave = h.apply(wave);
    assertEquals(0.0, hWave.distance(wave.times(new Complex(energy))), 1e-13);
  }

  @Test
  void innerProductIsAntilinearInTheFirstArgument() {
    Lattice chain = Lattice.chain(3).build();
    WaveFunction a = WaveFunction.delta(chain, 1);
    WaveFunction b = a.times(Complex.I);
    assertEquals(0.0, a.inner(b).getReal(), 0.0);
    assertEquals(1.0, a.inner(b).getImaginary(), 0.0);
    assertEquals(-1.0, b.inner(a).getImaginary(), 0.0);
    assertEquals(1.0, a.overlap(b), 1e-15);
  }
}
