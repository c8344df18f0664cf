package org.qdiff.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Parallel;
import org.qdiff.random.Seed;
import org.qdiff.state.WaveFunction;

/**
 * The standard observables read a wave function's p(x) block by block, without an N-sized array:
 * the numbers are those of the sums over the whole array, to the last bit, on any thread count, and
 * agree with the definitions written site by site.
 */
class SampleSumsTest {

  static Stream<Arguments> lattices() {
    return Stream.of(
        // 34^3 = 39304 sites: two blocks of the parallel sums, rows of even length
        Arguments.of(Lattice.cubic(34).periodic().build()),
        Arguments.of(Lattice.cubic(5, 7, 9).build()),
        Arguments.of(Lattice.square(181, 190).periodic().build()),
        Arguments.of(Lattice.chain(40001).periodic().build()),
        Arguments.of(Lattice.square(11, 8).internalStates(2).build()),
        Arguments.of(Lattice.hypercube(6)));
  }

  private static List<Observable> observables(Lattice l) {
    List<Observable> list =
        new java.util.ArrayList<>(
            List.of(
                Observables.norm(),
                Observables.meanSquaredDisplacement(),
                Observables.meanSquaredDisplacementFrom(l.size() / 3),
                Observables.returnProbability(),
                Observables.returnProbability(l.size() - 1),
                Observables.participationRatio(),
                Observables.inverseParticipationRatio(),
                Observables.entropy(),
                Observables.boundaryWeight(1),
                Observables.boundaryWeight(3)));
    if (l.isBox()) {
      list.add(Observables.meanPosition());
      list.add(Observables.variance());
      for (int a = 0; a < l.dimension(); a++) {
        list.add(Observables.meanSquaredDisplacement(a));
      }
    }
    return list;
  }

  private static WaveFunction randomState(Lattice lattice) {
    Seed s = Seed.of(11);
    return WaveFunction.fromFunction(lattice, i -> new Complex(s.normal(0, i), s.normal(1, i)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lattices")
  void blocksOfTheWaveFunctionGiveTheNumbersOfTheWholeArray(Lattice lattice) {
    WaveFunction psi = randomState(lattice);
    double[] p = psi.probabilityArray();
    int before = Parallel.threads();
    try {
      for (Observable o : observables(lattice)) {
        Parallel.setThreads(1);
        double fromArray = o.measure(Sample.sharing(0, psi, p));
        double fromBlocks = o.measure(Sample.of(0, psi));
        Parallel.setThreads(2);
        double twoThreads = o.measure(Sample.of(0, psi));
        assertEquals(fromArray, fromBlocks, 0.0, o.name() + " on " + lattice);
        assertEquals(fromArray, twoThreads, 0.0, o.name() + " on " + lattice);
      }
    } finally {
      Parallel.setThreads(before);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lattices")
  void theSumsAreTheDefinitionsSiteBySite(Lattice lattice) {
    WaveFunction psi = randomState(lattice);
    int origin = lattice.origin();
    double msd = 0;
    double pr = 0;
    for (int x = 0; x < lattice.size(); x++) {
      double p = psi.probability(x);
      msd += lattice.squaredDistance(origin, x) * p;
      pr += p * p;
    }
    Sample sample = Sample.of(0, psi);
    assertEquals(msd, Observables.meanSquaredDisplacement().measure(sample), 1e-12 * msd);
    assertEquals(1 / pr, Observables.participationRatio().measure(sample), 1e-12 / pr);
    if (lattice.standsForInfiniteLattice()) {
      int[] depth = lattice.boundaryDistances();
      for (int margin : new int[] {1, 3}) {
        double outer = 0;
        for (int x = 0; x < lattice.size(); x++) {
          outer += depth[x] < margin ? psi.probability(x) : 0;
        }
        assertEquals(
            outer,
            Observables.boundaryWeight(margin).measure(sample),
            1e-13,
            "margin " + margin + " on " + lattice);
      }
    }
    if (lattice.isBox()) {
      double mean = 0;
      double scale = 0; // sum |x| p, the size of the rounding errors' terms
      for (int x = 0; x < lattice.size(); x++) {
        int d = lattice.axisDisplacement(origin, x, 0);
        mean += d * psi.probability(x);
        scale += Math.abs(d) * psi.probability(x);
      }
      assertEquals(mean, Observables.meanPosition().measure(sample), 1e-13 * scale);
    }
  }
}
