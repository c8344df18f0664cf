package org.qdiff.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.function.IntFunction;
import org.hipparchus.special.elliptic.legendre.LegendreEllipticIntegral;
import org.junit.jupiter.api.Test;
import org.qdiff.hamiltonian.Disorder;
import org.qdiff.hamiltonian.Gauge;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.hamiltonian.HamiltonianBuilder;
import org.qdiff.hamiltonian.SpinOrbit;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Fourier;
import org.qdiff.numeric.Parallel;
import org.qdiff.observe.Observable;
import org.qdiff.observe.Profiles;
import org.qdiff.propagate.BoundaryGuard;
import org.qdiff.propagate.Evolution;
import org.qdiff.propagate.Propagators;
import org.qdiff.propagate.TimeGrid;
import org.qdiff.state.Spinor;
import org.qdiff.state.WaveFunction;

/**
 * Weak localization seen in the disorder-averaged momentum distribution of a wave launched with
 * momentum k0 into the 2D Anderson model {@code H = -sum_<xy> |x><y| + v(x)}, v uniform in [-W/2,
 * W/2] (and in the return probability of a source).
 *
 * <p>Scattering time from the Born approximation: {@code 1/tau = 2 pi nu(E) W^2 / 12} with the
 * exact density of states per site of the square lattice {@code nu(E) = K(1 - E^2/16) / (2 pi^2)}
 * (K the complete elliptic integral, parameter m). At W = 5 and E(k0) = -2.59 this gives tau =
 * 0.78, mean free path l = v tau = 1.6 and k l = 2.0; the momentum distributions are taken at t = 8
 * tau, when the unscattered part exp(-t/tau) is 3e-4 of the norm.
 *
 * <p>The contrast {@code C = n(-k0) / n_bg - 1} is that of {@link Backscattering}: discs around -k0
 * against the six other images of k0 under the square's point group. Errors are jackknife standard
 * errors of the ratio of disorder means. Expected: C = 1 with time-reversal symmetry (less the part
 * of the peak the disc and the packet's momentum spread cut off), C near 0 when a flux dephases the
 * time-reversed paths, C = -1/2 with strong SU(2) spin-orbit coupling.
 */
class CoherentBackscatteringTest {

  private static final double DISORDER = 5.0;
  private static final double MOMENTUM_X = Math.PI / 3;
  private static final double MOMENTUM_Y = Math.PI / 5;

  /** The Born scattering time at the band energy of k. */
  static double bornScatteringTime(double kx, double ky, double width) {
    double e = -2 * (Math.cos(kx) + Math.cos(ky));
    double dos = LegendreEllipticIntegral.bigK(1 - e * e / 16) / (2 * Math.PI * Math.PI);
    return 1 / (2 * Math.PI * dos * width * width / 12);
  }

  /** Per realization: {peak, background} of the momentum distribution at time t. */
  private static double[][] realizations(
      Lattice lattice,
      Backscattering cbs,
      WaveFunction initial,
      double time,
      int count,
      BoundaryGuard guard,
      IntFunction<Hamiltonian> hamiltonian) {
    double[][] out = new double[2][count];
    // One realization per task: deterministic, each writes its own slot.
    Parallel.forRange(
        count,
        1,
        (from, to) -> {
          for (int r = from; r < to; r++) {
            WaveFunction psi =
                Evolution.of(hamiltonian.apply(r))
                    .propagator(Propagators.chebyshev().tolerance(1e-10))
                    .times(time)
                    .boundary(guard)
                    .run(initial)
                    .finalState();
            double[] n = Profiles.momentumDistribution(psi);
            out[0][r] = cbs.peak(n);
            out[1][r] = cbs.background(n);
          }
        });
    return out;
  }

  static double[] ratioMinusOne(double[][] ab) {
    return ratioMinusOne(ab[0], ab[1]);
  }

  /** {ratio - 1 of the means, its jackknife standard error}. */
  static double[] ratioMinusOne(double[] a, double[] b) {
    int r = a.length;
    double sa = 0;
    double sb = 0;
    for (int i = 0; i < r; i++) {
      sa += a[i];
      sb += b[i];
    }
    double[] leaveOut = new double[r];
    double mean = 0;
    for (int i = 0; i < r; i++) {
      leaveOut[i] = (sa - a[i]) / (sb - b[i]);
      mean += leaveOut[i] / r;
    }
    double var = 0;
    for (double v : leaveOut) {
      var += (v - mean) * (v - mean);
    }
    return new double[] {sa / sb - 1, Math.sqrt(var * (r - 1) / r)};
  }

  private static HamiltonianBuilder anderson(Lattice lattice, int realization) {
    return Hamiltonian.on(lattice)
        .hopping(1.0)
        .onsite(Disorder.box(DISORDER).seed(1000 + realization));
  }

