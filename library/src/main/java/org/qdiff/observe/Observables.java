package org.qdiff.observe;

import org.qdiff.frame.Columns;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Check;

/** The standard observables. Each is a small immutable object; use them in any evolution. */
public final class Observables {

  private Observables() {}

  /** The total probability {@code sum_x p(x)} of Eq. (2): 1, and conserved by (3). */
  public static Observable norm() {
    return Observable.of(Columns.NORM, Observables::total);
  }

  /**
   * The mean squared displacement {@code sum_x |x|^2 p_t(x)} of Eq. (8), from the lattice's origin.
   * On a torus |x| is the minimum image; on a graph, the number of hops.
   */
  public static Observable meanSquaredDisplacement() {
    return Observable.of(Columns.MSD, s -> squaredDistanceMoment(s, s.lattice().origin()));
  }

  /** The mean squared displacement {@code sum_x |x - x0|^2 p_t(x)} from a given site x0. */
  public static Observable meanSquaredDisplacementFrom(int site) {
    return Observable.of(
        Columns.MSD,
        s -> {
          s.lattice().checkSite("Observables.meanSquaredDisplacementFrom", site);
          return squaredDistanceMoment(s, site);
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
          return axisCentralSecondMoment(s, axis, 0);
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
          requireBox("Observables.meanPosition", s.lattice());
          return axisFirstMoment(s, 0) / total(s);
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
          requireBox("Observables.variance", s.lattice());
          double norm = total(s);
          double mean = axisFirstMoment(s, 0) / norm;
          return axisCentralSecondMoment(s, 0, mean) / norm;
        });
  }

  /** The return probability p_t(0) at the origin. */
  public static Observable returnProbability() {
    return Observable.of(Columns.RETURN_PROBABILITY, s -> s.probability(s.lattice().origin()));
  }

  /** The probability p_t(x0) at a given site. */
  public static Observable returnProbability(int site) {
    return Observable.of(
        Columns.RETURN_PROBABILITY,
        s -> s.probability(s.lattice().checkSite("Observables.returnProbability", site)));
  }

  /**
   * The participation ratio {@code (sum p)^2 / sum p^2}: about the number of sites the state
   * occupies (1 for a delta, N for a uniform state).
   */
  public static Observable participationRatio() {
    return Observable.of(
        Columns.PARTICIPATION_RATIO,
        s -> {
          double t = total(s);
          return t * t / sumOfSquares(s);
        });
  }

  /** The inverse participation ratio {@code sum p^2 / (sum p)^2}. */
  public static Observable inverseParticipationRatio() {
    return Observable.of(
        Columns.INVERSE_PARTICIPATION_RATIO,
        s -> {
          double t = total(s);
          return sumOfSquares(s) / (t * t);
        });
  }

