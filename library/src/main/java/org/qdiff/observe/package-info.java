/**
 * Observables: named functions of (time, state) that become the columns of an evolution's table.
 *
 * <p>{@link org.qdiff.observe.Observables} has the quantities of the text and more: the total
 * probability (2), the mean squared displacement (8) and its per-axis parts, the return probability
 * p_t(0), participation ratios, Shannon entropy, energy, and the probability near the box faces
 * (when it grows, the finite box no longer stands for Z^d). {@link org.qdiff.observe.Profiles}
 * gives whole profiles, p_t(x) and its marginal along one axis (as in Figure 5), and the momentum
 * distribution n(k) (a Fourier transform of each internal component). Each observable reads the
 * probabilities once computed for the output time; sums are deterministic for any thread count.
 */
package org.qdiff.observe;
