/**
 * Time evolution: numerical methods ({@link org.qdiff.propagate.Propagator}) and the physics run
 * ({@link org.qdiff.propagate.Evolution}) that uses them.
 *
 * <p>An {@code Evolution} owns the loop: it starts from a state at t = 0, advances to each time of
 * a {@link org.qdiff.propagate.TimeGrid} (forwards or backwards), measures the observables there,
 * checks the norm and finiteness (a numerical failure is a {@link
 * org.qdiff.propagate.NumericalException}, never NaN in a table), watches the probability near the
 * box faces ({@link org.qdiff.propagate.BoundaryGuard}), reports progress, stops when the thread is
 * interrupted, and returns a {@link org.qdiff.propagate.Trajectory}. A {@code Propagator} only
 * knows how to advance a state from one time to another, as QuTiP's solvers delegate to
 * integrators. {@link org.qdiff.propagate.ClassicalWalk} evolves the simple random walk (5)
 * exactly, for comparison.
 */
package org.qdiff.propagate;
