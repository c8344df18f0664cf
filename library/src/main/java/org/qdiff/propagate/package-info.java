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
 *
 * <p>Beside the unitary evolution, {@link org.qdiff.propagate.Dephasing} adds decoherence: an
 * environment that keeps measuring the position makes the coherences {@code rho_xy} (x != y) of the
 * density matrix decay at a rate gamma, and spreading crosses over from ballistic to diffusive. It
 * is solved either exactly for the {@link org.qdiff.propagate.DensityMatrix} ({@link
 * org.qdiff.propagate.MasterEquation}, small lattices) or by averaging stochastic wave functions
 * ({@link org.qdiff.propagate.QuantumJumps}, lattices of any size).
 *
 * <p>{@link org.qdiff.propagate.LoschmidtEcho} is the time-reversal experiment: forward with H,
 * back with a slightly different H'; the echo {@code |<psi0|exp(iH't) exp(-iHt)|psi0>|^2} measures
 * how much of the exact return of reversible dynamics survives an error in the backward
 * Hamiltonian.
 */
package org.qdiff.propagate;
