package org.qdiff.hamiltonian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.DenseEigen;
import org.qdiff.propagate.BoundaryGuard;
import org.qdiff.propagate.Evolution;
import org.qdiff.propagate.Propagators;
import org.qdiff.state.WaveFunction;

/** Peierls phases: self-adjointness, Hofstadter spectra, gauge invariance, 2 pi = no flux. */
class MagneticFluxTest {

  /** A random normalized state (all N s components). */
  static WaveFunction randomState(Lattice lattice, long seed) {
    Random random = new Random(seed);
    double[] re = new double[lattice.states()];
    double[] im = new double[lattice.states()];
    for (int i = 0; i < re.length; i++) {
      re[i] = random.nextGaussian();
      im[i] = random.nextGaussian();
    }
    return WaveFunction.fromArrays(lattice, re, im);
  }

  /** {@code <phi|H psi> = conj(<psi|H phi>)} on random complex vectors, to 1e-12 relative. */
  static void assertSelfAdjoint(Hamiltonian h) {
    for (long seed = 1; seed <= 3; seed++) {
      WaveFunction phi = randomState(h.lattice(), seed);
      WaveFunction psi = randomState(h.lattice(), seed + 100);
      Complex a = phi.inner(h.apply(psi));
      Complex b = psi.inner(h.apply(phi)).conjugate();
      assertTrue(
          a.subtract(b).norm() <= 1e-12 * a.norm(),
          h + ": <phi|H psi> = " + a + " but conj(<psi|H phi>) = " + b);
    }
  }

  /** The eigenvalues, each once (a complex operator's real embedding gives each twice). */
  static double[] spectrum(Hamiltonian h) {
    double[] all = DenseEigen.of(h.operator()).eigenvalues();
    if (!h.isComplex()) {
      return all;
    }
    double[] once = new double[all.length / 2];
    for (int i = 0; i < once.length; i++) {
      once[i] = all[2 * i];
    }
    return once;
  }

  private static void assertSameSpectrum(double[] expected, double[] actual, double tolerance) {
    double[] e = expected.clone();
    Arrays.sort(e);
    assertEquals(e.length, actual.length);
    for (int i = 0; i < e.length; i++) {
      assertEquals(e[i], actual[i], tolerance, "eigenvalue " + i);
    }
  }

  @Test
  void everyHamiltonianWithFluxOrSpinIsSelfAdjoint() {
    Lattice open = Lattice.square(9, 7).build();
    Lattice torus = Lattice.square(12).periodic().build();
    Lattice cube = Lattice.cubic(4, 5, 3).periodic(2).build();
    Lattice spinful = Lattice.square(6, 5).periodic(0).spinHalf().build();
    Lattice threeStates = Lattice.square(5).periodic().internalStates(3).build();
    Disorder disorder = Disorder.box(2.0).seed(3);
    List<Hamiltonian> all = new ArrayList<>();
    for (Gauge gauge : Gauge.values()) {
      all.add(Hamiltonian.on(open).hopping(1).flux(0.37, gauge).onsite(disorder).build());
      all.add(Hamiltonian.on(cube).laplacian().flux(-1.1, gauge).build());
    }
    all.add(Hamiltonian.on(torus).hopping(0.8).flux(2 * Math.PI * 5 / 12).build());
    all.add(Hamiltonian.on(torus).hopping(0.8).flux(2 * Math.PI * 7 / 12, Gauge.LANDAU_Y).build());
    all.add(
        Hamiltonian.on(open)
            .hopping((from, to) -> new Complex(Math.cos(from), Math.sin(to)))
            .flux(0.2, Gauge.SYMMETRIC)
            .build());
    all.add(Hamiltonian.on(spinful).hopping(1).onsite(disorder).build());
    all.add(
        Hamiltonian.on(spinful)
            .hopping(1)
            .onsite(disorder)
            .spinOrbit(SpinOrbit.randomSU2().seed(4))
            .build());
    all.add(
        Hamiltonian.on(spinful)
            .laplacian()
            .flux(0.5, Gauge.LANDAU_Y)
            .spinOrbit(SpinOrbit.randomSU2().strength(0.3).seed(5))
            .build());
    all.add(
        Hamiltonian.on(spinful)
            .hopping((from, to) -> new Complex(0.5, 0.1 * from))
            .spinOrbit(SpinOrbit.randomSU2().seed(6))
            .build());
    all.add(
        Hamiltonian.on(threeStates)
            .laplacian()
            .potentialAt(x -> 0.1 * x[0] * x[1])
            .onsite(disorder)
            .build());
    for (Hamiltonian h : all) {
      assertSelfAdjoint(h);
      double[] bounds = {h.spectralBounds().lower(), h.spectralBounds().upper()};
      double[] spectrum = spectrum(h);
      assertTrue(bounds[0] <= spectrum[0] + 1e-12 && spectrum[spectrum.length - 1] <= bounds[1]);
    }
  }

  @Test
  void halfFluxQuantumGivesTheHofstadterBandsOfPiFlux() {
    // phi = pi: E = +-2 sqrt(cos^2 kx + cos^2 ky), kx in the magnetic zone [0, pi), ky in [0, 2pi).
    int side = 8;
    List<Double> exact = new ArrayList<>();
    for (int m = 0; m < side / 2; m++) {
      for (int n = 0; n < side; n++) {
        double kx = 2 * Math.PI * m / side;
        double ky = 2 * Math.PI * n / side;
        double e = 2 * Math.hypot(Math.cos(kx), Math.cos(ky));
        exact.add(e);
        exact.add(-e);
      }
    }
    double[] expected = exact.stream().mapToDouble(Double::doubleValue).toArray();
    Lattice torus = Lattice.square(side).periodic().build();
    for (Gauge gauge : new Gauge[] {Gauge.LANDAU_X, Gauge.LANDAU_Y}) {
      Hamiltonian h = Hamiltonian.on(torus).hopping(1).flux(Math.PI, gauge).build();
      assertSameSpectrum(expected, spectrum(h), 1e-12);
    }
  }

