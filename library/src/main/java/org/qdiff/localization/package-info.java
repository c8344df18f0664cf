/**
 * Localization lengths by transfer matrices: how fast the wave functions of a disordered system
 * decay, computed without diagonalizing anything.
 *
 * <p>At a fixed energy E the Schrödinger equation of a long system, cut into slices, is a
 * recursion: the wave function on the next slice follows from the last two. For the Anderson model
 * (10) with hopping -1 it reads {@code psi_{n+1} = (H_n - E) psi_n - psi_{n-1}}, where H_n is the
 * Hamiltonian of the cross-section n (N = M^(d-1) sites: one for a chain, M for a strip, M x M for
 * a bar). Multiplying the random 2N x 2N transfer matrices along the system, the solutions grow
 * like {@code exp(gamma_j x)} with Lyapunov exponents {@code gamma_1 > ... > gamma_N > 0} (and
 * their negatives). The slowest growth, gamma_N, is the decay rate of the most extended state: the
 * localization length is {@code xi = 1 / gamma_N}. {@link org.qdiff.localization.TransferMatrix}
 * propagates N vectors, re-orthonormalizes them by QR before the fastest swamps the others in
 * double precision, and adds up the logarithms of the diagonal of R; {@link
 * org.qdiff.localization.LyapunovSpectrum} holds the exponents, xi and their standard errors over
 * blocks of the length.
 *
 * <p>The physics this shows:
 *
 * <ul>
 *   <li>In one dimension every state is localized (the text, after (11)): for weak box disorder of
 *       width W, {@code xi = 24 (4 - E^2) / W^2} inside the band (Thouless) and {@code xi = 105 /
 *       W^2} at the band centre, where perturbation theory is anomalous (Kappus and Wegner).
 *   <li>In three dimensions there is a metal-insulator transition. A bar of width M is always
 *       localized along its length, but {@code Lambda_M / M = xi / M} grows with M in the metal and
 *       falls in the insulator; the curves for different M cross at the critical disorder {@code
 *       W_c = 16.5} (MacKinnon and Kramer 1981, 1983; {@code W_c = 16.54}, {@code Lambda_c = 0.576}
 *       in Slevin and Ohtsuki 1999), the analysis {@link org.qdiff.localization.LocalizationScan}
 *       makes in one call.
 *   <li>The random band matrix (11) of band width b is quasi-one-dimensional: its states are
 *       localized on a length that grows like {@code b^2}, far beyond the range b of the hopping.
 * </ul>
 *
 * <p>Units: lattice spacing 1, energies in units of the hopping, measured from the centre of the
 * band [-2d, 2d] of the hopping-only model (the Laplacian (9) shifts it to [0, 4d]). Random values
 * come from the counter-based {@link org.qdiff.random.Seed} through {@link
 * org.qdiff.hamiltonian.Disorder}: a run is reproduced exactly by its seed, and scans give the same
 * numbers on any number of threads.
 */
package org.qdiff.localization;
