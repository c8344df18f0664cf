package org.qdiff.observe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.qdiff.frame.Columns;
import org.qdiff.lattice.Lattice;
import org.qdiff.state.Spinor;
import org.qdiff.state.WaveFunction;
import tech.tablesaw.api.Table;

/** The momentum distribution against plane waves, deltas and Gaussian packets. */
class MomentumDistributionTest {

  @Test
  void planeWaveOnTheGridIsOneWaveVector() {
    Lattice lattice = Lattice.square(12, 9).periodic().build();
    double kx = 2 * Math.PI * -4 / 12;
    double ky = 2 * Math.PI * 2 / 9;
    double[] n = Profiles.momentumDistribution(WaveFunction.planeWave(lattice, kx, ky));
    int peak = lattice.site(-4, 2);
    for (int i = 0; i < n.length; i++) {
      assertEquals(i == peak ? 1.0 : 0.0, n[i], 1e-14, "at " + i);
    }
  }

  @Test
  void deltaIsUniformInMomentumWithOrWithoutSpin() {
    for (Lattice lattice :
        new Lattice[] {Lattice.cubic(4, 3, 5).build(), Lattice.square(6).spinHalf().build()}) {
      double[] n = Profiles.momentumDistribution(WaveFunction.delta(lattice, 7));
      for (double v : n) {
        assertEquals(1.0 / lattice.size(), v, 1e-15);
      }
    }
  }

  @Test
  void gaussianPacketHasMeanMomentumK0AndWidthOneOverTwoSigma() {
    Lattice lattice = Lattice.square(64).periodic().build();
    double sigma = 4;
    double[] k0 = {2 * Math.PI * 7 / 64, -2 * Math.PI * 3 / 64};
    double[] n =
        Profiles.momentumDistribution(
            WaveFunction.gaussianPacket(lattice).width(sigma).momentum(k0).build());
    double total = 0;
    double[] mean = new double[2];
    double[] second = new double[2];
    for (int i = 0; i < n.length; i++) {
      total += n[i];
      for (int a = 0; a < 2; a++) {
        double k = 2 * Math.PI * lattice.coordinate(i, a) / 64;
        mean[a] += k * n[i];
        second[a] += (k - k0[a]) * (k - k0[a]) * n[i];
      }
    }
    assertEquals(1.0, total, 1e-14);
    // |psi(k)|^2 of the sampled Gaussian is a Gaussian of variance 1/(4 sigma^2) per axis, up to
    // aliasing of order exp(-pi^2 / (2 sigma_k^2)) and the packet's tails beyond the box.
    for (int a = 0; a < 2; a++) {
      assertEquals(k0[a], mean[a], 1e-10);
      assertEquals(1 / (4 * sigma * sigma), second[a], 1e-8);
    }
  }

  @Test
  void spinorDoesNotChangeTheSummedDistribution() {
    Lattice plain = Lattice.square(20).build();
    Lattice spinful = Lattice.square(20).spinHalf().build();
    double[] n =
        Profiles.momentumDistribution(
            WaveFunction.gaussianPacket(plain).width(2.5).momentum(0.7, -0.4).build());
    double[] ns =
        Profiles.momentumDistribution(
            WaveFunction.gaussianPacket(spinful)
                .width(2.5)
                .momentum(0.7, -0.4)
                .spinor(Spinor.along(1.1, 0.4))
                .build());
    assertArrayEquals(n, ns, 1e-15);
  }

  @Test
  void tableListsTheWaveNumbersOfTheSites() {
    Lattice lattice = Lattice.square(5, 4).build();
    Table table = Profiles.momentumTable(WaveFunction.delta(lattice));
    assertEquals(20, table.rowCount());
    double[] kx = table.doubleColumn(Columns.waveNumber(0)).asDoubleArray();
    double[] ky = table.doubleColumn("ky").asDoubleArray();
    assertEquals(2 * Math.PI * -2 / 5, kx[0], 0.0);
    assertEquals(2 * Math.PI * -2 / 4, ky[0], 0.0);
    assertArrayEquals(
        new double[] {-Math.PI, -Math.PI / 2, 0, Math.PI / 2}, Profiles.waveNumbers(lattice, 1), 0);
    assertEquals(1.0, table.doubleColumn(Columns.MOMENTUM_DENSITY).sum(), 1e-14);
  }
}
