package org.qdiff.walk;

/**
 * How a coined walk moves the walker after the coin: the conditional shift S, a permutation of the
 * basis states |x, k> (site x, coin index k).
 *
 * <p>On a box of Z^d the coin has c = 2d states; index {@code 2a} points along {@code +e_a} and
 * index {@code 2a + 1} along {@code -e_a} (axis a = 0, 1, 2 is x, y, z). On Z: index 0 steps to x +
 * 1, index 1 steps to x - 1. On a graph the coin index k at vertex x is the arc to the k-th entry
 * of {@link org.qdiff.lattice.Lattice#neighbours Lattice.neighbours(x)}: increasing vertex number
 * on graphs from {@code Lattice.graph} and {@code Lattice.complete}, and the neighbour across bit k
 * on {@code Lattice.hypercube}.
 */
public enum Shift {

  /**
   * The moving shift: the walker steps in the direction of its coin state and keeps it, {@code |x,
   * 2a> -> |x + e_a, 2a>}, {@code |x, 2a+1> -> |x - e_a, 2a+1>}. It needs directions that mean the
   * same at every site, so it is defined on boxes of Z^d (including {@link
   * org.qdiff.lattice.Lattice#cycle cycles}) and not on general graphs.
   */
  MOVING,

  /**
   * The flip-flop shift: the walker crosses the arc of its coin state and arrives holding the arc
   * that points back, {@code |x, arc to y> -> |y, arc to x>}. On Z^d: {@code |x, 2a> -> |x + e_a,
   * 2a+1>} and {@code |x, 2a+1> -> |x - e_a, 2a>}. Defined on every regular graph; the natural
   * shift of the Grover walk and of walk-based search.
   */
  FLIP_FLOP
}
