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
 * <p>Spectral intervals come in two kinds ({@link org.qdiff.hamiltonian.SpectralBounds.Source}):
 * Gershgorin's bounds contain the spectrum for certain; a Lanczos estimate is much tighter but only
 * an estimate, which the Chebyshev methods verify while they run.
 *
 * <p>Units: hbar = 1, lattice spacing 1, energies in units of the hopping.
 */
package org.qdiff.hamiltonian;
