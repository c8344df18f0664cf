package org.qdiff.state;

import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Check;

/**
 * A classical probability distribution on a lattice, e.g. of the simple random walk (5). Immutable.
 */
public final class Distribution implements ProbabilityState {

  private final Lattice lattice;
  private final double[] p;

  private Distribution(Lattice lattice, double[] p) {
    this.lattice = lattice;
    this.p = p;
  }

  /** All probability at one site. */
  public static Distribution delta(Lattice lattice, int site) {
    Check.notNull("Distribution.delta", "lattice", lattice);
    lattice.checkSite("Distribution.delta", site);
    double[] p = new double[lattice.size()];
    p[site] = 1;
    return new Distribution(lattice, p);
  }

  /** All probability at the origin. */
  public static Distribution delta(Lattice lattice) {
    Check.notNull("Distribution.delta", "lattice", lattice);
    return delta(lattice, lattice.origin());
  }

  /**
   * A distribution from probabilities (copied).
   *
   * @throws IllegalArgumentException if the length is not N, a value is negative or not finite, or
   *     the total is not 1 within 1e-9
   */
  public static Distribution of(Lattice lattice, double[] probabilities) {
    String where = "Distribution.of";
    Check.notNull(where, "lattice", lattice);
    Check.notNull(where, "probabilities", probabilities);
    if (probabilities.length != lattice.size()) {
      throw new IllegalArgumentException(
          where
              + ": probabilities must have length N = "
              + lattice.size()
              + ", got "
              + probabilities.length);
    }
    double total = 0;
    for (int i = 0; i < probabilities.length; i++) {
      Check.nonNegative(where, "probabilities[" + i + "]", probabilities[i]);
      total += probabilities[i];
    }
    if (Math.abs(total - 1) > 1e-9) {
      throw new IllegalArgumentException(
          where + ": probabilities must sum to 1 (within 1e-9), got " + total);
    }
    return new Distribution(lattice, probabilities.clone());
  }

  /** Wraps an array the caller hands over (not copied): for propagators. */
  public static Distribution wrap(Lattice lattice, double[] probabilities) {
    return new Distribution(lattice, probabilities);
  }

  @Override
  public Lattice lattice() {
    return lattice;
  }

  /** p(site). */
  public double probability(int site) {
    lattice.checkSite("Distribution.probability", site);
    return p[site];
  }

  @Override
  public void probabilitiesInto(double[] out) {
    if (out.length != p.length) {
      throw new IllegalArgumentException(
          "Distribution.probabilitiesInto: out must have length N = "
              + p.length
              + ", got "
              + out.length);
    }
    System.arraycopy(p, 0, out, 0, p.length);
  }

  @Override
  public String toString() {
    return "Distribution on " + lattice;
  }
}
