/**
 * Spectral densities of Hamiltonians: the density of states {@code rho(E) = (1/N) sum_i delta(E -
 * E_i)} by the kernel polynomial method ({@link org.qdiff.spectrum.DensityOfStates}).
 *
 * <p>Where diagonalization costs N^3 and N^2 memory, the kernel polynomial method needs a few
 * vectors and M/2 applications of H per random vector: the Chebyshev moments {@code mu_n = (1/N) Tr
 * T_n(H~)} of the rescaled Hamiltonian are estimated with random-phase vectors, damped by the
 * Jackson kernel and summed into a smooth, positive density of resolution about {@code pi a / M}.
 * The moment recurrence runs in {@link org.qdiff.numeric.ChebyshevMoments} through the fused kernel
 * of {@link org.qdiff.numeric.SparseOperator}, so lattices of millions of sites take seconds; this
 * package chooses the scale, the vectors and the kernel, and tabulates the result.
 *
 * <p>Energies are in units of the hopping; the density is per site and integrates to 1.
 */
package org.qdiff.spectrum;
