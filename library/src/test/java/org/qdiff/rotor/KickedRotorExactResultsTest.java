package org.qdiff.rotor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hipparchus.complex.Complex;
import org.hipparchus.special.BesselJ;
import org.junit.jupiter.api.Test;
import org.qdiff.random.Seed;
import org.qdiff.state.WaveFunction;
import tech.tablesaw.api.Table;

/** The quantum kicked rotor against results known in closed form. */
class KickedRotorExactResultsTest {

  /** A random state on the momenta |n| <= width only, zero elsewhere. */
  private static WaveFunction randomStateWithin(KickedRotor rotor, int width, long seed) {
    Seed s = Seed.of(seed);
    int n = rotor.momenta();
    double[] re = new double[n];
    double[] im = new double[n];
    for (int m = -width; m <= width; m++) {
      int site = rotor.lattice().site(m);
      re[site] = s.normal(0, site);
      im[site] = s.normal(1, site);
    }
    return WaveFunction.fromArrays(rotor.lattice(), re, im);
  }

  @Test
  void withoutKicksEachMomentumOnlyTurnsItsPhase() {
    // K = 0: U = exp(-i hbarEff n^2 / 2), so c_n(t) = c_n(0) exp(-i hbarEff n^2 t / 2) and the
    // momentum distribution never changes. Phases below ~800 rad keep the reference itself exact
    // to ~1e-13.
    double hbar = 0.3;
    KickedRotor rotor = KickedRotor.kickStrength(0).hbar(hbar).momenta(64).build();
    WaveFunction psi0 = randomStateWithin(rotor, 16, 1);
    WaveFunction psi = psi0;
    for (int t = 1; t <= 20; t++) {
      psi = rotor.apply(psi);
      for (int m = -16; m <= 16; m++) {
        int site = rotor.lattice().site(m);
        double phase = -hbar * m * m * t / 2.0;
        Complex expected =
            psi0.amplitude(site).multiply(new Complex(Math.cos(phase), Math.sin(phase)));
        Complex actual = psi.amplitude(site);
        assertEquals(expected.getReal(), actual.getReal(), 1e-12, "t = " + t + ", n = " + m);
        assertEquals(
            expected.getImaginary(), actual.getImaginary(), 1e-12, "t = " + t + ", n = " + m);
      }
    }
    WaveFunction late = rotor.apply(psi0, 1000);
    for (int site = 0; site < rotor.momenta(); site++) {
      assertEquals(psi0.probability(site), late.probability(site), 1e-12, "site " + site);
    }
  }

  @Test
  void oneKickFromRestGivesBesselSquaredMomenta() {
    // exp(-i x cos theta) = sum_n (-i)^n J_n(x) e^{i n theta}: after one kick from n = 0,
    // P(n) = J_n(K / hbarEff)^2, whatever the free rotation does to the phases. Odd and
    // non-power-of-two grids hold the same momenta (n in [-(N-1)/2, (N-1)/2]).
    double[][] cases = {{5, 1, 256}, {3, 0.25, 256}, {10, 0.5, 256}, {0.7, 1.3, 256}, {5, 1, 255}};
    for (double[] c : cases) {
      KickedRotor rotor = KickedRotor.kickStrength(c[0]).hbar(c[1]).momenta((int) c[2]).build();
      WaveFunction psi = rotor.apply(rotor.momentumState(0));
      double x = c[0] / c[1];
      for (int m = rotor.minMomentum(); m <= rotor.maxMomentum(); m++) {
        double j = BesselJ.value(Math.abs(m), x);
        assertEquals(
            j * j,
            psi.probability(rotor.lattice().site(m)),
            1e-12,
            "K/hbarEff = " + x + ", n = " + m);
      }
      // Sum over n of n^2 J_n(x)^2 = x^2 / 2: the first kick gives <p^2> = K^2 / 2, the classical
      // value, for every hbarEff.
      double[] p2 = rotor.run(rotor.momentumState(0), 1).column("p2");
      assertEquals(c[0] * c[0] / 2, p2[1], 1e-12 * c[0] * c[0]);
    }
  }

  @Test
  void quantumResonanceSpreadsBallistically() {
    // hbarEff = 4 pi: exp(-i 2 pi n^2) = 1, so U^t = exp(-i t (K / hbarEff) cos theta) and from
    // n = 0, <n^2>(t) = (t K / hbarEff)^2 / 2, i.e. <p^2> = (t K)^2 / 2 exactly.
    for (double k : new double[] {1.0, 5.0}) {
      KickedRotor rotor = KickedRotor.kickStrength(k).hbar(4 * Math.PI).momenta(512).build();
      double[] p2 = rotor.run(rotor.momentumState(0), 100).column("p2");
      for (int t = 1; t <= 100; t++) {
        double exact = (t * k) * (t * k) / 2;
        assertEquals(exact, p2[t], 1e-10 * exact, "K = " + k + ", t = " + t);
      }
    }
  }

  @Test
  void antiResonanceReturnsEveryTwoKicks() {
    // hbarEff = 2 pi: exp(-i pi n^2) = (-1)^n shifts theta by pi, and the second kick,
    // exp(-i k cos(theta + pi)), undoes the first: U^2 = 1 for any K and any state (N even).
    KickedRotor rotor = KickedRotor.kickStrength(7.3).hbar(2 * Math.PI).momenta(256).build();
    WaveFunction psi0 = FloquetUnitarityTest.randomState(rotor, 9);
    WaveFunction psi = psi0;
    for (int pair = 1; pair <= 50; pair++) {
      WaveFunction odd = rotor.apply(psi);
      psi = rotor.apply(odd);
      assertEquals(0.0, psi.distance(psi0), 1e-12, "after " + 2 * pair + " kicks");
    }
    // ... while after an odd number of kicks the state differs.
    assertEquals(true, rotor.apply(psi0).distance(psi0) > 0.1);
  }

  @Test
  void momentumDistributionTableListsEveryMomentum() {
    // N = 32 momenta hold J_n(2) to below 1e-30 at the edges.
    KickedRotor rotor = KickedRotor.kickStrength(2).hbar(1).momenta(32).build();
    Table table = rotor.momentumDistribution(rotor.apply(rotor.momentumState(0)));
    assertEquals(32, table.rowCount());
    assertEquals(-16.0, table.doubleColumn("n").get(0), 0.0);
    assertEquals(15.0, table.doubleColumn("n").get(31), 0.0);
    assertEquals(-16.0, table.doubleColumn("momentum").get(0), 0.0);
    double j = BesselJ.value(3, 2.0);
    assertEquals(j * j, table.doubleColumn("probability").get(16 + 3), 1e-14);
    assertEquals(1.0, table.doubleColumn("probability").sum(), 1e-14);
  }
}
