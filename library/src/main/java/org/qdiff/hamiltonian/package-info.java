/**
 * Hamiltonians: immutable self-adjoint operators on a lattice, built term by term.
 *
 * <p>{@link org.qdiff.hamiltonian.Hamiltonian#on} starts a {@link
 * org.qdiff.hamiltonian.HamiltonianBuilder}; each method adds one term of the text's models: a
 * potential {@code v(x) psi(x)}, the discrete Laplacian (9), hopping {@code -J sum_y psi(y)},
 * i.i.d. disorder for the Anderson model (10) (a {@link org.qdiff.hamiltonian.Disorder} with an
 * explicit seed), the random band matrix (11), and complex bond amplitudes. {@code build()}
 * validates, computes spectral bounds once, and returns the finished operator, which is applied
 * matrix-free: no N x N matrix is formed for a lattice.
 *
 * <p>Gauge fields multiply the nearest-neighbour hopping: {@code flux(phi, gauge)} gives every
 * plaquette the flux phi through Peierls phases in a chosen {@link org.qdiff.hamiltonian.Gauge},
 * and on a lattice with two internal states per site {@code spinOrbit(SpinOrbit.randomSU2())} gives
 * every bond its own SU(2) matrix (the random SU(2) model). Terms without spin act as the identity
 * on the internal states. The hopping then becomes one matrix per bond, stored per site and axis
 * without index arrays ({@link org.qdiff.numeric.LinkStencil}).
 *
 * <p>Spectral intervals come in two kinds ({@link org.qdiff.hamiltonian.SpectralBounds.Source}):
 * Gershgorin's bounds contain the spectrum for certain; a Lanczos estimate is much tighter but only
 * an estimate, which the Chebyshev methods verify while they run.
 *
 * <p>Units: hbar = 1, lattice spacing 1, energies in units of the hopping.
 */
package org.qdiff.hamiltonian;
