package org.qdiff.ensemble;

import java.util.concurrent.atomic.AtomicInteger;
import org.qdiff.hamiltonian.Disorder;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.lattice.Lattice;
import org.qdiff.observe.Observables;
import org.qdiff.propagate.Evolution;
import org.qdiff.propagate.TimeGrid;
import org.qdiff.state.WaveFunction;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** Realizations shared by the ensemble tests and the child process of the kill test. */
final class Workloads {

  private Workloads() {}

  /**
   * The Anderson model (10) on an open chain with box disorder of width W, a particle started at
   * the centre, its mean squared displacement and return probability on a time grid.
   *
   * @param pauseMillis sleep before computing, so that a test can catch the ensemble half done
   * @param finished counts the realizations that ran to the end (modified)
   */
  static Realization andersonChain(
      int sites, double width, TimeGrid times, long pauseMillis, AtomicInteger finished) {
    Lattice chain = Lattice.chain(sites).build();
    return seed -> {
      if (pauseMillis > 0) {
        Thread.sleep(pauseMillis);
      }
      Hamiltonian h =
          Hamiltonian.on(chain).hopping(1).onsite(Disorder.box(width).seed(seed)).build();
      Table table =
          Evolution.of(h)
              .times(times)
              .observe(Observables.meanSquaredDisplacement(), Observables.returnProbability())
              .run(WaveFunction.delta(chain))
              .table();
      finished.incrementAndGet();
      return table;
    };
  }

  /**
   * A one-row table of scalars: the sample mean of n values of box disorder of width W, after a
   * pause.
   */
  static Realization boxSampleMean(double width, int n, long pauseMillis, AtomicInteger finished) {
    return seed -> {
      if (pauseMillis > 0) {
        Thread.sleep(pauseMillis);
      }
      double[] v = Disorder.box(width).seed(seed).sample(n, 0);
      double sum = 0;
      for (double x : v) {
        sum += x;
      }
      finished.incrementAndGet();
      return Table.create("box sample")
          .addColumns(DoubleColumn.create("v", new double[] {sum / n}));
    };
  }
}
