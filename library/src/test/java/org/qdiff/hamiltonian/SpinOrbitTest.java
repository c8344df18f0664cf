package org.qdiff.hamiltonian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qdiff.lattice.Lattice;

/** The random SU(2) model: its matrices, Kramers degeneracy, and the limit without coupling. */
class SpinOrbitTest {

  @Test
  void bondMatricesAreHaarDistributedInSU2() {
    SpinOrbit coupling = SpinOrbit.randomSU2().seed(21);
    double[] re = new double[4];
    double[] im = new double[4];
    int samples = 20000;
    double trace = 0;
    double traceSquared = 0;
    for (int bond = 0; bond < samples; bond++) {
      coupling.matrix(HamiltonianBuilder.SPIN_ORBIT_STREAM, bond, re, im, 0);
      // U U^dagger = 1
      for (int i = 0; i < 2; i++) {
        for (int j = 0; j < 2; j++) {
          double sr = 0;
          double si = 0;
          for (int k = 0; k < 2; k++) {
            sr += re[2 * i + k] * re[2 * j + k] + im[2 * i + k] * im[2 * j + k];
            si += im[2 * i + k] * re[2 * j + k] - re[2 * i + k] * im[2 * j + k];
          }
          assertEquals(i == j ? 1 : 0, sr, 1e-14);
          assertEquals(0, si, 1e-14);
        }
      }
      // det U = 1
      assertEquals(1, re[0] * re[3] - im[0] * im[3] - re[1] * re[2] + im[1] * im[2], 1e-14);
      assertEquals(0, re[0] * im[3] + im[0] * re[3] - re[1] * im[2] - im[1] * re[2], 1e-14);
      double t = re[0] + re[3];
      trace += t;
      traceSquared += t * t;
    }
    // Haar measure: tr U = 2 q0 with q0 the first coordinate of a uniform point on S^3:
    // E[tr U] = 0, E[(tr U)^2] = 1, Var[(tr U)^2] = 1.
    double error = 1 / Math.sqrt(samples);
    assertEquals(0, trace / samples, 5 * error);
    assertEquals(1, traceSquared / samples, 5 * error);
  }

  @Test
  void strengthScalesTheRotationAngle() {
    double[] full = new double[4];
    double[] fullIm = new double[4];
    double[] part = new double[4];
    double[] partIm = new double[4];
    for (int bond = 0; bond < 100; bond++) {
      SpinOrbit.randomSU2().seed(2).matrix(2, bond, full, fullIm, 0);
      SpinOrbit.randomSU2().strength(0.25).seed(2).matrix(2, bond, part, partIm, 0);
      double angle = Math.acos(Math.max(-1, Math.min(1, full[0])));
      assertEquals(Math.cos(0.25 * angle), part[0], 1e-12);
      SpinOrbit.randomSU2().strength(0).seed(2).matrix(2, bond, part, partIm, 0);
      assertEquals(1, part[0], 0.0);
      assertEquals(1, part[3], 0.0);
      assertEquals(0, part[1], 0.0);
      assertEquals(0, partIm[0], 0.0);
    }
  }

  @Test
  void timeReversalWithSpinGivesKramersPairsAndAFluxSplitsThem() {
    Lattice lattice = Lattice.square(5, 4).periodic().spinHalf().build();
    Disorder disorder = Disorder.box(3.0).seed(8);
    SpinOrbit coupling = SpinOrbit.randomSU2().seed(9);
    double[] kramers =
        MagneticFluxTest.spectrum(
            Hamiltonian.on(lattice).hopping(1).onsite(disorder).spinOrbit(coupling).build());
    double smallestGap = Double.POSITIVE_INFINITY;
    for (int i = 0; i < kramers.length; i += 2) {
      assertEquals(kramers[i], kramers[i + 1], 1e-10, "Kramers pair " + i / 2);
      if (i + 2 < kramers.length) {
        smallestGap = Math.min(smallestGap, kramers[i + 2] - kramers[i + 1]);
      }
    }
    assertTrue(smallestGap > 1e-6, "pairs are distinct: " + smallestGap);
    double[] broken =
        MagneticFluxTest.spectrum(
            Hamiltonian.on(Lattice.square(5, 4).spinHalf().build())
                .hopping(1)
                .onsite(disorder)
                .spinOrbit(coupling)
                .flux(0.4, Gauge.SYMMETRIC)
                .build());
    double largestSplitting = 0;
    for (int i = 0; i < broken.length; i += 2) {
      largestSplitting = Math.max(largestSplitting, broken[i + 1] - broken[i]);
    }
    assertTrue(largestSplitting > 1e-3, "a field lifts Kramers degeneracy: " + largestSplitting);
  }

  @Test
  void zeroStrengthIsTheSpinlessModelTwice() {
    Lattice plain = Lattice.square(4, 5).build();
    Lattice spinful = Lattice.square(4, 5).spinHalf().build();
    Disorder disorder = Disorder.box(2.0).seed(1);
    double[] once =
        MagneticFluxTest.spectrum(Hamiltonian.on(plain).hopping(1).onsite(disorder).build());
    double[] twice =
        MagneticFluxTest.spectrum(
            Hamiltonian.on(spinful)
                .hopping(1)
                .onsite(disorder)
                .spinOrbit(SpinOrbit.randomSU2().strength(0).seed(3))
                .build());
    for (int i = 0; i < once.length; i++) {
      assertEquals(once[i], twice[2 * i], 1e-12);
      assertEquals(once[i], twice[2 * i + 1], 1e-12);
    }
  }
}
