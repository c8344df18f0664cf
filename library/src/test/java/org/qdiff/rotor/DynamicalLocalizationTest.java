package org.qdiff.rotor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qdiff.propagate.Trajectory;
import org.qdiff.state.WaveFunction;

/**
 * K = 5, hbarEff = 1 (the regime of Shepelyansky's numerics): the classical momentum diffuses with
 * D of about 12 per kick, while the quantum rotor localizes within xi ~ D / hbarEff^2 ~ 12 momenta
 * after a break time of the same order in kicks.
 */
class DynamicalLocalizationTest {

  private static final double K = 5;

  /** Mean of a column over the rows of kicks from..to (inclusive), one row per kick. */
  private static double mean(double[] column, int from, int to) {
    double s = 0;
    for (int t = from; t <= to; t++) {
      s += column[t];
    }
    return s / (to - from + 1);
  }

  @Test
  void quantumSpreadingFreezesWhileTheClassicalOneGoesOn() {
    KickedRotor rotor = KickedRotor.kickStrength(K).hbar(1).momenta(1024).build();
    double[] quantum = rotor.run(rotor.momentumState(0), 1000).column("p2");
    double[] classical =
        StandardMap.kickStrength(K).particles(10_000).seed(17).build().run(1000).column("p2");

    // Classically <p^2> ~ D t with D of about 12: about 12000 at t = 1000. Localization keeps the
    // quantum value near 2 xi^2 ~ 100 to 300 (it fluctuates from kick to kick), so "far below" is
    // asserted with a wide margin: less than a fifth of the classical value.
    assertTrue(
        quantum[1000] < classical[1000] / 5,
        "quantum p2 " + quantum[1000] + " vs classical " + classical[1000]);

    // Growth over the second half of the run, from windows of 101 kicks (which average out the
    // fluctuations of a single kick): a diffusing rotor would add about D * 500 ~ 6000, the
    // classical ensemble does; the localized one only fluctuates about its saturated value. We ask
    // for less than a tenth of the classical growth, which a diffusive quantum rotor (growth = the
    // classical one up to a factor of order one) could not meet.
    double quantumGrowth = mean(quantum, 900, 1000) - mean(quantum, 400, 500);
    double classicalGrowth = mean(classical, 900, 1000) - mean(classical, 400, 500);
    assertTrue(classicalGrowth > 0.5 * 12 * 500, "classical growth " + classicalGrowth);
    assertTrue(
        Math.abs(quantumGrowth) < classicalGrowth / 10,
        "quantum growth " + quantumGrowth + " vs classical " + classicalGrowth);
  }

  @Test
  void saturationIsNotAnEffectOfTheMomentumGrid() {
    // Doubling the number of momenta changes nothing: the state stays far from the grid's edges,
    // the frozen <p^2> is physics, not truncation.
    KickedRotor small = KickedRotor.kickStrength(K).hbar(1).momenta(512).build();
    KickedRotor large = KickedRotor.kickStrength(K).hbar(1).momenta(1024).build();
    double a = small.run(small.momentumState(0), 600).column("p2")[600];
    double b = large.run(large.momentumState(0), 600).column("p2")[600];
    assertEquals(a, b, 1e-9 * b);
  }

  @Test
  void timeAveragedDistributionHasExponentialTails() {
    // The time-averaged distribution falls off like exp(-2|n| / xi): its logarithm drops linearly
    // in
    // |n|, with local fluctuations of a few units. The least-squares slope of ln P(n) over
    // 20 <= n <= 200 (down to P ~ 1e-15) must lie within a factor 2 of the estimate 2 / xi with
    // xi = D / hbarEff^2 (an order-of-magnitude law; the measured slope is about 0.16, the
    // estimate 0.17). Parity (theta -> -theta commutes with U, |0> is even) makes P(-n) = P(n)
    // exactly, here to round-off.
    KickedRotor rotor = KickedRotor.kickStrength(K).hbar(1).momenta(1024).build();
    Trajectory<WaveFunction> run =
        rotor.evolve(rotor.momentumState(0)).kicks(2000).every(20).keepStates().run();
    double[] p =
        rotor.averageMomentumDistribution(run, 1000).doubleColumn("probability").asDoubleArray();
    int zero = -rotor.minMomentum();
    for (int m = 1; m < 500; m++) {
      assertEquals(p[zero + m], p[zero - m], 1e-13, "n = " + m);
    }
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    int count = 0;
    for (int m = 20; m <= 200; m++) {
      double y = Math.log(p[zero + m]);
      sx += m;
      sy += y;
      sxx += (double) m * m;
      sxy += m * y;
      count++;
    }
    double rate = -(count * sxy - sx * sy) / (count * sxx - sx * sx);
    double estimate = 2 / rotor.localizationLength();
    assertTrue(
        rate > estimate / 2 && rate < 2 * estimate,
        "decay rate " + rate + " vs 2 / xi = " + estimate);
  }
}
