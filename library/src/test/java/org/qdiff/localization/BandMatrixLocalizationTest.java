package org.qdiff.localization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.qdiff.hamiltonian.Disorder;
import org.qdiff.random.Seed;

/** The random band matrix (11) on Z: localization length ~ b^2, pairing, the transfer relation. */
class BandMatrixLocalizationTest {

  private static LyapunovSpectrum atBandCentre(int halfWidth, long sites) {
    return TransferMatrix.bandMatrix(halfWidth)
        .entries(Disorder.normal())
        .energy(0.0)
        .length(sites)
        .discard(10L * halfWidth * halfWidth)
        .seed(3)
        .run();
  }

  @Test
  void localizationLengthGrowsAsTheBandWidthSquared() {
    // xi ~ 0.7 b^2; lengths of about 4000 xi give relative errors of 1-2 %.
    int[] b = {4, 8, 16};
    long[] sites = {200_000, 400_000, 800_000};
    LyapunovSpectrum[] r = new LyapunovSpectrum[b.length];
    for (int i = 0; i < b.length; i++) {
      r[i] = atBandCentre(b[i], sites[i]);
      assertTrue(r[i].standardError() < 0.02 * r[i].localizationLength(), r[i].toString());
    }
    String all = Arrays.toString(r);
    for (int i = 0; i + 1 < b.length; i++) {
      // Doubling b multiplies xi by 4 (xi ~ b would give 2, xi ~ b^3 would give 8).
      double ratio = r[i + 1].localizationLength() / r[i].localizationLength();
      assertEquals(4.0, ratio, 0.15 * 4.0, all);
      assertEquals(
          r[i].normalizedLength(),
          r[i + 1].normalizedLength(),
          0.15 * r[i].normalizedLength(),
          all);
    }
    // far beyond the range b of the hopping
    for (int i = 0; i < b.length; i++) {
      assertTrue(r[i].localizationLength() > 2.5 * b[i], r[i].toString());
    }
  }

  @Test
  void lyapunovExponentsComeInPlusMinusPairs() {
    int b = 3;
    LyapunovSpectrum r =
        TransferMatrix.bandMatrix(b)
            .entries(Disorder.normal(0.5))
            .energy(0.3)
            .allExponents()
            .length(200_000)
            .seed(8)
            .run();
    double[] gamma = r.lyapunovExponents();
    double[] error = r.exponentErrors();
    assertEquals(2 * b, gamma.length);
    // Per site, det T_c = -H_{c,c-b} / H_{c,c+b}: the product telescopes, the sum tends to 0.
    assertEquals(0.0, Arrays.stream(gamma).sum(), 1e-3, Arrays.toString(gamma));
    for (int j = 0; j < b; j++) {
      double partner = gamma[2 * b - 1 - j];
      assertEquals(
          gamma[j],
          -partner,
          4 * Math.hypot(error[j], error[2 * b - 1 - j]),
          "pair " + (j + 1) + ": " + Arrays.toString(gamma) + " +- " + Arrays.toString(error));
    }
  }

  @Test
  void transferRelationSolvesTheBandMatrixEquation() {
    // psi propagated site by site satisfies sum_{|y-c| <= b} H_cy psi_y = E psi_c at every site c
    // it used, with H_xy = A_xy + A_yx and A_xy = entries.value(1, x (2b+1) + y - x + b).
    int b = 3;
    int steps = 12;
    double energy = -0.7;
    Disorder entries = Disorder.normal().seed(21);
    Slices slices =
        TransferMatrix.bandMatrix(b).entries(entries).energy(energy).length(2).build().slices();
    int rows = 2 * b;
    double[] y = new double[rows];
    // psi_z for z = -b .. steps + b - 1, stored at z + b; psi_z sits in row z mod 2b.
    double[] psi = new double[steps + 2 * b];
    Seed start = Seed.of(5);
    for (int z = -b; z < b; z++) {
      double value = start.uniform(0, z + b) - 0.5;
      y[Math.floorMod(z, rows)] = value;
      psi[z + b] = value;
    }
    for (int c = 0; c < steps; c++) {
      slices.step(c, y, 1);
      psi[c + 2 * b] = y[Math.floorMod(c + b, rows)];
    }
    double scale = Arrays.stream(psi).map(Math::abs).max().orElseThrow();
    for (int c = 0; c < steps; c++) {
      double sum = 0;
      for (int other = c - b; other <= c + b; other++) {
        sum += element(entries, b, c, other) * psi[other + b];
      }
      assertEquals(energy * psi[c + b], sum, 1e-12 * scale, "equation at site " + c);
    }
  }

  private static double element(Disorder entries, int b, long x, long y) {
    return entries.value(1, x * (2L * b + 1) + (y - x + b))
        + entries.value(1, y * (2L * b + 1) + (x - y + b));
  }
}
