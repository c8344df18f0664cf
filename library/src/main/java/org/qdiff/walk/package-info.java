/**
 * Discrete-time coined quantum walks: the quantum version of the random walk, in which the coin
 * that decides each step is itself a quantum system.
 *
 * <p><b>The idea.</b> A classical walker on Z flips a coin and steps right or left: after t steps
 * its position has variance {@code sigma^2 = t}, a bell curve of width {@code sqrt t}. A quantum
 * walker carries an internal state, the coin, with one basis state per direction. Each step first
 * applies a unitary {@link org.qdiff.walk.Coin} to the internal state at every site, which puts it
 * into a superposition of directions, and then a {@link org.qdiff.walk.Shift} moves each part of
 * the amplitude in its own direction. Nothing random happens: the walker follows all paths at once
 * and their amplitudes interfere. With the Hadamard coin the distribution develops two peaks racing
 * away from the start at speed {@code 1/sqrt 2} and the variance grows ballistically, {@code
 * sigma^2 -> (1 - 1/sqrt 2) t^2}; on a four-site cycle a walker with the swap coin bounces back and
 * forth and returns with certainty every two steps.
 *
 * <p><b>Types.</b> {@link org.qdiff.walk.Coin} is a unitary c x c matrix (Hadamard, Grover, Fourier
 * or any user matrix, checked unitary). {@link org.qdiff.walk.CoinedState} holds the amplitudes
 * psi(x, k) and gives the position probabilities {@code p(x) = sum_k |psi(x, k)|^2}, so every
 * observable of {@link org.qdiff.observe.Observables} applies. {@link org.qdiff.walk.CoinedWalk}
 * configures and runs a walk and returns a {@link org.qdiff.propagate.Trajectory} with one row per
 * step.
 *
 * <p><b>Conventions.</b> The coin dimension is c = 2d on a box of Z^d, periodic along every axis:
 * coin index {@code 2a} points along {@code +e_a} and {@code 2a + 1} along {@code -e_a}; on Z,
 * index 0 steps to x + 1 and index 1 to x - 1. On a regular graph of degree c, coin index k at a
 * vertex is the arc to the k-th entry of its neighbour list ({@link
 * org.qdiff.lattice.Lattice#neighbours Lattice.neighbours}). One step is {@code psi -> S (1 x C)
 * psi}: the coin first, then the shift. Time is the number of steps; positions are centred
 * coordinates in lattice spacings ({@link org.qdiff.lattice.Lattice}).
 *
 * <p>The continuous-time quantum walk is Schrödinger's equation with the graph's adjacency as
 * Hamiltonian, and is run by {@link org.qdiff.propagate.Evolution}. {@link
 * org.qdiff.walk.SpatialSearch} uses it to search for a marked vertex (Childs and Goldstone), in a
 * time of order sqrt N on the complete graph and the hypercube, against order N for a classical
 * random walk.
 */
package org.qdiff.walk;
