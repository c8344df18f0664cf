package org.qdiff.hamiltonian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.DenseEigen;
import org.qdiff.numeric.Lanczos;
import org.qdiff.numeric.Parallel;
import org.qdiff.random.Seed;

/**
 * The Lanczos estimate of the spectral interval against exact diagonalization: it contains the
 * spectrum, lies within a few per cent of its ends, and is never wider than Gershgorin's bounds.
 */
class EstimatedSpectralBoundsTest {

  private record Model(String name, Hamiltonian hamiltonian) {}

  private static List<Model> models() {
    Lattice chain = Lattice.chain(200).build();
    Lattice ring = Lattice.cycle(240);
    Lattice square = Lattice.square(15).periodic().build();
    Lattice cube = Lattice.cubic(8).periodic().build();
    Lattice openCube = Lattice.cubic(7).build();
    List<Model> models = new ArrayList<>();
    List<LongFunction<Disorder>> disorders =
        List.of(
            seed -> Disorder.box(3).seed(seed),
            seed -> Disorder.box(16.5).seed(seed),
            seed -> Disorder.normal(1.5).seed(seed),
            seed -> Disorder.cauchy(0.5).seed(seed),
            seed -> Disorder.binary(2).seed(seed));
    String[] names = {"box W = 3", "box W = 16.5", "normal", "Cauchy", "binary"};
    for (long seed = 1; seed <= 2; seed++) {
      for (int d = 0; d < disorders.size(); d++) {
        Disorder disorder = disorders.get(d).apply(seed);
        String tag = names[d] + ", seed " + seed;
        models.add(new Model("chain, " + tag, on(chain).hopping(1).onsite(disorder).build()));
        models.add(new Model("square, " + tag, on(square).hopping(1).onsite(disorder).build()));
        models.add(new Model("cube, " + tag, on(cube).hopping(1).onsite(disorder).build()));
        models.add(
            new Model("open cube, " + tag, on(openCube).laplacian().onsite(disorder).build()));
      }
      for (int width : new int[] {2, 6, 12}) {
        models.add(
            new Model(
                "band matrix b = " + width + ", seed " + seed,
                on(ring).bandMatrix(width, Disorder.normal().seed(seed)).build()));
      }
      models.add(
          new Model(
              "Peierls phases, flux 1/7 per plaquette, seed " + seed,
              on(square)
                  .hopping(peierls(square, 1.0 / 7))
                  .onsite(Disorder.box(2).seed(seed))
                  .build()));
      Seed phases = Seed.of(seed);
      models.add(
          new Model(
              "random phase per bond, seed " + seed,
              on(square)
                  .hopping(
                      (from, to) ->
                          Complex.valueOf(0, 6.28 * phases.uniform(9, 977L * from + to)).exp())
                  .build()));
    }
    // One isolated level far above the band: a single site with a large potential.
    double[] impurity = new double[200];
    impurity[77] = 40;
    models.add(
        new Model(
            "chain with one impurity of 40", on(chain).hopping(1).potential(impurity).build()));
    return models;
  }

  private static HamiltonianBuilder on(Lattice lattice) {
    return Hamiltonian.on(lattice);
  }

  /** Landau gauge: bonds along axis 1 carry {@code exp(2 pi i phi x_0)}. */
  private static BondAmplitude peierls(Lattice lattice, double flux) {
    return (from, to) -> {
      int[] a = lattice.coordinates(from);
      int[] b = lattice.coordinates(to);
      if (a[1] == b[1]) {
        return Complex.ONE;
      }
      return Complex.valueOf(0, 2 * Math.PI * flux * a[0]).exp();
    };
  }

