package org.qdiff.observe;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.qdiff.frame.Columns;
import org.qdiff.frame.Frames;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Check;
import org.qdiff.numeric.Tensors;
import org.qdiff.state.ProbabilityState;
import tech.tablesaw.api.Table;

/** Whole probability profiles: p_t(x) along a line and marginals (as in Figure 5). */
public final class Profiles {

  private Profiles() {}

  /**
   * The marginal of p along one axis of a box, {@code P(x_a) = sum over the other coordinates of
   * p(x)}, as values indexed by {@code x_a - minCoordinate(a)}.
   */
  public static double[] marginal(ProbabilityState state, int axis) {
    String where = "Profiles.marginal";
    Check.notNull(where, "state", state);
    Lattice l = state.lattice();
    if (!l.isBox()) {
      throw new IllegalArgumentException(where + ": needs a box of Z^d, got " + l);
    }
    Check.index(where, "axis", axis, l.dimension());
    if (l.dimension() == 1) {
      return state.probabilityArray();
    }
    // A whole-array reduction: sum p over every axis but this one.
    int[] others = new int[l.dimension() - 1];
    for (int a = 0, k = 0; a < l.dimension(); a++) {
      if (a != axis) {
        others[k++] = a;
      }
    }
    INDArray p = Tensors.array(state.probabilityArray(), l.sides());
    return Tensors.toDoubles(p.sum(others));
  }

  /** The marginal along one axis as a table with columns {@code x} and {@code p}. */
  public static Table marginalTable(ProbabilityState state, int axis) {
    double[] m = marginal(state, axis);
    return Frames.table(
        "marginal along axis " + axis,
        new String[] {Columns.POSITION, Columns.PROBABILITY},
        new double[][] {positions(state.lattice(), axis), m});
  }

  /** The centred coordinates along one axis, {@code -floor(L/2) .. ceil(L/2)-1}, as doubles. */
  public static double[] positions(Lattice lattice, int axis) {
    int side = lattice.side(axis);
    int lo = lattice.minCoordinate(axis);
    double[] x = new double[side];
    for (int k = 0; k < side; k++) {
      x[k] = lo + k;
    }
    return x;
  }

  /**
   * p along the line through the origin parallel to one axis: {@code p(0,..,x_a,..,0)}.
   *
   * @return values indexed by {@code x_a - minCoordinate(a)}
   */
  public static double[] line(ProbabilityState state, int axis) {
    Lattice l = state.lattice();
    if (!l.isBox()) {
      throw new IllegalArgumentException("Profiles.line: needs a box of Z^d, got " + l);
    }
    Check.index("Profiles.line", "axis", axis, l.dimension());
    double[] p = state.probabilityArray();
    int origin = l.origin();
    int stride = l.stride(axis);
    int side = l.side(axis);
    int base = origin - (l.coordinate(origin, axis) - l.minCoordinate(axis)) * stride;
    double[] out = new double[side];
    for (int k = 0; k < side; k++) {
      out[k] = p[base + k * stride];
    }
    return out;
  }

  /** Mean of a profile given by positions and weights: {@code sum x w / sum w}. */
  public static double mean(double[] x, double[] w) {
    double s = 0;
    double m = 0;
    for (int i = 0; i < x.length; i++) {
      s += w[i];
      m += x[i] * w[i];
    }
    return m / s;
  }

  /** Variance about 0 of a profile, {@code sum x^2 w / sum w} (the text's mean-zero Gaussians). */
  public static double secondMoment(double[] x, double[] w) {
    double s = 0;
    double m = 0;
    for (int i = 0; i < x.length; i++) {
      s += w[i];
      m += x[i] * x[i] * w[i];
    }
    return m / s;
  }
}
