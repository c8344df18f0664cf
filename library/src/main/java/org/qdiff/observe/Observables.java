package org.qdiff.observe;

import org.qdiff.frame.Columns;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Check;
import org.qdiff.numeric.Parallel;

/** The standard observables. Each is a small immutable object; use them in any evolution. */
public final class Observables {

  private Observables() {}

  /** The total probability {@code sum_x p(x)} of Eq. (2): 1, and conserved by (3). */
  public static Observable norm() {
    return Observable.of(Columns.NORM, s -> total(s.probabilities()));
  }

  /**
   * The mean squared displacement {@code sum_x |x|^2 p_t(x)} of Eq. (8), from the lattice's origin.
   * On a torus |x| is the minimum image; on a graph, the number of hops.
   */
  public static Observable meanSquaredDisplacement() {
    return Observable.of(
        Columns.MSD,
        s -> weighted(s.lattice().squaredDistancesFrom(s.lattice().origin()), s.probabilities()));
  }

  /** The mean squared displacement {@code sum_x |x - x0|^2 p_t(x)} from a given site x0. */
  public static Observable meanSquaredDisplacementFrom(int site) {
    return Observable.of(
        Columns.MSD,
        s -> {
          s.lattice().checkSite("Observables.meanSquaredDisplacementFrom", site);
          return weighted(s.lattice().squaredDistancesFrom(site), s.probabilities());
        });
  }

  /**
   * The part of (8) along one axis of a box, {@code sum_x x_a^2 p_t(x)}: column {@code msd_x},
   * {@code msd_y} or {@code msd_z}.
   */
  public static Observable meanSquaredDisplacement(int axis) {
    Check.index("Observables.meanSquaredDisplacement", "axis", axis, 3);
    return Observable.of(
        Columns.msdAxis(axis),
        s -> {
          Lattice l = s.lattice();
          if (!l.isBox() || axis >= l.dimension()) {
            throw new IllegalArgumentException(
                "Observables.meanSquaredDisplacement: axis must be in [0, "
                    + (l.dimension() - 1)
                    + "] on "
                    + l
                    + ", got "
                    + axis);
          }
          return axisSecondMoment(l, axis, s.probabilities());
        });
  }

  /**
   * The mean position {@code <x> = sum_x x p_t(x) / sum_x p_t(x)} along the first axis of a box
   * (column {@code mean_x}), in lattice spacings. x is the displacement from the origin along axis
   * 0, with the minimum image on a periodic axis (as in {@link #meanSquaredDisplacement(int)}).
   *
   * @throws IllegalArgumentException when measured on a graph, which has no axes
   */
  public static Observable meanPosition() {
    return Observable.of(
        Columns.MEAN_POSITION,
        s -> {
          Lattice l = requireBox("Observables.meanPosition", s.lattice());
          double[] p = s.probabilities();
          return axisFirstMoment(l, 0, p) / total(p);
        });
  }

  /**
   * The variance of the position along the first axis of a box, {@code sigma^2 = <x^2> - <x>^2}
   * with averages over the normalized p_t (column {@code variance}), in squared lattice spacings.
   * Computed as {@code sum_x (x - <x>)^2 p_t(x) / sum_x p_t(x)}, which equals the definition and
   * never cancels to a negative number. It grows like t for a classical walk and like t^2 for
   * ballistic (quantum) spreading. x is as in {@link #meanPosition()}.
   *
   * @throws IllegalArgumentException when measured on a graph, which has no axes
   */
  public static Observable variance() {
    return Observable.of(
        Columns.VARIANCE,
        s -> {
          Lattice l = requireBox("Observables.variance", s.lattice());
          double[] p = s.probabilities();
          double norm = total(p);
          double mean = axisFirstMoment(l, 0, p) / norm;
          return axisCentralSecondMoment(l, 0, mean, p) / norm;
        });
  }

  /** The return probability p_t(0) at the origin. */
  public static Observable returnProbability() {
    return Observable.of(Columns.RETURN_PROBABILITY, s -> s.probabilities()[s.lattice().origin()]);
  }

  /** The probability p_t(x0) at a given site. */
  public static Observable returnProbability(int site) {
    return Observable.of(
        Columns.RETURN_PROBABILITY,
        s -> s.probabilities()[s.lattice().checkSite("Observables.returnProbability", site)]);
  }

