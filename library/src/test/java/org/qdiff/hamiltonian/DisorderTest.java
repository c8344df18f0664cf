package org.qdiff.hamiltonian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.qdiff.lattice.Lattice;

class DisorderTest {

  private final Lattice square = Lattice.square(50).build();

  @Test
  void sameSeedGivesTheSamePotential() {
    double[] a = Hamiltonian.on(square).onsite(Disorder.normal().seed(7)).build().onsiteEnergies();
    double[] b = Hamiltonian.on(square).onsite(Disorder.normal().seed(7)).build().onsiteEnergies();
    assertArrayEquals(a, b, 0.0);
  }

  @Test
  void valuesAreThePotentialTheBuilderAdds() {
    Disorder v = Disorder.box(5).seed(9);
    double[] anderson = Hamiltonian.on(square).laplacian().onsite(v).build().onsiteEnergies();
    double[] values = v.values(square);
    for (int i = 0; i < values.length; i++) {
      assertEquals(4.0 + values[i], anderson[i], 1e-15); // diagonal 2d of the Laplacian (9)
    }
  }

  @Test
  void differentSeedsGiveDifferentPotentials() {
    double[] a = Hamiltonian.on(square).onsite(Disorder.box(2).seed(1)).build().onsiteEnergies();
    double[] b = Hamiltonian.on(square).onsite(Disorder.box(2).seed(2)).build().onsiteEnergies();
    int equal = 0;
    for (int i = 0; i < a.length; i++) {
      equal += a[i] == b[i] ? 1 : 0;
    }
    assertEquals(0, equal);
  }

  @Test
  void distributionsHaveTheirMoments() {
    int n = 400_000;
    double[] normal = Disorder.normal().seed(3).sample(n, 0);
    assertEquals(0.0, mean(normal), 5 / Math.sqrt(n));
    assertEquals(1.0, variance(normal), 0.01);

    double[] box = Disorder.box(16.5).seed(3).sample(n, 0);
    assertTrue(Arrays.stream(box).allMatch(v -> v >= -8.25 && v <= 8.25));
    assertEquals(16.5 * 16.5 / 12, variance(box), 0.01 * 16.5 * 16.5 / 12);

    double[] binary = Disorder.binary(3).seed(3).sample(n, 0);
    assertTrue(Arrays.stream(binary).allMatch(v -> v == -1.5 || v == 1.5));
    assertEquals(0.0, mean(binary), 5 * 1.5 / Math.sqrt(n));

    double[] cauchy = Disorder.cauchy(2).seed(3).sample(n, 0);
    double[] sorted = cauchy.clone();
    Arrays.sort(sorted);
    // Quartiles of Cauchy(0, gamma) are -gamma and +gamma.
    assertEquals(-2.0, sorted[n / 4], 0.05);
    assertEquals(2.0, sorted[3 * n / 4], 0.05);
    assertFalse(Arrays.stream(cauchy).anyMatch(v -> !Double.isFinite(v)));
  }

  @Test
  void bandMatrixDiagonalIsTwiceTheEntry() {
    Lattice chain = Lattice.chain(30).build();
    Disorder entries = Disorder.normal().seed(4);
    double[] diagonal = Hamiltonian.on(chain).bandMatrix(2, entries).build().onsiteEnergies();
    for (int x = 0; x < 30; x++) {
      assertEquals(2 * entries.value(1, (long) x * 30 + x), diagonal[x], 1e-15);
    }
  }

  private static double mean(double[] v) {
    return Arrays.stream(v).average().orElseThrow();
  }

  private static double variance(double[] v) {
    double m = mean(v);
    return Arrays.stream(v).map(x -> (x - m) * (x - m)).average().orElseThrow();
  }
}
