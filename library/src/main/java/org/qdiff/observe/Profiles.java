package org.qdiff.observe;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.qdiff.frame.Columns;
import org.qdiff.frame.Frames;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Check;
import org.qdiff.numeric.Fourier;
import org.qdiff.numeric.Tensors;
import org.qdiff.state.ProbabilityState;
import org.qdiff.state.WaveFunction;
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

  /**
   * The momentum distribution {@code n(k) = sum_sigma |psi(k, sigma)|^2 / sum_k sum_sigma |psi(k,
   * sigma)|^2} of a wave function on a box, with {@code psi(k, sigma) = N^{-1/2} sum_x e^{-i k.x}
   * psi(x, sigma)} the discrete Fourier transform of each internal component ({@link Fourier}) on
   * the grid {@code k_a = 2 pi m_a / L_a}. Normalized: {@code sum_k n(k) = 1}.
   *
   * <p>The values are indexed like the sites of the box: the entry of the site with centred
   * coordinates m holds {@code k_a = 2 pi m_a / L_a}, so {@code lattice.site(m)} finds a wave
   * number and {@code Plot.heatMap(lattice, n)} draws the distribution with k = 0 in the centre. In
   * a magnetic field this is the distribution of the canonical momentum, which depends on the gauge
   * (see {@code Gauge}).
   *
   * @throws IllegalArgumentException if psi is null or does not live on a box
   */
  public static double[] momentumDistribution(WaveFunction psi) {
    String where = "Profiles.momentumDistribution";
    Check.notNull(where, "psi", psi);
    Lattice l = psi.lattice();
    if (!l.isBox()) {
      throw new IllegalArgumentException(
          where + ": needs a box of Z^d (momenta need axes), got " + l);
    }
    int n = l.size();
    int s = l.internalStates();
    double[][] amplitudes = psi.toArrays();
    Fourier fourier = Fourier.of(l.sides());
    double[] re = s == 1 ? amplitudes[0] : new double[n];
    double[] im = s == 1 ? amplitudes[1] : new double[n];
    double[] density = new double[n];
    for (int sigma = 0; sigma < s; sigma++) {
      if (s > 1) {
        for (int x = 0; x < n; x++) {
          re[x] = amplitudes[0][x * s + sigma];
          im[x] = amplitudes[1][x * s + sigma];
        }
      }
      fourier.forward(re, im);
      for (int k = 0; k < n; k++) {
        density[k] += re[k] * re[k] + im[k] * im[k];
      }
    }
    double total = 0;
    for (double v : density) {
      total += v;
    }
    // From the FFT order (k_a = 2 pi f_a / L_a, f_a wrapped) to the centred site order.
    int d = l.dimension();
    int[] sides = l.sides();
    double[] out = new double[n];
    int[] q = new int[d];
    for (int i = 0; i < n; i++) {
      int f = 0;
      for (int a = 0; a < d; a++) {
        f = f * sides[a] + (q[a] + (sides[a] + 1) / 2) % sides[a];
      }
      out[i] = density[f] / total;
      for (int a = d - 1; a >= 0; a--) {
        if (++q[a] < sides[a]) {
          break;
        }
        q[a] = 0;
      }
    }
    return out;
  }

  /**
   * The wave numbers {@code k = 2 pi m / L} along one axis of a box, for {@code m = -floor(L/2) ..
   * ceil(L/2) - 1}: the k of each index of a {@link #momentumDistribution} along that axis.
   */
  public static double[] waveNumbers(Lattice lattice, int axis) {
    Check.notNull("Profiles.waveNumbers", "lattice", lattice);
    double[] m = positions(lattice, axis);
    double[] k = new double[m.length];
    for (int i = 0; i < k.length; i++) {
      k[i] = 2 * Math.PI * m[i] / m.length;
    }
    return k;
  }

  /**
   * The {@link #momentumDistribution} as a table with one row per wave vector: columns {@code kx}
   * (, {@code ky}, {@code kz}) and {@code n}, in the order of the sites of the box.
   */
  public static Table momentumTable(WaveFunction psi) {
    double[] n = momentumDistribution(psi);
    Lattice l = psi.lattice();
    int d = l.dimension();
    String[] names = new String[d + 1];
    double[][] columns = new double[d + 1][];
    for (int a = 0; a < d; a++) {
      names[a] = Columns.waveNumber(a);
      columns[a] = new double[n.length];
      int side = l.side(a);
      for (int i = 0; i < n.length; i++) {
        columns[a][i] = 2 * Math.PI * l.coordinate(i, a) / side;
      }
    }
    names[d] = Columns.MOMENTUM_DENSITY;
    columns[d] = n;
    return Frames.table("momentum distribution", names, columns);
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
