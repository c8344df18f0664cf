package org.qdiff.hamiltonian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.hipparchus.special.BesselJ;
import org.junit.jupiter.api.Test;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Parallel;
import org.qdiff.observe.Observables;
import org.qdiff.propagate.Evolution;
import org.qdiff.propagate.Propagators;
import org.qdiff.propagate.TimeGrid;
import org.qdiff.state.WaveFunction;

/**
 * Quantum diffusion in the random band matrix (11) on a ring: a particle started on one site
 * spreads with {@code MSD = 2 D t}, D growing as the band width squared.
 *
 * <p>The expected D. With {@code H_xy = A_xy + A_yx} and A_xy i.i.d. normal of variance s^2, the
 * entries within the band have {@code Var H_xy = 2 s^2} (x != y) and {@code Var H_xx = 4 s^2}. We
 * take {@code s^2 = 1 / (4 (b + 1))}, so that {@code sum_y Var H_xy = 2b 2s^2 + 4s^2 = 1}: for
 * large b the spectrum is the semicircle of radius 2, {@code rho(E) = sqrt(4 - E^2) / (2 pi)}. By
 * the golden rule a particle at x with energy E leaves at the rate {@code Gamma(E) = 2 pi sum_y
 * |H_xy|^2 rho(E) = sqrt(4 - E^2)} and lands at {@code x + d} with probability {@code S(d) = Var
 * H_{x,x+d}}; a jump has the variance
 *
 * <pre>
 *   &lt;d^2&gt; = sum_d d^2 S(d) = 2 (2 s^2) sum_{d=1}^{b} d^2 = b (2b + 1) / 6   (about b^2 / 3).
 * </pre>
 *
 * Jumps at random phases (the ladder approximation, exact as b grows) add up to a random walk: the
 * MSD grows as {@code Gamma(E) <d^2> t}. A site's local density of states is the semicircle, so
 * averaging Gamma over it gives {@code <Gamma> = int rho 2 pi rho dE = 16 / (3 pi)}, and
 *
 * <pre>
 *   MSD = 2 D t,   D = &lt;Gamma&gt; &lt;d^2&gt; / 2 = 8 &lt;d^2&gt; / (3 pi) = 4 b (2b + 1) / (9 pi)   (about 0.28 b^2).
 * </pre>
 *
 * The ladder sum gives the whole curve (Erdős and Knowles, Commun. Math. Phys. 303, 509 (2011)):
 * {@code E|psi_t(x)|^2 = sum_n |c_n(t)|^2 (S^n)_{0x}} with {@code c_n = (n+1) J_{n+1}(2t) / t},
 * hence {@code MSD(t) = <d^2> (sum_m m^3 J_m(2t)^2 / t^2 - 1)}, which tends to {@code <d^2> (16 t /
 * (3 pi) - 1)}: linear after a few mean free times {@code tau = 1/<Gamma> = 0.59}. The test
 * measures D as the slope of the MSD between t = 2 and t = 4 (3.4 tau to 6.8 tau) and compares it
 * with the ladder curve's slope over the same window (1 % below the asymptotic D).
 *
 * <p>Interference (weak localization) slows the spreading as t approaches the localization time,
 * which grows as b^2 (the localization length grows as b^2); in the window above its effect shrinks
 * as b grows. Measured on 2^14 sites (128, 48, 24 realizations): D = 16.7, 68.3, 275.6 for b = 8,
 * 16, 32, that is D / D_ladder = 0.88, 0.93, 0.95 and D / b^2 = 0.260, 0.267, 0.269. A single
 * start's D scatters by 35 % (b = 8) to 15 % (b = 32) between realizations, hence the ensemble
 * sizes. For b = 4 the particle localizes by t of about 20 = 30 tau, the window holds no clean
 * diffusion (D / D_ladder = 0.71), and b = 4 is left out.
 */
class BandMatrixDiffusionTest {

  private static final int SITES = 1 << 14;
  private static final double[] TIMES = {2, 3, 4};

