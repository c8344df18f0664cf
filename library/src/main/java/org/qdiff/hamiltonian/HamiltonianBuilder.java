package org.qdiff.hamiltonian;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntToDoubleFunction;
import org.hipparchus.complex.Complex;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Check;
import org.qdiff.numeric.SparseOperator;

/**
 * Adds the terms of a Hamiltonian on a lattice; {@link #build()} sums them into an immutable {@link
 * Hamiltonian}. Each method checks its own arguments; site-dependent work (disorder values, user
 * potentials, bond amplitudes) happens once, in {@code build()}.
 *
 * <pre>{@code
 * var H = Hamiltonian.on(lattice).laplacian().onsite(Disorder.normal().seed(7)).build(); // (10)
 * }</pre>
 */
public final class HamiltonianBuilder {

  /** Random streams of one seed: the potential and the band matrix draw independent values. */
  static final long POTENTIAL_STREAM = 0;

  static final long BAND_STREAM = 1;

  private interface Term {
    SparseOperator materialize(Lattice lattice);
  }

  private final Lattice lattice;
  private final List<Term> terms = new ArrayList<>();
  private final List<String> descriptions = new ArrayList<>();

  HamiltonianBuilder(Lattice lattice) {
    this.lattice = lattice;
  }

  /**
   * The discrete Laplacian of Eq. (9): {@code (Delta psi)(x) = sum_{|y-x|=1} (psi(x) - psi(y))}. On
   * a box the diagonal is 2d at every site, as written in the text: the open box stands for Z^d
   * with psi = 0 outside. On a graph the diagonal is the vertex degree (the graph Laplacian).
   */
  public HamiltonianBuilder laplacian() {
    descriptions.add("laplacian");
    terms.add(
        l -> {
          if (l.isBox()) {
            int d = l.dimension();
            double[] hop = new double[d];
            java.util.Arrays.fill(hop, -1.0);
            return SparseOperator.stencil(l.sides(), periodicity(l), hop)
                .plus(SparseOperator.diagonal(l.size(), 2.0 * d, null));
          }
          int[][] adjacency = l.adjacency();
          double[] degree = new double[l.size()];
          for (int i = 0; i < degree.length; i++) {
            degree[i] = adjacency[0][i + 1] - adjacency[0][i];
          }
          return SparseOperator.adjacency(adjacency[0], adjacency[1], -1.0)
              .plus(SparseOperator.diagonal(l.size(), 0.0, degree));
        });
    return this;
  }

  /**
   * Uniform nearest-neighbour hopping in the physicists' form {@code (H psi)(x) = -J sum_{|y-x|=1}
   * psi(y)}.
   *
   * @param amplitude J, finite
   */
  public HamiltonianBuilder hopping(double amplitude) {
    Check.finite("HamiltonianBuilder.hopping", "amplitude J", amplitude);
    descriptions.add("hopping J=" + amplitude);
    terms.add(
        l -> {
          if (l.isBox()) {
            double[] hop = new double[l.dimension()];
            java.util.Arrays.fill(hop, -amplitude);
            return SparseOperator.stencil(l.sides(), periodicity(l), hop);
          }
          int[][] adjacency = l.adjacency();
          return SparseOperator.adjacency(adjacency[0], adjacency[1], -amplitude);
        });
    return this;
  }

  /**
   * Hopping with a complex amplitude per bond, e.g. Peierls phases of a magnetic field: the matrix
   * element {@code <to|H|from>} is {@code amplitude(from, to)} and its reverse is the conjugate, so
   * H stays self-adjoint. See {@link BondAmplitude} for the orientation of bonds.
   */
  public HamiltonianBuilder hopping(BondAmplitude amplitude) {
    Check.notNull("HamiltonianBuilder.hopping", "amplitude", amplitude);
    descriptions.add("complex hopping");
    terms.add(l -> complexBonds(l, amplitude));
    return this;
  }