  @Test
  void backscatteringPeakHasContrastNearOneAndTurnsNegativeWithSpinOrbitCoupling() {
    // A wide packet (sigma_k = 1/24) on a periodic box: its momentum spread stays below the width
    // of the peak, about 1/sqrt(2 D t) = 0.2, and the wave covers many speckle grains.
    int side = 96;
    double tau = bornScatteringTime(MOMENTUM_X, MOMENTUM_Y, DISORDER);
    double time = 8 * tau;
    Lattice lattice = Lattice.square(side).periodic().build();
    Backscattering cbs = Backscattering.at(lattice, MOMENTUM_X, MOMENTUM_Y).radius(0.1);
    double[] k0 = cbs.momentum();
    WaveFunction packet =
        WaveFunction.gaussianPacket(lattice).width(12).momentum(k0[0], k0[1]).build();
    long start = System.nanoTime();
    double[][] plain =
        realizations(
            lattice,
            cbs,
            packet,
            time,
            800,
            BoundaryGuard.off(),
            r -> anderson(lattice, r).build());
    double[] contrast = ratioMinusOne(plain[0], plain[1]);
    double plainSeconds = (System.nanoTime() - start) * 1e-9;

    Lattice spinful = Lattice.square(side).periodic().spinHalf().build();
    WaveFunction spinUp =
        WaveFunction.gaussianPacket(spinful)
            .width(12)
            .momentum(k0[0], k0[1])
            .spinor(Spinor.up())
            .build();
    start = System.nanoTime();
    double[][] coupled =
        realizations(
            spinful,
            Backscattering.at(spinful, k0).radius(0.1),
            spinUp,
            time,
            160,
            BoundaryGuard.off(),
            r -> anderson(spinful, r).spinOrbit(SpinOrbit.randomSU2().seed(5000 + r)).build());
    double[] antiContrast = ratioMinusOne(coupled[0], coupled[1]);
    double spinSeconds = (System.nanoTime() - start) * 1e-9;
    System.out.printf(
        Locale.ROOT,
        "CBS %dx%d periodic, W = %.1f, k0 = (%.4f, %.4f), tau_Born = %.3f, t = %.2f:%n"
            + "  no field:            C = %.3f +- %.3f (R = 800, %.1f s)%n"
            + "  random SU(2) links:  C = %.3f +- %.3f (R = 160, %.1f s)%n",
        side,
        side,
        DISORDER,
        k0[0],
        k0[1],
        tau,
        time,
        contrast[0],
        contrast[1],
        plainSeconds,
        antiContrast[0],
        antiContrast[1],
        spinSeconds);
    assertTrue(contrast[0] > 0.7, "contrast without field " + contrast[0]);
    assertTrue(contrast[0] < 1.2, "contrast without field " + contrast[0]);
    assertTrue(antiContrast[0] < -0.25, "contrast with spin-orbit coupling " + antiContrast[0]);
    assertTrue(antiContrast[0] > -0.75, "contrast with spin-orbit coupling " + antiContrast[0]);
  }

  @Test
  void magneticFluxDestroysTheBackscatteringPeak() {
    // In a field only the canonical momentum has a Fourier transform, and it depends on the gauge:
    // the symmetric gauge centred at the launch point keeps it close to the kinetic momentum over
    // the cloud (|A| <= phi r / 2), on an open box much larger than the cloud.
    int side = 96;
    double tau = bornScatteringTime(MOMENTUM_X, MOMENTUM_Y, DISORDER);
    double time = 8 * tau;
    double flux = 0.15; // 2 phi D t = 3.3 with D = v^2 tau / 2 = 1.75
    Lattice lattice = Lattice.square(side).build();
    Backscattering cbs = Backscattering.at(lattice, MOMENTUM_X, MOMENTUM_Y).radius(0.12);
    double[] k0 = cbs.momentum();
    WaveFunction packet =
        WaveFunction.gaussianPacket(lattice).width(8).momentum(k0[0], k0[1]).build();
    BoundaryGuard guard = BoundaryGuard.fail(1e-4); // reflected weight would fake images
    long start = System.nanoTime();
    double[] without =
        ratioMinusOne(
            realizations(
                lattice, cbs, packet, time, 200, guard, r -> anderson(lattice, r).build()));
    double[] with =
        ratioMinusOne(
            realizations(
                lattice,
                cbs,
                packet,
                time,
                200,
                guard,
                r -> anderson(lattice, r).flux(flux, Gauge.SYMMETRIC).build()));
    System.out.printf(
        Locale.ROOT,
        "CBS %dx%d open, W = %.1f, t = %.2f, packet width 8: C = %.3f +- %.3f without field,"
            + " %.3f +- %.3f with flux %.2f per plaquette (R = 200 each, %.1f s)%n",
        side,
        side,
        DISORDER,
        time,
        without[0],
        without[1],
        with[0],
        with[1],
        flux,
        (System.nanoTime() - start) * 1e-9);
    assertTrue(with[0] < 0.2, "contrast with flux " + with[0]);
    assertTrue(without[0] - with[0] > 0.5, "the flux must remove the peak: " + without[0]);
  }

