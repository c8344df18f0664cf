package org.qdiff.ensemble;

import org.qdiff.random.Seed;
import tech.tablesaw.api.Table;

/**
 * One realization of an ensemble: from its disorder seed, a table of measurements.
 *
 * <pre>{@code
 * Realization msd = seed -> Evolution.of(
 *         Hamiltonian.on(chain).hopping(1).onsite(Disorder.box(2).seed(seed)).build())
 *     .times(TimeGrid.linear(0, 200, 41))
 *     .observe(Observables.meanSquaredDisplacement())
 *     .run(WaveFunction.delta(chain))
 *     .table();
 * }</pre>
 *
 * Every realization of an ensemble must return the same columns (DOUBLE, INTEGER or LONG; STRING
 * for key columns only) and the same number of rows, without missing values. Realizations run
 * concurrently on several threads: a realization must not change shared state without
 * synchronization, and its result must depend on its seed only.
 */
@FunctionalInterface
public interface Realization {

  /**
   * Runs one realization.
   *
   * @param seed the realization's seed, {@code masterSeed.realization(i)}: use it for all its
   *     randomness (e.g. {@code Disorder.box(W).seed(seed)})
   * @return its measurements, e.g. a {@code Trajectory}'s table, or a one-row table of scalars
   * @throws Exception any failure; the ensemble reports it with the realization's index and seed
   */
  Table run(Seed seed) throws Exception;
}