  /**
   * An on-site potential {@code (H psi)(x) = v(x) psi(x)} given by a function of the site index.
   * With nothing else, the motion is trapped: {@code p_t = p_0}.
   */
  public HamiltonianBuilder potential(IntToDoubleFunction v) {
    Check.notNull("HamiltonianBuilder.potential", "v", v);
    descriptions.add("potential");
    terms.add(l -> SparseOperator.diagonal(l.size(), 0.0, sitePotential(l, v)));
    return this;
  }

  /** An on-site potential given by a function of the centred coordinates of a box. */
  public HamiltonianBuilder potentialAt(Function<int[], Double> v) {
    Check.notNull("HamiltonianBuilder.potentialAt", "v", v);
    if (!lattice.isBox()) {
      throw new IllegalArgumentException(
          "HamiltonianBuilder.potentialAt: needs a box of Z^d, got " + lattice);
    }
    descriptions.add("potential");
    terms.add(
        l ->
            SparseOperator.diagonal(
                l.size(), 0.0, sitePotential(l, site -> v.apply(l.coordinates(site)))));
    return this;
  }

  /**
   * An on-site potential given as values per site (copied now).
   *
   * @throws IllegalArgumentException if the length is not N or a value is not finite
   */
  public HamiltonianBuilder potential(double[] v) {
    String where = "HamiltonianBuilder.potential";
    Check.notNull(where, "v", v);
    if (v.length != lattice.size()) {
      throw new IllegalArgumentException(
          where + ": v must have length N = " + lattice.size() + ", got " + v.length);
    }
    for (int i = 0; i < v.length; i++) {
      Check.finite(where, "v[" + i + "]", v[i]);
    }
    double[] copy = v.clone();
    descriptions.add("potential");
    terms.add(l -> SparseOperator.diagonal(l.size(), 0.0, copy));
    return this;
  }

  /** A constant energy shift {@code E psi(x)}. */
  public HamiltonianBuilder shift(double energy) {
    Check.finite("HamiltonianBuilder.shift", "energy", energy);
    descriptions.add("shift " + energy);
    terms.add(l -> SparseOperator.diagonal(l.size(), energy, null));
    return this;
  }

  /**
   * An i.i.d. random potential v(x) drawn from {@code disorder}: with {@link #laplacian()} this is
   * the Anderson model (10).
   *
   * @throws IllegalArgumentException if the disorder has no seed
   */
  public HamiltonianBuilder onsite(Disorder disorder) {
    Check.notNull("HamiltonianBuilder.onsite", "disorder", disorder);
    disorder.requireSeed("HamiltonianBuilder.onsite");
    descriptions.add("onsite " + disorder);
    terms.add(l -> SparseOperator.diagonal(l.size(), 0.0, disorder.values(l)));
    return this;
  }

  /**
   * The random band matrix of Eq. (11): {@code (H psi)(x) = sum_{|x-y| <= W} (A_xy + A_yx) psi(y)}
   * with i.i.d. entries A_xy drawn from {@code entries} (the diagonal is {@code 2 A_xx}). Distances
   * are Euclidean, with the minimum image along periodic axes. On a chain the band is stored row by
   * row, N (2W + 1) numbers and no index arrays, so chains of millions of sites fit; in d > 1 it is
   * stored in compressed sparse rows.
   *
   * @param width the band width W, >= 1 and, along a periodic axis, below half its length
   * @param entries distribution of the A_xy, with a seed
   */
  public HamiltonianBuilder bandMatrix(int width, Disorder entries) {
    String where = "HamiltonianBuilder.bandMatrix";
    Check.atLeast(where, "width W", width, 1);
    Check.notNull(where, "entries", entries);
    entries.requireSeed(where);
    if (!lattice.isBox()) {
      throw new IllegalArgumentException(where + ": needs a box of Z^d, got " + lattice);
    }
    for (int a = 0; a < lattice.dimension(); a++) {
      if (lattice.isPeriodic(a) && 2 * width >= lattice.side(a)) {
        throw new IllegalArgumentException(
            where
                + ": width W must be < L/2 = "
                + lattice.side(a) / 2.0
                + " along periodic axis "
                + a
                + ", got "
                + width);
      }
    }
    descriptions.add("band matrix W=" + width + " " + entries);
    terms.add(l -> BandMatrix.of(l, width, entries, BAND_STREAM));
    return this;
  }