  @Test
  void thirdOfAFluxQuantumSatisfiesChambersRelation() {
    // phi = 2 pi / 3: the three bands solve E^3 - 6E = 2 (cos 3kx + cos 3ky) (Chambers), kx in
    // the magnetic zone [0, 2 pi / 3). The set over the grid is symmetric under E -> -E.
    int side = 12;
    List<Double> exact = new ArrayList<>();
    for (int m = 0; m < side / 3; m++) {
      for (int n = 0; n < side; n++) {
        double c = Math.cos(3 * 2 * Math.PI * m / side) + Math.cos(3 * 2 * Math.PI * n / side);
        // E = 2 sqrt2 cos(theta), cos(3 theta) = c / (2 sqrt 2)
        double theta = Math.acos(c / (2 * Math.sqrt(2))) / 3;
        for (int k = 0; k < 3; k++) {
          exact.add(2 * Math.sqrt(2) * Math.cos(theta - 2 * Math.PI * k / 3));
        }
      }
    }
    double[] expected = exact.stream().mapToDouble(Double::doubleValue).toArray();
    Lattice torus = Lattice.square(side).periodic().build();
    Hamiltonian h = Hamiltonian.on(torus).hopping(1).flux(2 * Math.PI / 3).build();
    assertSameSpectrum(expected, spectrum(h), 1e-11);
  }

  @Test
  void gaugesGiveTheSameSpectrumAndTheSameProbabilities() {
    Lattice open = Lattice.square(11, 9).build();
    double phi = 0.61;
    WaveFunction start = WaveFunction.delta(open, open.site(1, -2));
    double[] reference = null;
    double[] referenceP = null;
    for (Gauge gauge : Gauge.values()) {
      Hamiltonian h = Hamiltonian.on(open).hopping(1).flux(phi, gauge).build();
      double[] spectrum = spectrum(h);
      double[] p =
          Evolution.of(h)
              .propagator(Propagators.chebyshev().tolerance(1e-14))
              .times(4.0)
              .boundary(BoundaryGuard.off()) // a small box in its own right
              .run(start)
              .finalState()
              .probabilityArray();
      if (reference == null) {
        reference = spectrum;
        referenceP = p;
        continue;
      }
      assertSameSpectrum(reference, spectrum, 1e-12);
      for (int i = 0; i < p.length; i++) {
        assertEquals(referenceP[i], p[i], 1e-12, gauge + " at site " + i);
      }
    }
    // On a torus with a commensurate flux both Landau gauges have trivial loops around the holes.
    Lattice torus = Lattice.square(12).periodic().build();
    double commensurate = 2 * Math.PI * 5 / 12;
    assertSameSpectrum(
        spectrum(Hamiltonian.on(torus).hopping(1).flux(commensurate, Gauge.LANDAU_X).build()),
        spectrum(Hamiltonian.on(torus).hopping(1).flux(commensurate, Gauge.LANDAU_Y).build()),
        1e-12);
  }

  @Test
  void fluxOfOneQuantumIsNoFlux() {
    Lattice open = Lattice.square(9, 8).build();
    Lattice torus = Lattice.square(10).periodic().build();
    for (Lattice lattice : new Lattice[] {open, torus}) {
      Hamiltonian none = Hamiltonian.on(lattice).hopping(1).build();
      for (Gauge gauge : new Gauge[] {Gauge.LANDAU_X, Gauge.LANDAU_Y, Gauge.SYMMETRIC}) {
        if (gauge == Gauge.SYMMETRIC && lattice == torus) {
          continue;
        }
        Hamiltonian full = Hamiltonian.on(lattice).hopping(1).flux(2 * Math.PI, gauge).build();
        if (gauge == Gauge.SYMMETRIC) {
          // Bond phases of pi x and pi y: the gauge transform exp(i pi x y) of no flux.
          assertSameSpectrum(spectrum(none), spectrum(full), 1e-12);
          continue;
        }
        for (long seed = 1; seed <= 2; seed++) {
          WaveFunction psi = randomState(lattice, seed);
          WaveFunction a = none.apply(psi);
          WaveFunction b = full.apply(psi);
          assertTrue(a.distance(b) <= 1e-12 * a.norm(), lattice + " " + gauge);
        }
      }
    }
  }

  @Test
  void spinIndependentFluxDoublesTheSpinlessSpectrum() {
    Lattice plain = Lattice.square(5, 4).build();
    Lattice spinful = Lattice.square(5, 4).spinHalf().build();
    Disorder disorder = Disorder.normal(0.7).seed(11);
    double[] once = spectrum(Hamiltonian.on(plain).hopping(1).flux(0.8).onsite(disorder).build());
    double[] twice = new double[2 * once.length];
    for (int i = 0; i < once.length; i++) {
      twice[2 * i] = once[i];
      twice[2 * i + 1] = once[i];
    }
    assertSameSpectrum(
        twice,
        spectrum(Hamiltonian.on(spinful).hopping(1).flux(0.8).onsite(disorder).build()),
        1e-12);
  }
}