  @Test
  void theEstimateContainsTheSpectrumAndHugsItsEnds() {
    double worstExcess = 0;
    String worstName = "";
    for (Model model : models()) {
      Hamiltonian h = model.hamiltonian();
      double[] e = DenseEigen.of(h.operator()).eigenvalues();
      double lowest = e[0];
      double highest = e[e.length - 1];
      double width = highest - lowest;
      SpectralBounds estimate = h.estimatedSpectralBounds();
      SpectralBounds gershgorin = h.spectralBounds();
      String name =
          model.name() + ": estimate " + estimate + ", spectrum [" + lowest + ", " + highest + "]";
      assertTrue(estimate.lower() <= lowest && estimate.upper() >= highest, name);
      assertTrue(
          estimate.lower() >= gershgorin.lower() && estimate.upper() <= gershgorin.upper(), name);
      double excess =
          Math.max((estimate.upper() - highest) / width, (lowest - estimate.lower()) / width);
      assertTrue(excess <= 0.03, name + ": excess " + excess + " of the width");
      if (excess > worstExcess) {
        worstExcess = excess;
        worstName = model.name();
      }
    }
    System.out.printf(
        "largest excess of the estimate: %.4f of the width (%s)%n", worstExcess, worstName);
  }

  @Test
  void ritzValuesLieInsideTheSpectrum() {
    for (Model model : models().subList(0, 12)) {
      Hamiltonian h = model.hamiltonian();
      double[] e = DenseEigen.of(h.operator()).eigenvalues();
      double scale = Math.max(Math.abs(e[0]), Math.abs(e[e.length - 1]));
      Lanczos.Extremes x = Lanczos.extremes(h.operator(), Lanczos.DEFAULT_STEPS, 11);
      assertTrue(x.lowest() >= e[0] - 1e-12 * scale, model.name());
      assertTrue(x.highest() <= e[e.length - 1] + 1e-12 * scale, model.name());
      assertTrue(x.lowerResidual() >= 0 && x.upperResidual() >= 0, model.name());
    }
  }

  @Test
  void aSmallSpaceIsExhaustedExactly() {
    // Four sites: the Krylov space is the whole space after four steps, the Ritz values are the
    // eigenvalues 2 cos(pi k / 5) of the open chain, and the residuals vanish.
    Hamiltonian h = Hamiltonian.on(Lattice.chain(4).build()).hopping(1).build();
    Lanczos.Extremes x = Lanczos.extremes(h.operator(), 30, 5);
    assertTrue(x.invariant());
    assertEquals(4, x.steps());
    double top = 2 * Math.cos(Math.PI / 5);
    assertEquals(top, x.highest(), 1e-12);
    assertEquals(-top, x.lowest(), 1e-12);
    assertEquals(0.0, x.upperResidual(), 0.0);
  }

  @Test
  void aConstantHamiltonianHasAOnePointEstimate() {
    Hamiltonian h = Hamiltonian.on(Lattice.square(6).build()).shift(2.5).build();
    SpectralBounds estimate = h.estimatedSpectralBounds();
    assertEquals(2.5, estimate.lower(), 1e-12);
    assertEquals(2.5, estimate.upper(), 1e-12);
  }

  @Test
  void theEstimateIsComputedOnceAndIsTheSameOnOneAndTwoThreads() {
    int before = Parallel.threads();
    try {
      // 96^2 * 12 sites: several blocks of the parallel loops
      Lattice box = Lattice.cubic(96, 96, 12).periodic().build();
      Parallel.setThreads(1);
      Hamiltonian one = Hamiltonian.on(box).hopping(1).onsite(Disorder.box(4).seed(3)).build();
      SpectralBounds a = one.estimatedSpectralBounds();
      assertSame(a, one.estimatedSpectralBounds());
      Parallel.setThreads(2);
      Hamiltonian two = Hamiltonian.on(box).hopping(1).onsite(Disorder.box(4).seed(3)).build();
      SpectralBounds b = two.estimatedSpectralBounds();
      assertEquals(a.lower(), b.lower(), 0.0);
      assertEquals(a.upper(), b.upper(), 0.0);
      assertEquals(a, two.spectralBounds(SpectralBounds.Source.LANCZOS));
      assertEquals(two.spectralBounds(), two.spectralBounds(SpectralBounds.Source.GERSHGORIN));
    } finally {
      Parallel.setThreads(before);
    }
  }

  @Test
  void badInputIsRejected() {
    Hamiltonian h = Hamiltonian.on(Lattice.chain(5).build()).hopping(1).build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> h.spectralBounds(null));
    assertTrue(e.getMessage().contains("Hamiltonian.spectralBounds: source"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Lanczos.extremes(h.operator(), 0, 1));
    assertTrue(
        e.getMessage().contains("Lanczos.extremes: steps must be >= 1, got 0"), e.getMessage());
  }
}