  /**
   * The participation ratio {@code (sum p)^2 / sum p^2}: about the number of sites the state
   * occupies (1 for a delta, N for a uniform state).
   */
  public static Observable participationRatio() {
    return Observable.of(
        Columns.PARTICIPATION_RATIO,
        s -> {
          double t = total(s.probabilities());
          return t * t / sumOfSquares(s.probabilities());
        });
  }

  /** The inverse participation ratio {@code sum p^2 / (sum p)^2}. */
  public static Observable inverseParticipationRatio() {
    return Observable.of(
        Columns.INVERSE_PARTICIPATION_RATIO,
        s -> {
          double t = total(s.probabilities());
          return sumOfSquares(s.probabilities()) / (t * t);
        });
  }

  /** The Shannon entropy {@code -sum_x p ln p} (in nats) of the normalized distribution. */
  public static Observable entropy() {
    return Observable.of(
        Columns.ENTROPY,
        s -> {
          double[] p = s.probabilities();
          double t = total(p);
          double h =
              Parallel.sum(
                  p.length,
                  (from, to) -> {
                    double acc = 0;
                    for (int i = from; i < to; i++) {
                      double q = p[i] / t;
                      if (q > 0) {
                        acc -= q * Math.log(q);
                      }
                    }
                    return acc;
                  });
          return h;
        });
  }

  /** The energy {@code <psi|H|psi>}: conserved by the evolution with H. */
  public static Observable energy(Hamiltonian hamiltonian) {
    Check.notNull("Observables.energy", "hamiltonian", hamiltonian);
    return Observable.of(Columns.ENERGY, s -> hamiltonian.energy(s.waveFunction()));
  }

  /**
   * The probability within {@code margin} sites of the box's faces (for a periodic axis: of the
   * line where the torus wraps, seen from the origin). Once it is not small, the finite box no
   * longer stands for Z^d.
   *
   * @param margin number of outermost layers counted, >= 1
   */
  public static Observable boundaryWeight(int margin) {
    Check.atLeast("Observables.boundaryWeight", "margin", margin, 1);
    return Observable.of(
        Columns.BOUNDARY_WEIGHT,
        s -> BoundaryLayers.weight(s.lattice(), margin, s.probabilities()));
  }

  // ------------------------------------------------------------------ kernels

  static double total(double[] p) {
    return Parallel.sum(
        p.length,
        (from, to) -> {
          double acc = 0;
          for (int i = from; i < to; i++) {
            acc += p[i];
          }
          return acc;
        });
  }

  static double sumOfSquares(double[] p) {
    return Parallel.sum(
        p.length,
        (from, to) -> {
          double acc = 0;
          for (int i = from; i < to; i++) {
            acc += p[i] * p[i];
          }
          return acc;
        });
  }

  static double weighted(double[] w, double[] p) {
    return Parallel.sum(
        p.length,
        (from, to) -> {
          double acc = 0;
          for (int i = from; i < to; i++) {
            acc += w[i] * p[i];
          }
          return acc;
        });
  }

  private static Lattice requireBox(String where, Lattice l) {
    if (!l.isBox()) {
      throw new IllegalArgumentException(
          where + ": needs a box of Z^d (a position along axis 0), got " + l);
    }
    return l;
  }

  static double axisFirstMoment(Lattice l, int axis, double[] p) {
    int origin = l.origin();
    return Parallel.sum(
        p.length,
        (from, to) -> {
          double acc = 0;
          for (int i = from; i < to; i++) {
            acc += l.axisDisplacement(origin, i, axis) * p[i];
          }
          return acc;
        });
  }

  static double axisCentralSecondMoment(Lattice l, int axis, double mean, double[] p) {
    int origin = l.origin();
    return Parallel.sum(
        p.length,
        (from, to) -> {
          double acc = 0;
          for (int i = from; i < to; i++) {
            double d = l.axisDisplacement(origin, i, axis) - mean;
            acc += d * d * p[i];
          }
          return acc;
        });
  }

  static double axisSecondMoment(Lattice l, int axis, double[] p) {
    return axisCentralSecondMoment(l, axis, 0, p);
  }
}