  /** The Shannon entropy {@code -sum_x p ln p} (in nats) of the normalized distribution. */
  public static Observable entropy() {
    return Observable.of(
        Columns.ENTROPY,
        s -> {
          double t = total(s);
          return s.sum(
              (acc, p, offset, site, count) -> {
                for (int j = offset; j < offset + count; j++) {
                  double q = p[j] / t;
                  if (q > 0) {
                    acc -= q * Math.log(q);
                  }
                }
                return acc;
              });
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
    return Observable.of(Columns.BOUNDARY_WEIGHT, s -> BoundaryLayers.weight(s, margin));
  }

  // ------------------------------------------------------------------ kernels

  static double total(Sample s) {
    return s.sum(
        (acc, p, offset, site, count) -> {
          for (int j = offset; j < offset + count; j++) {
            acc += p[j];
          }
          return acc;
        });
  }

  static double sumOfSquares(Sample s) {
    return s.sum(
        (acc, p, offset, site, count) -> {
          for (int j = offset; j < offset + count; j++) {
            acc += p[j] * p[j];
          }
          return acc;
        });
  }

  /**
   * {@code sum_x |x - from|^2 p(x)}. On a box |x - from|^2 is made site by site from one table of
   * squared displacements per axis (no N-sized array); on a graph the hop counts come from the
   * lattice's cached breadth-first search.
   */
  static double squaredDistanceMoment(Sample s, int from) {
    Lattice l = s.lattice();
    if (!l.isBox()) {
      double[] w = l.squaredDistancesFrom(from);
      return s.sum(
          (acc, p, offset, site, count) -> {
            for (int j = 0; j < count; j++) {
              acc += w[site + j] * p[offset + j];
            }
            return acc;
          });
    }
    int[] sides = l.sides();
    int last = sides.length - 1;
    double[][] squares = new double[sides.length][];
    for (int a = 0; a <= last; a++) {
      double[] d = axisDisplacements(l, from, a);
      for (int u = 0; u < d.length; u++) {
        d[u] *= d[u];
      }
      squares[a] = d;
    }
    double[] lastSquares = squares[last];
    int lastSide = sides[last];
    return s.sum(
        (acc, p, offset, site, count) -> {
          // Row by row along the last axis: the other axes' part of |x|^2 is fixed on a row. The
          // parts are integers, so every order of adding them gives the same double.
          int j = 0;
          while (j < count) {
            int i = site + j;
            int u = i % lastSide;
            int rest = i / lastSide;
            double lead = 0;
            for (int a = last - 1; a >= 0; a--) {
              lead += squares[a][rest % sides[a]];
              rest /= sides[a];
            }
            int run = Math.min(lastSide - u, count - j);
            int q = offset + j;
            for (int k = 0; k < run; k++) {
              acc += (lead + lastSquares[u + k]) * p[q + k];
            }
            j += run;
          }
          return acc;
        });
  }

  /**
   * The displacement along an axis of a box from {@code from} (minimum image if periodic) of the
   * sites with coordinate index u = 0 .. side - 1 along that axis.
   */
  static double[] axisDisplacements(Lattice l, int from, int axis) {
    double[] d = new double[l.side(axis)];
    for (int u = 0; u < d.length; u++) {
      d[u] = l.axisDisplacement(from, u * l.stride(axis), axis);
    }
    return d;
  }

  private static Lattice requireBox(String where, Lattice l) {
    if (!l.isBox()) {
      throw new IllegalArgumentException(
          where + ": needs a box of Z^d (a position along axis 0), got " + l);
    }
    return l;
  }

  /** {@code sum_x x_a p(x)}, x_a the displacement from the origin along axis a. */
  static double axisFirstMoment(Sample s, int axis) {
    return axisSum(s, axis, axisDisplacements(s.lattice(), s.lattice().origin(), axis));
  }

  /** {@code sum_x (x_a - mean)^2 p(x)}, x_a as in {@link #axisFirstMoment}. */
  static double axisCentralSecondMoment(Sample s, int axis, double mean) {
    double[] w = axisDisplacements(s.lattice(), s.lattice().origin(), axis);
    for (int u = 0; u < w.length; u++) {
      double d = w[u] - mean;
      w[u] = d * d;
    }
    return axisSum(s, axis, w);
  }

  /**
   * {@code sum_x w[u_a(x)] p(x)}, u_a(x) the coordinate index of x along axis a: a run of sites
   * with the same index (stride long) shares one weight.
   */
  private static double axisSum(Sample s, int axis, double[] w) {
    Lattice l = s.lattice();
    int stride = l.stride(axis);
    int side = l.side(axis);
    return s.sum(
        (acc, p, offset, site, count) -> {
          int j = 0;
          while (j < count) {
            int i = site + j;
            double value = w[(i / stride) % side];
            int run = Math.min(stride - i % stride, count - j);
            for (int k = offset + j; k < offset + j + run; k++) {
              acc += value * p[k];
            }
            j += run;
          }
          return acc;
        });
  }
}
