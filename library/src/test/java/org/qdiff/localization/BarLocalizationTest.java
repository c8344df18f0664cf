package org.qdiff.localization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qdiff.frame.Frames;
import org.qdiff.hamiltonian.Disorder;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.lattice.Lattice;
import org.qdiff.random.Seed;
import org.qdiff.state.WaveFunction;
import tech.tablesaw.api.Table;

/**
 * Strips and bars of the Anderson model: exact exponents of the clean bar, the symplectic pairing,
 * the transfer relation against the Hamiltonian it solves, and the metal-insulator transition in
 * three dimensions (MacKinnon and Kramer).
 */
class BarLocalizationTest {

  private static final int[] WIDTHS = {4, 6, 8};
  private static final double[] DISORDERS = {12.0, 16.5, 20.0};

  /** Lambda_M / M of 3D bars, periodic, E = 0, box disorder: rows (M, W) in scan order. */
  private static Table transition;

  @BeforeAll
  static void scanTheTransition() {
    // L = 40 000 slices: relative errors 1-1.5 % (xi <= 11 at W = 12, M = 8); about 5 s of CPU.
    TransferMatrix bar =
        TransferMatrix.bar(3, 4).disorder(Disorder.box(16.5)).length(40_000).seed(11).build();
    transition = LocalizationScan.of(bar).widths(WIDTHS).boxWidths(DISORDERS).run();
  }

  private static double[] normalized(double disorder, String column) {
    double[] w = Frames.column(transition, LocalizationScan.DISORDER);
    double[] values = Frames.column(transition, column);
    return java.util.stream.IntStream.range(0, w.length)
        .filter(row -> w[row] == disorder)
        .mapToDouble(row -> values[row])
        .toArray();
  }

  @Test
  void normalizedLocalizationLengthGrowsWithWidthInTheMetal() {
    double[] lambda = normalized(12.0, LocalizationScan.NORMALIZED);
    double[] error = normalized(12.0, LocalizationScan.NORMALIZED_SEM);
    for (int i = 0; i + 1 < lambda.length; i++) {
      double combined = Math.hypot(error[i], error[i + 1]);
      assertTrue(
          lambda[i + 1] - lambda[i] > 3 * combined,
          "W = 12: Lambda/M should grow from M = "
              + WIDTHS[i]
              + " to "
              + WIDTHS[i + 1]
              + " beyond 3 standard errors: "
              + Arrays.toString(lambda)
              + " +- "
              + Arrays.toString(error));
    }
  }

  @Test
  void normalizedLocalizationLengthFallsWithWidthInTheInsulator() {
    double[] lambda = normalized(20.0, LocalizationScan.NORMALIZED);
    double[] error = normalized(20.0, LocalizationScan.NORMALIZED_SEM);
    for (int i = 0; i + 1 < lambda.length; i++) {
      double combined = Math.hypot(error[i], error[i + 1]);
      assertTrue(
          lambda[i] - lambda[i + 1] > 3 * combined,
          "W = 20: Lambda/M should fall from M = "
              + WIDTHS[i]
              + " to "
              + WIDTHS[i + 1]
              + " beyond 3 standard errors: "
              + Arrays.toString(lambda)
              + " +- "
              + Arrays.toString(error));
    }
  }

  @Test
  void normalizedLocalizationLengthAtTheCriticalDisorderIsTheUniversalValue() {
    // Lambda_c = 0.576 at W_c = 16.54 (Slevin and Ohtsuki 1999; 0.58 in MacKinnon and Kramer
    // 1983); small M adds corrections of a few per cent, our errors are about 1 %.
    double[] lambda = normalized(16.5, LocalizationScan.NORMALIZED);
    for (int i = 0; i < lambda.length; i++) {
      assertEquals(0.576, lambda[i], 0.05 * 0.576, "M = " + WIDTHS[i] + ": " + transition);
    }
  }

  @Test
  void cleanBarExponentsAreThoseOfItsEvanescentChannels() {
    // Without disorder the channels of H_perp separate: psi_{n+1} = (eps_k - E) psi_n - psi_{n-1}
    // grows as exp(+-gamma_k n), cosh gamma_k = |E - eps_k| / 2 when outside the band of channel k.
    // 3D, M = 3, periodic: eps = -2 cos(2 pi k1 / 3) - 2 cos(2 pi k2 / 3) = -4, -1 (x4), 2 (x4).
    double energy = 7.0;
    double[] eps = {-4, -1, -1, -1, -1, 2, 2, 2, 2};
    LyapunovSpectrum bar =
        TransferMatrix.bar(3, 3)
            .energy(energy)
            .allExponents()
            .reorthogonalizeEvery(1)
            .discard(200)
            .length(2_000)
            .run();
    assertArrayEquals(channelExponents(energy, eps), bar.lyapunovExponents(), 1e-12);
    // 2D, M = 4, open: eps_k = -2 cos(k pi / 5), k = 1..4.
    energy = -4.5;
    double[] open = new double[4];
    for (int k = 1; k <= 4; k++) {
      open[k - 1] = -2 * Math.cos(k * Math.PI / 5);
    }
    LyapunovSpectrum strip =
        TransferMatrix.bar(2, 4)
            .open()
            .energy(energy)
            .allExponents()
            .reorthogonalizeEvery(1)
            .discard(200)
            .length(2_000)
            .run();
    assertArrayEquals(channelExponents(energy, open), strip.lyapunovExponents(), 1e-12);
  }

