package org.qdiff.rotor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.qdiff.random.Seed;
import org.qdiff.state.WaveFunction;

/**
 * The Floquet operator U = F K is unitary: norms and inner products survive any number of kicks.
 */
class FloquetUnitarityTest {

  /** A random normalized state filling the whole momentum grid: the hardest case for round-off. */
  static WaveFunction randomState(KickedRotor rotor, long seed) {
    Seed s = Seed.of(seed);
    int n = rotor.momenta();
    double[] re = new double[n];
    double[] im = new double[n];
    for (int i = 0; i < n; i++) {
      re[i] = s.normal(0, i);
      im[i] = s.normal(1, i);
    }
    return WaveFunction.fromArrays(rotor.lattice(), re, im);
  }

  @Test
  void normAfterAThousandKicksIsOneToRoundOff() {
    KickedRotor rotor = KickedRotor.kickStrength(5).hbar(1).momenta(512).build();
    // A localized run with its checks: the table's norm at every kick.
    double[] norm = rotor.run(rotor.momentumState(0), 1000).column("norm");
    for (int t = 0; t < norm.length; t++) {
      assertEquals(1.0, norm[t], 1e-12, "kick " + t);
    }
    // A random state over the whole grid, U^1000 as an operator (no renormalization anywhere).
    WaveFunction psi = randomState(rotor, 3);
    assertEquals(1.0, rotor.apply(psi, 1000).normSquared(), 1e-12);
  }

  @Test
  void innerProductsArePreservedForRandomStates() {
    for (double hbar : new double[] {1.0, 0.37, 2.9}) {
      KickedRotor rotor = KickedRotor.kickStrength(7.5).hbar(hbar).momenta(256).build();
      WaveFunction phi = randomState(rotor, 11);
      WaveFunction psi = randomState(rotor, 12);
      Complex before = phi.inner(psi);
      Complex after = rotor.apply(phi, 100).inner(rotor.apply(psi, 100));
      assertEquals(before.getReal(), after.getReal(), 1e-12, "hbarEff = " + hbar);
      assertEquals(before.getImaginary(), after.getImaginary(), 1e-12, "hbarEff = " + hbar);
    }
  }

  @Test
  void applyingKicksOneByOneEqualsApplyingThemTogether() {
    KickedRotor rotor = KickedRotor.kickStrength(3).hbar(0.8).momenta(128).build();
    WaveFunction psi = randomState(rotor, 5);
    WaveFunction stepwise = psi;
    for (int t = 0; t < 7; t++) {
      stepwise = rotor.apply(stepwise);
    }
    assertEquals(0.0, stepwise.distance(rotor.apply(psi, 7)), 1e-13);
    assertEquals(0.0, rotor.apply(psi, 0).distance(psi), 0.0);
  }
}
