package org.qdiff.rotor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.special.BesselJ;
import org.junit.jupiter.api.Test;
import org.qdiff.numeric.Parallel;

/**
 * The classical standard map: exact short-time moments, the diffusion constant, reproducibility.
 */
class StandardMapTest {

  @Test
  void kicksTwoApartAreCorrelatedByMinusHalfBesselJ2() {
    // On the uniform ensemble of the torus (theta and p mod 2 pi uniform, the map's invariant
    // measure), theta_{t+1} is uniform and independent of theta_t, so <sin theta_0 sin theta_1> =
    // 0,
    // and theta_2 = 2 theta_1 - theta_0 + K sin theta_1 gives <sin theta_0 sin theta_2> =
    // -J_2(K)/2. Hence, exactly,
    //   <(p_1 - p_0)^2> = K^2/2,  <(p_2 - p_0)^2> = K^2,  <(p_3 - p_0)^2> = K^2 (3/2 - J_2(K)).
    // The ensemble means are compared within 4 standard errors (M = 200000 independent particles;
    // the relative standard error is about 0.3 %, while the J_2 term is 3 to 30 % of the value).
    for (double k : new double[] {0.5, 2, 5, 10}) {
      StandardMapRun run =
          StandardMap.kickStrength(k)
              .particles(200_000)
              .seed(21)
              .momentumSpread(2 * Math.PI)
              .build()
              .run(3);
      double[] dp2 = run.column("dp2");
      double[] sem = run.column("dp2_sem");
      double[] exact = {0, k * k / 2, k * k, k * k * (1.5 - BesselJ.value(2, k))};
      for (int t = 1; t <= 3; t++) {
        assertEquals(exact[t], dp2[t], 4 * sem[t], "K = " + k + ", t = " + t);
      }
      assertEquals(0.0, dp2[0], 0.0);
    }
  }

  @Test
  void diffusionConstantFollowsRechesterWhite() {
    // D is measured from the per-particle slopes [(p_200 - p_0)^2 - (p_50 - p_0)^2] / 150 over
    // M = 100000 independent particles: its standard error is the sample deviation of the slopes
    // over sqrt(M), about 0.6 % of D. The Rechester-White series neglects terms of order K^{-3/2}
    // relative to K^2/2 (e.g. the six-kick correlation, about -J_2(K)^3), so we allow
    //   |D - D_RW| <= 3 SE + 3 K^{-3/2} K^2/2,
    // 9 % of K^2/2 at K = 10 and 2 % at K = 30, while the correction itself, -2 J_2(K) K^2/2, is
    // -51 %, -8 %, +32 % and -16 % of K^2/2 at K = 10, 15, 20, 30 (measured with M = 4e5, the
    // residuals D/(K^2/2) - D_RW/(K^2/2) are about +0.027, +0.015, -0.015, +0.013). The K values
    // avoid the accelerator
    // modes (K just above 2 pi m, i.e. 12.6 to 13.2, 18.8 to 19.3, 25.1 to 25.5), whose islands
    // make the spreading anomalous.
    for (double k : new double[] {10, 15, 20, 30}) {
      DiffusionRate rate =
          StandardMap.kickStrength(k).particles(100_000).seed(5).build().diffusionRate(50, 200);
      double rw = StandardMap.rechesterWhiteDiffusion(k);
      double quasilinear = k * k / 2;
      double allowed = 3 * rate.standardError() + 3 * Math.pow(k, -1.5) * quasilinear;
      assertEquals(rw, rate.value(), allowed, rate.toString());
      assertTrue(rate.standardError() < 0.01 * rate.value(), rate.toString());
      // The correction is real: the measurement is much closer to D_RW than to K^2/2 where the
      // correction is large.
      if (Math.abs(BesselJ.value(2, k)) > 0.1) {
        assertTrue(
            Math.abs(rate.value() - rw) < Math.abs(rate.value() - quasilinear) / 3,
            rate.toString());
      }
    }
  }

  @Test
  void rechesterWhiteFormulaHasTheQuasilinearLimitAndItsFirstCorrection() {
    assertEquals(50.0, StandardMap.quasilinearDiffusion(10), 0.0);
    // K = 0: no kicks, no diffusion; the formula gives K^2/2 (1 + ...) = 0.
    assertEquals(0.0, StandardMap.rechesterWhiteDiffusion(0), 0.0);
    // Large K: J_n(K) ~ sqrt(2 / (pi K)) -> 0, so D / (K^2/2) -> 1.
    assertEquals(1.0, StandardMap.rechesterWhiteDiffusion(1e4) / (1e8 / 2), 0.02);
  }

  @Test
  void tablesAreIdenticalOnOneAndTwoThreads() {
    int before = Parallel.threads();
    try {
      // 100000 particles are four blocks of Parallel.BLOCK: the blocks really are split.
      StandardMap map =
          StandardMap.kickStrength(6.5).particles(100_000).seed(3).momentumSpread(1).build();
      Parallel.setThreads(1);
      StandardMapRun one = map.run(30);
      DiffusionRate rateOne = map.diffusionRate(10, 30);
      Parallel.setThreads(2);
      StandardMapRun two = map.run(30);
      DiffusionRate rateTwo = map.diffusionRate(10, 30);
      for (String column : new String[] {"p2", "p2_sem", "dp2", "dp2_sem"}) {
        assertArrayEquals(one.column(column), two.column(column), column);
      }
      assertArrayEquals(one.finalMomenta(), two.finalMomenta());
      assertEquals(rateOne, rateTwo);
    } finally {
      Parallel.setThreads(before);
    }
  }

  @Test
  void fixedStartHasZeroInitialSpreadAndTheHistogramSumsToOne() {
    StandardMapRun run =
        StandardMap.kickStrength(5).particles(10_000).seed(1).initialMomentum(2).build().run(10);
    assertEquals(4.0, run.column("p2")[0], 0.0);
    assertEquals(0.0, run.column("dp2")[0], 0.0);
    assertEquals(0.0, run.column("p2_sem")[0], 0.0);
    double total = run.momentumHistogram(1.0).doubleColumn("probability").sum();
    assertEquals(1.0, total, 1e-12);
    assertEquals(11, run.table().rowCount());
  }
}