  /**
   * Sums the terms into a Hamiltonian and computes its spectral bounds.
   *
   * @throws IllegalArgumentException if a user function fails or gives a non-finite value (the
   *     message names the site)
   */
  public Hamiltonian build() {
    SparseOperator total = SparseOperator.zero(lattice.size());
    for (Term term : terms) {
      total = total.plus(term.materialize(lattice));
    }
    String description = descriptions.isEmpty() ? "zero" : String.join(" + ", descriptions);
    return new Hamiltonian(lattice, total, description);
  }

  @Override
  public String toString() {
    return "HamiltonianBuilder on "
        + lattice
        + ": "
        + (descriptions.isEmpty() ? "no terms yet" : String.join(" + ", descriptions))
        + "; call build()";
  }

  // ------------------------------------------------------------------ materialization

  private static boolean[] periodicity(Lattice l) {
    boolean[] p = new boolean[l.dimension()];
    for (int a = 0; a < p.length; a++) {
      p[a] = l.isPeriodic(a);
    }
    return p;
  }

  private static double[] sitePotential(Lattice l, IntToDoubleFunction v) {
    double[] values = new double[l.size()];
    for (int i = 0; i < values.length; i++) {
      double value;
      try {
        value = v.applyAsDouble(i);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "HamiltonianBuilder.potential: the potential function failed at site "
                + describeSite(l, i)
                + ": "
                + e,
            e);
      }
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException(
            "HamiltonianBuilder.potential: v at site "
                + describeSite(l, i)
                + " must be finite, got "
                + value);
      }
      values[i] = value;
    }
    return values;
  }

  static String describeSite(Lattice l, int site) {
    return l.isBox() ? site + " " + java.util.Arrays.toString(l.coordinates(site)) : "" + site;
  }

  private static SparseOperator complexBonds(Lattice l, BondAmplitude amplitude) {
    int[][] adjacency = l.adjacency();
    int[] start = adjacency[0];
    int[] target = adjacency[1];
    int n = l.size();
    double[] re = new double[target.length];
    double[] im = new double[target.length];
    for (int from = 0; from < n; from++) {
      for (int k = start[from]; k < start[from + 1]; k++) {
        int to = target[k];
        if (!isForward(l, from, to)) {
          continue;
        }
        Complex z;
        try {
          z = amplitude.amplitude(from, to);
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(
              "HamiltonianBuilder.hopping: the bond amplitude failed on bond "
                  + describeSite(l, from)
                  + " -> "
                  + describeSite(l, to)
                  + ": "
                  + e,
              e);
        }
        if (z == null || !Double.isFinite(z.getReal()) || !Double.isFinite(z.getImaginary())) {
          throw new IllegalArgumentException(
              "HamiltonianBuilder.hopping: amplitude on bond "
                  + describeSite(l, from)
                  + " -> "
                  + describeSite(l, to)
                  + " must be a finite complex number, got "
                  + z);
        }
        // Row `to`, column `from` holds <to|H|from> = z; row `from`, column `to` its conjugate.
        re[indexOf(start, target, to, from)] = z.getReal();
        im[indexOf(start, target, to, from)] = z.getImaginary();
        re[k] = z.getReal();
        im[k] = -z.getImaginary();
      }
    }
    return SparseOperator.compressedRows(start, target, re, im);
  }

  /** True for the orientation in which {@link BondAmplitude} is called. */
  private static boolean isForward(Lattice l, int from, int to) {
    if (!l.isBox()) {
      return from < to;
    }
    for (int a = 0; a < l.dimension(); a++) {
      int d = l.axisDisplacement(from, to, a);
      if (d != 0) {
        return d > 0;
      }
    }
    return false;
  }

  private static int indexOf(int[] start, int[] target, int row, int column) {
    int k = java.util.Arrays.binarySearch(target, start[row], start[row + 1], column);
    if (k < 0) {
      throw new IllegalStateException("adjacency is not symmetric at " + row + ", " + column);
    }
    return k;
  }
}