  @Test
  void bandMatrixSpreadsDiffusivelyWithDGrowingAsWidthSquared() {
    Lattice ring = Lattice.chain(SITES).periodic().build();
    int[] widths = {8, 16, 32};
    // A wider band averages over more entries per jump: fewer realizations reach the same error.
    int[] realizations = {128, 48, 24};
    double[] diffusion = new double[widths.length];
    double[] deviation = new double[widths.length];
    StringBuilder summary = new StringBuilder();
    for (int w = 0; w < widths.length; w++) {
      int b = widths[w];
      double[] msd = meanSquaredDisplacement(ring, b, realizations[w]);
      double jumpVariance = b * (2.0 * b + 1) / 6;
      double measured = (msd[2] - msd[0]) / (2 * (TIMES[2] - TIMES[0]));
      double ladder =
          jumpVariance * (ladderSum(TIMES[2]) - ladderSum(TIMES[0])) / (2 * (TIMES[2] - TIMES[0]));
      double asymptotic = 8 * jumpVariance / (3 * Math.PI);
      diffusion[w] = measured;
      summary.append(
          String.format(
              Locale.ROOT,
              "b = %d: D = %.2f, ladder %.2f (asymptotic %.2f), D/b^2 = %.4f; ",
              b,
              measured,
              ladder,
              asymptotic,
              measured / (b * b)));
      // The window's slope is the asymptotic D to within 2 %: the ballistic start is over.
      assertEquals(1.0, ladder / asymptotic, 0.02, summary.toString());
      // Diffusion, not ballistic motion: the MSD grows by equal amounts per unit time.
      double early = (msd[1] - msd[0]) / (TIMES[1] - TIMES[0]);
      double late = (msd[2] - msd[1]) / (TIMES[2] - TIMES[1]);
      assertEquals(1.0, late / early, 0.12, "b = " + b + ": slopes " + early + ", " + late);
      // The ladder result holds as b grows; at finite b interference lowers D a little.
      assertEquals(1.0, measured / ladder, 0.2, summary.toString());
      deviation[w] = 1 - measured / ladder;
    }
    assertTrue(
        deviation[1] < deviation[0] && deviation[2] < deviation[0],
        "wider bands should follow the ladder result more closely: " + summary);
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (int w = 0; w < widths.length; w++) {
      double scaled = diffusion[w] / (widths[w] * widths[w]);
      min = Math.min(min, scaled);
      max = Math.max(max, scaled);
    }
    assertTrue(max / min < 1.15, "D / b^2 varies by more than 15 %: " + summary);
  }

  /**
   * The MSD at {@link #TIMES}, averaged over realizations (run on all threads, summed in order).
   */
  private static double[] meanSquaredDisplacement(Lattice ring, int b, int realizations) {
    double sigma = 1 / Math.sqrt(4.0 * (b + 1));
    double[][] runs = new double[realizations][];
    // A ring of 2^14 sites fits in one block of the kernels: spread realizations over the threads.
    Parallel.forRange(
        realizations,
        1,
        (from, to) -> {
          for (int r = from; r < to; r++) {
            Hamiltonian h =
                Hamiltonian.on(ring).bandMatrix(b, Disorder.normal(sigma).seed(5000 + r)).build();
            runs[r] =
                Evolution.of(h)
                    .propagator(Propagators.chebyshev().tolerance(1e-10))
                    .times(TimeGrid.of(TIMES))
                    .observe(Observables.meanSquaredDisplacement())
                    .run(WaveFunction.delta(ring))
                    .column("msd");
          }
        });
    double[] mean = new double[TIMES.length];
    for (double[] run : runs) {
      for (int i = 0; i < mean.length; i++) {
        mean[i] += run[i] / realizations;
      }
    }
    return mean;
  }

  /** {@code sum_m m^3 J_m(2t)^2 / t^2}: the ladder MSD is {@code <d^2>} times this minus 1. */
  private static double ladderSum(double t) {
    double x = 2 * t;
    double[] j = BesselJ.rjBesl(x, 0.0, (int) Math.ceil(x + 20 * Math.cbrt(x) + 40)).getVals();
    double sum = 0;
    for (int m = 1; m < j.length; m++) {
      sum += (double) m * m * m * j[m] * j[m];
    }
    return sum / (t * t);
  }
}