  /** +-acosh(|E - eps_k| / 2) for every channel, largest first. */
  private static double[] channelExponents(double energy, double[] eps) {
    double[] all = new double[2 * eps.length];
    for (int k = 0; k < eps.length; k++) {
      double gamma = ChainLocalizationTest.acosh(Math.abs(energy - eps[k]) / 2);
      all[2 * k] = gamma;
      all[2 * k + 1] = -gamma;
    }
    Arrays.sort(all);
    double[] descending = new double[all.length];
    for (int j = 0; j < all.length; j++) {
      descending[j] = all[all.length - 1 - j];
    }
    return descending;
  }

  @Test
  void lyapunovExponentsComeInPlusMinusPairs() {
    // The transfer matrices are symplectic: det = 1, so all 2N exponents add up to zero to round-
    // off, and the spectrum is symmetric, gamma_j = -gamma_{2N+1-j}, up to the statistics.
    LyapunovSpectrum r =
        TransferMatrix.bar(3, 4)
            .disorder(Disorder.box(10.0))
            .energy(0.5)
            .allExponents()
            .reorthogonalizeEvery(4)
            .length(20_000)
            .seed(5)
            .run();
    double[] gamma = r.lyapunovExponents();
    double[] error = r.exponentErrors();
    int n = gamma.length / 2;
    assertEquals(32, gamma.length);
    Table table = r.table();
    assertEquals(java.util.List.of("j", "gamma", "gamma_sem"), table.columnNames());
    assertArrayEquals(gamma, Frames.column(table, "gamma"), 0.0);
    assertArrayEquals(error, Frames.column(table, "gamma_sem"), 0.0);
    assertEquals(0.0, Arrays.stream(gamma).sum(), 1e-11, Arrays.toString(gamma));
    for (int j = 0; j < n; j++) {
      double partner = gamma[2 * n - 1 - j];
      assertTrue(gamma[j] > 0 && partner < 0, r.toString());
      assertEquals(
          gamma[j],
          -partner,
          4 * Math.hypot(error[j], error[2 * n - 1 - j]) + 1e-12,
          "pair " + (j + 1) + ": " + Arrays.toString(gamma));
    }
    // The N positive exponents alone give the same smallest one (the usual, cheaper run).
    LyapunovSpectrum half =
        TransferMatrix.bar(3, 4)
            .disorder(Disorder.box(10.0))
            .energy(0.5)
            .reorthogonalizeEvery(4)
            .length(20_000)
            .seed(5)
            .run();
    assertEquals(n, half.lyapunovExponents().length);
    assertEquals(
        gamma[n - 1],
        half.smallestPositiveExponent(),
        1e-9 * gamma[n - 1],
        "same vectors, same disorder: " + half);
  }

  @Test
  void transferRelationSolvesTheAndersonHamiltonian() {
    // A solution propagated slice by slice from psi_{-1} = 0 satisfies H psi = E psi on a finite
    // bar with the same hopping and disorder (Hamiltonian package conventions), except on the last
    // slice, whose equation needs psi_L.
    int m = 4;
    int length = 7;
    double energy = 0.3;
    Disorder disorder = Disorder.box(6.0).seed(3);
    Slices slices =
        TransferMatrix.bar(3, m).disorder(disorder).energy(energy).length(2).build().slices();
    int n = m * m;
    double[] y = new double[2 * n];
    Seed start = Seed.of(99);
    for (int i = 0; i < n; i++) {
      y[i] = start.uniform(0, i) - 0.5;
    }
    double[] psi = new double[length * n];
    System.arraycopy(y, 0, psi, 0, n);
    for (int slice = 0; slice + 1 < length; slice++) {
      slices.step(slice, y, 1);
      int half = (slice + 1) % 2 == 1 ? n : 0;
      System.arraycopy(y, half, psi, (slice + 1) * n, n);
    }
    Lattice bar = Lattice.box(length, m, m).periodic(1, 2).build();
    Hamiltonian h = Hamiltonian.on(bar).hopping(1.0).onsite(disorder).build();
    WaveFunction state = WaveFunction.fromArrays(bar, psi, new double[psi.length]);
    double[] amplitude = state.toArrays()[0];
    double[] applied = h.apply(state).toArrays()[0];
    double scale = Arrays.stream(amplitude).map(Math::abs).max().orElseThrow();
    for (int site = 0; site < (length - 1) * n; site++) {
      assertEquals(energy * amplitude[site], applied[site], 1e-12 * scale, "site " + site);
    }
    // and not on the last slice, which sees no psi_L: the check above can fail.
    double worst = 0;
    for (int site = (length - 1) * n; site < length * n; site++) {
      worst = Math.max(worst, Math.abs(applied[site] - energy * amplitude[site]));
    }
    assertTrue(worst > 1e-3 * scale, "the last slice's equation needs psi_L");
  }
}
