package org.qdiff.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.qdiff.lattice.Lattice;

/** Wave functions with internal states: layout, spinors, probabilities per site. */
class SpinfulStateTest {

  @Test
  void latticeCountsStatesAndIndexesThemSpinFastest() {
    Lattice spinful = Lattice.square(4, 3).periodic().spinHalf().build();
    assertEquals(12, spinful.size());
    assertEquals(24, spinful.states());
    assertEquals(2, spinful.internalStates());
    assertEquals(2 * 5 + 1, spinful.stateIndex(5, 1));
    assertTrue(spinful.toString().contains("2 internal states"));
    assertFalse(spinful.sameGeometry(Lattice.square(4, 3).periodic().build()));
    assertTrue(spinful.sameGeometry(Lattice.square(4, 3).periodic().internalStates(2).build()));
  }

  @Test
  void deltaWithASpinorAndProbabilitiesSummedOverSpin() {
    Lattice spinful = Lattice.square(5).spinHalf().build();
    Spinor chi = Spinor.of(new Complex(3, 0), new Complex(0, 4));
    WaveFunction psi = WaveFunction.delta(spinful, 7, chi);
    assertEquals(50, psi.size());
    assertEquals(0.6, psi.amplitude(7, 0).getReal(), 1e-15);
    assertEquals(0.8, psi.amplitude(7, 1).getImaginary(), 1e-15);
    assertEquals(1.0, psi.probability(7), 1e-15);
    double[] p = psi.probabilityArray();
    assertEquals(25, p.length);
    assertEquals(1.0, p[7], 1e-15);
    assertEquals(1.0, WaveFunction.delta(spinful, 7).amplitude(7, 0).getReal(), 0.0);
    assertEquals(3, psi.real().rank());
  }

  @Test
  void packetWithSpinorIsTheProductOfProfileAndSpinor() {
    Lattice plain = Lattice.square(9).build();
    Lattice spinful = Lattice.square(9).spinHalf().build();
    WaveFunction profile = WaveFunction.gaussianPacket(plain).width(1.5).momentum(0.3, 1).build();
    Spinor chi = Spinor.along(2.0, -0.7);
    WaveFunction psi =
        WaveFunction.gaussianPacket(spinful).width(1.5).momentum(0.3, 1).spinor(chi).build();
    for (int site = 0; site < plain.size(); site++) {
      for (int sigma = 0; sigma < 2; sigma++) {
        Complex expected = profile.amplitude(site).multiply(chi.component(sigma));
        Complex actual = psi.amplitude(site, sigma);
        assertEquals(0, expected.subtract(actual).norm(), 1e-15);
      }
      assertEquals(profile.probability(site), psi.probability(site), 1e-15);
    }
    assertEquals(1.0, psi.normSquared(), 1e-14);
  }

  @Test
  void spinorAlongTheBlochSphere() {
    Spinor x = Spinor.along(Math.PI / 2, 0);
    assertEquals(Math.sqrt(0.5), x.component(0).getReal(), 1e-15);
    assertEquals(Math.sqrt(0.5), x.component(1).getReal(), 1e-15);
    assertEquals(Spinor.up(), Spinor.along(0, 0));
    assertEquals(1.0, Spinor.down().component(1).getReal(), 0.0);
  }
}
