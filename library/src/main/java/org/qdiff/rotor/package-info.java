/**
 * Dynamical localization: the kicked rotor, quantum ({@link org.qdiff.rotor.KickedRotor}) and
 * classical ({@link org.qdiff.rotor.StandardMap}).
 *
 * <p>A rotor (a particle on a ring, angle theta, momentum p) is kicked once per unit of time with
 * strength {@code K cos(theta)}: {@code H = p^2/2 + K cos(theta) sum_m delta(t - m)}. There is no
 * disorder at all. Classically, for K above about 1, the kicks arrive at nearly random angles and
 * the momentum performs a random walk: {@code <(p_t - p_0)^2> ~ D t} with {@code D ~ K^2/2} (the
 * standard map, chaotic diffusion). Quantum mechanically, with momentum {@code p = hbarEff n} on
 * the integers n, the rotor follows the classical diffusion only up to a break time {@code t* ~
 * D/hbarEff^2} kicks; then interference freezes the spreading and the momentum distribution settles
 * to an exponential {@code exp(-2|n|/xi)} with {@code xi ~ D/hbarEff^2}. This is dynamical
 * localization, the analogue of Anderson localization on the momentum lattice, produced by a clean
 * periodic drive. At the quantum resonances {@code hbarEff = 4 pi r/s} the opposite happens: the
 * free rotation is periodic and {@code <p^2>} grows ballistically, like {@code t^2}.
 *
 * <p>Units: moment of inertia 1 and kick period 1, so time counts kicks and K is dimensionless;
 * {@code hbarEff} (k-bar) is the effective Planck constant, and p is given in the same units in the
 * quantum and the classical tables (column {@code p2} is {@code <p^2>}).
 *
 * <p>Both evolutions use the same order: a period is the kick followed by the free rotation, and
 * "after t kicks" is the state just before kick t + 1. The quantum step applies the kick on N
 * angles and the free rotation on N momenta, switching between them with the unitary FFT of {@code
 * numeric.Fourier}; the classical ensemble is advanced in fixed parallel blocks with counter-based
 * initial conditions ({@code random.Seed}), so its tables do not depend on the number of threads.
 */
package org.qdiff.rotor;