  /**
   * A point source filtered to the energy shell of k0, {@code psi_0 = f(H_0)|0>} with f a Gaussian
   * of width 0.3 around E(k0) and H_0 the clean lattice: real, so that every path returning to it
   * has a time-reversed partner of the same amplitude. The probability to be back in it, {@code
   * sum_sigma |<psi_0, sigma|psi_t>|^2}, is twice its classical value in the diffusive regime; a
   * flux dephasing the partners leaves the classical value. With strong spin-orbit coupling the
   * partners interfere destructively (1/2 in the diffusive limit).
   */
  @Test
  void returnProbabilityIsEnhancedWithoutFieldAndReducedWithSpinOrbitCoupling() {
    int side = 64;
    double flux = 2 * Math.PI * 2 / side; // commensurate with the periodic box, Landau gauge
    TimeGrid window = TimeGrid.linear(10, 20, 11);
    long start = System.nanoTime();
    double[] plain = returnRatio(side, false, flux, window, 100);
    double plainSeconds = (System.nanoTime() - start) * 1e-9;
    start = System.nanoTime();
    double[] coupled = returnRatio(side, true, flux, window, 40);
    System.out.printf(
        Locale.ROOT,
        "return to an energy-filtered source, %dx%d periodic, W = %.1f, t in [10, 20]:%n"
            + "  P(no field) / P(flux %.3f) = %.3f +- %.3f (R = 100, %.1f s)%n"
            + "  with random SU(2) links:    %.3f +- %.3f (R = 40, %.1f s)%n",
        side,
        side,
        DISORDER,
        flux,
        plain[0] + 1,
        plain[1],
        plainSeconds,
        coupled[0] + 1,
        coupled[1],
        (System.nanoTime() - start) * 1e-9);
    assertTrue(plain[0] + 1 > 1.5 && plain[0] + 1 < 2.5, "enhancement " + (plain[0] + 1));
    assertTrue(coupled[0] + 1 < 0.85, "ratio with spin-orbit coupling " + (coupled[0] + 1));
  }

  /** {ratio - 1, error} of the time-averaged return probability without and with the flux. */
  private static double[] returnRatio(
      int side, boolean spin, double flux, TimeGrid window, int count) {
    Lattice lattice =
        spin
            ? Lattice.square(side).periodic().spinHalf().build()
            : Lattice.square(side).periodic().build();
    WaveFunction[] profile = filteredSource(lattice, -2.6, 0.3);
    Observable back =
        Observable.of(
            "back",
            s -> {
              double p = 0;
              for (WaveFunction chi : profile) {
                p += chi.overlap(s.waveFunction());
              }
              return p;
            });
    double[][] p = new double[2][count];
    Parallel.forRange(
        2 * count,
        1,
        (from, to) -> {
          for (int job = from; job < to; job++) {
            int r = job / 2;
            HamiltonianBuilder h = anderson(lattice, r);
            if (job % 2 == 1) {
              h.flux(flux, Gauge.LANDAU_X);
            }
            if (spin) {
              h.spinOrbit(SpinOrbit.randomSU2().seed(5000 + r));
            }
            double[] values =
                Evolution.of(h.build())
                    .propagator(Propagators.chebyshev().tolerance(1e-10))
                    .times(window)
                    .observe(back)
                    .boundary(BoundaryGuard.off())
                    .run(profile[0])
                    .column("back");
            double mean = 0;
            for (double v : values) {
              mean += v / values.length;
            }
            p[job % 2][r] = mean;
          }
        });
    return ratioMinusOne(p[0], p[1]);
  }

  /**
   * The source {@code f(H_0)|0>} centred at the origin, in each internal state (index 0 is the
   * initial state).
   */
  private static WaveFunction[] filteredSource(Lattice lattice, double energy, double width) {
    int side = lattice.side(0);
    int n = side * side;
    double[] re = new double[n];
    double[] im = new double[n];
    for (int i = 0; i < n; i++) {
      double e =
          -2
              * (Math.cos(Fourier.waveNumber(i / side, side))
                  + Math.cos(Fourier.waveNumber(i % side, side)));
      re[i] = Math.exp(-(e - energy) * (e - energy) / (2 * width * width));
    }
    Fourier.of(side, side).inverse(re, im); // centred at raw index 0: real and even
    int s = lattice.internalStates();
    WaveFunction[] out = new WaveFunction[s];
    for (int sigma = 0; sigma < s; sigma++) {
      double[] r = new double[lattice.states()];
      for (int i = 0; i < n; i++) {
        int x = (i / side + side / 2) % side;
        int y = (i % side + side / 2) % side;
        r[(x * side + y) * s + sigma] = re[i];
      }
      out[sigma] = WaveFunction.fromArrays(lattice, r, new double[r.length]);
    }
    return out;
  }
}
