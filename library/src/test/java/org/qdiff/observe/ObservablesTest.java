package org.qdiff.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.lattice.Lattice;
import org.qdiff.state.Distribution;
import org.qdiff.state.WaveFunction;

class ObservablesTest {

  private final Lattice square = Lattice.square(9, 7).build();

  private static double measure(Observable o, WaveFunction psi) {
    return o.measure(Sample.of(0, psi));
  }

  @Test
  void deltaStateHasUnitParticipationAndZeroEntropy() {
    WaveFunction delta = WaveFunction.delta(square, square.site(1, -2));
    assertEquals(1.0, measure(Observables.norm(), delta), 1e-15);
    assertEquals(1.0, measure(Observables.participationRatio(), delta), 1e-15);
    assertEquals(1.0, measure(Observables.inverseParticipationRatio(), delta), 1e-15);
    assertEquals(0.0, measure(Observables.entropy(), delta), 1e-15);
    assertEquals(5.0, measure(Observables.meanSquaredDisplacement(), delta), 1e-15);
    assertEquals(1.0, measure(Observables.meanSquaredDisplacement(0), delta), 1e-15);
    assertEquals(4.0, measure(Observables.meanSquaredDisplacement(1), delta), 1e-15);
    assertEquals(0.0, measure(Observables.returnProbability(), delta), 1e-15);
  }

  @Test
  void uniformStateSpreadsOverAllSites() {
    WaveFunction uniform = WaveFunction.fromFunction(square, i -> Complex.ONE);
    int n = square.size();
    assertEquals(n, measure(Observables.participationRatio(), uniform), 1e-9);
    assertEquals(Math.log(n), measure(Observables.entropy(), uniform), 1e-12);
    // Outermost layer of a 9 x 7 box: 63 - 7 * 5 = 28 sites.
    assertEquals(28.0 / n, measure(Observables.boundaryWeight(1), uniform), 1e-15);
  }

  @Test
  void gaussianPacketHasItsWidthAndMomentumEnergy() {
    Lattice chain = Lattice.chain(401).periodic().build();
    double sigma = 6.0;
    double k = 0.8;
    WaveFunction packet = WaveFunction.gaussianPacket(chain).width(sigma).momentum(k).build();
    assertEquals(sigma * sigma, measure(Observables.meanSquaredDisplacement(), packet), 1e-9);
    // Hopping -J (psi(x+1) + psi(x-1)): energy -2 cos k exp(-1 / (8 sigma^2)) for this packet.
    Hamiltonian h = Hamiltonian.on(chain).hopping(1).build();
    assertEquals(
        -2 * Math.cos(k) * Math.exp(-1.0 / (8 * sigma * sigma)),
        measure(Observables.energy(h), packet),
        1e-10);
  }

  @Test
  void marginalSumsTheOtherAxes() {
    WaveFunction psi = WaveFunction.gaussianPacket(square).width(1.5).center(2, 1).build();
    double[] marginal = Profiles.marginal(psi, 0);
    assertEquals(9, marginal.length);
    double total = 0;
    for (double m : marginal) {
      total += m;
    }
    assertEquals(1.0, total, 1e-14);
    double direct = 0;
    for (int y = -3; y <= 3; y++) {
      direct += psi.probability(square.site(2, y));
    }
    assertEquals(direct, marginal[2 + 4], 1e-15);
  }

  @Test
  void meanAndVarianceOfATwoPointDistributionAlongTheFirstAxis() {
    // p = 1/4 at x = -1 and 3/4 at x = 3: <x> = -1/4 + 9/4 = 2, <x^2> = 1/4 + 27/4 = 7,
    // sigma^2 = 7 - 2^2 = 3.
    Lattice chain = Lattice.chain(11).build();
    double[] p = new double[11];
    p[chain.site(-1)] = 0.25;
    p[chain.site(3)] = 0.75;
    Distribution d = Distribution.of(chain, p);
    assertEquals(2.0, Observables.meanPosition().measure(Sample.of(0, d)), 1e-15);
    assertEquals(3.0, Observables.variance().measure(Sample.of(0, d)), 1e-15);
    assertEquals("mean_x", Observables.meanPosition().name());
    assertEquals("variance", Observables.variance().name());
  }

  @Test
  void meanAndVarianceReadOnlyTheFirstAxisOfABox() {
    // p = 1/2 at (2, -3) and 1/2 at (-2, 1): <x> = 0 and sigma^2 = 4 along axis 0, whatever y is.
    double[] p = new double[square.size()];
    p[square.site(2, -3)] = 0.5;
    p[square.site(-2, 1)] = 0.5;
    Distribution d = Distribution.of(square, p);
    assertEquals(0.0, Observables.meanPosition().measure(Sample.of(0, d)), 1e-15);
    assertEquals(4.0, Observables.variance().measure(Sample.of(0, d)), 1e-15);
    // A delta state has no spread.
    WaveFunction delta = WaveFunction.delta(square, square.site(3, 2));
    assertEquals(3.0, measure(Observables.meanPosition(), delta), 1e-15);
    assertEquals(0.0, measure(Observables.variance(), delta), 1e-15);
  }

  @Test
  void meanAndVarianceNeedAxes() {
    Lattice cube = Lattice.hypercube(3);
    Distribution d = Distribution.delta(cube);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Observables.variance().measure(Sample.of(0, d)));
    assertTrue(e.getMessage().contains("Observables.variance: needs a box"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Observables.meanPosition().measure(Sample.of(0, d)));
    assertTrue(e.getMessage().contains("Observables.meanPosition: needs a box"), e.getMessage());
  }
}
