package org.qdiff.hamiltonian;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.IntToDoubleFunction;
import org.hipparchus.complex.Complex;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Check;
import org.qdiff.numeric.LinkStencil;
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

  static final long SPIN_ORBIT_STREAM = 2;

  private interface Term {
    SparseOperator materialize(Lattice lattice);
  }

  /**
   * Nearest-neighbour hopping on a box: besides its plain form, it can add its amplitude {@code
   * <x+e_a|H|x>} on every bond to per-cell arrays, which the flux and the spin-orbit coupling then
   * multiply by their phases and matrices.
   */
  private interface BondTerm extends Term {
    void addBonds(Lattice lattice, double[][] re, double[][] im);

    /** The same amplitude on every bond, or NaN. */
    double uniformAmplitude();
  }

  private final Lattice lattice;
  private final List<Term> terms = new ArrayList<>();
  private final List<String> descriptions = new ArrayList<>();
  private double flux = Double.NaN;
  private Gauge gauge;
  private SpinOrbit spinOrbit;

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
    if (lattice.isBox()) {
      terms.add(l -> SparseOperator.diagonal(l.states(), 2.0 * l.dimension(), null));
      terms.add(uniformHopping(-1.0));
      return this;
    }
    terms.add(
        l -> {
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
    if (lattice.isBox()) {
      terms.add(uniformHopping(-amplitude));
      return this;
    }
    terms.add(
        l -> {
          int[][] adjacency = l.adjacency();
          return SparseOperator.adjacency(adjacency[0], adjacency[1], -amplitude);
        });
    return this;
  }

  /** The matrix element t on every bond of a box. */
  private static BondTerm uniformHopping(double t) {
    return new BondTerm() {
      @Override
      public SparseOperator materialize(Lattice l) {
        double[] hop = new double[l.dimension()];
        java.util.Arrays.fill(hop, t);
        return SparseOperator.stencil(l.sides(), periodicity(l), hop);
      }

      @Override
      public void addBonds(Lattice l, double[][] re, double[][] im) {
        for (double[] axis : re) {
          for (int c = 0; c < axis.length; c++) {
            axis[c] += t;
          }
        }
      }

      @Override
      public double uniformAmplitude() {
        return t;
      }
    };
  }

  /**
   * Hopping with a complex amplitude per bond, e.g. Peierls phases of a magnetic field: the matrix
   * element {@code <to|H|from>} is {@code amplitude(from, to)} and its reverse is the conjugate, so
   * H stays self-adjoint. See {@link BondAmplitude} for the orientation of bonds.
   */
  public HamiltonianBuilder hopping(BondAmplitude amplitude) {
    Check.notNull("HamiltonianBuilder.hopping", "amplitude", amplitude);
    descriptions.add("complex hopping");
    if (!lattice.isBox()) {
      terms.add(l -> complexBonds(l, amplitude));
      return this;
    }
    terms.add(
        new BondTerm() {
          @Override
          public SparseOperator materialize(Lattice l) {
            return complexBonds(l, amplitude);
          }

          @Override
          public void addBonds(Lattice l, double[][] re, double[][] im) {
            complexBondArrays(l, amplitude, re, im);
          }

          @Override
          public double uniformAmplitude() {
            return Double.NaN;
          }
        });
    return this;
  }

  /**
   * A uniform magnetic field: flux phi through every plaquette of the plane of axes 0 and 1, in the
   * Landau-x gauge ({@link Gauge#LANDAU_X}). See {@link #flux(double, Gauge)}.
   */
  public HamiltonianBuilder flux(double phi) {
    return flux(phi, Gauge.LANDAU_X);
  }

  /**
   * A uniform magnetic field through the plane of axes 0 and 1: every nearest-neighbour hopping
   * amplitude of {@link #hopping(double)}, {@link #laplacian()} and {@link #hopping(BondAmplitude)}
   * is multiplied by the Peierls phase {@code exp(i theta_a(x))} of its bond, {@code <x+e_a|H|x> =
   * t e^{i theta_a(x)}}, with the phases of the chosen gauge, so that going once counterclockwise
   * around any plaquette picks up the phase phi (the flux in units of the flux quantum h/e times 2
   * pi; the field is {@code B = phi} in units of hbar/(e a^2)). H stays self-adjoint; phi = 2 pi is
   * the same as no field. In three dimensions the field points along axis 2. A second call replaces
   * the first.
   *
   * @param phi flux per plaquette in radians, finite
   * @param gauge the vector potential, see {@link Gauge}
   * @throws IllegalArgumentException if phi is not finite, the gauge is null, the lattice is not a
   *     box of dimension 2 or 3, or the gauge is not single-valued on a periodic axis: Landau
   *     gauges need {@code phi L = 2 pi m} along the periodic axis their phases depend on, and the
   *     symmetric gauge needs open boundaries along axes 0 and 1
   */
  public HamiltonianBuilder flux(double phi, Gauge gauge) {
    String where = "HamiltonianBuilder.flux";
    Check.finite(where, "flux phi", phi);
    Check.notNull(where, "gauge", gauge);
    if (!lattice.isBox() || lattice.dimension() < 2) {
      throw new IllegalArgumentException(
          where
              + ": a flux through plaquettes needs a box of dimension 2 or 3, got "
              + lattice
              + "; build it with Lattice.square(L) or Lattice.cubic(L)");
    }
    if (gauge == Gauge.SYMMETRIC && (lattice.isPeriodic(0) || lattice.isPeriodic(1))) {
      throw new IllegalArgumentException(
          where
              + ": the symmetric gauge is not periodic, but "
              + lattice
              + " is periodic along axis "
              + (lattice.isPeriodic(0) ? 0 : 1)
              + "; use Gauge.LANDAU_X or Gauge.LANDAU_Y with a commensurate flux, or open"
              + " boundaries along axes 0 and 1");
    }
    int axis = gauge == Gauge.LANDAU_X ? 0 : 1;
    if (gauge != Gauge.SYMMETRIC && lattice.isPeriodic(axis)) {
      int side = lattice.side(axis);
      double m = phi * side / (2 * Math.PI);
      if (Math.abs(m - Math.rint(m)) > 1e-9 * Math.max(1, Math.abs(m))) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s: flux phi = %s is not commensurate with the periodic side L = %d along axis %d"
                    + " in the %s gauge: phi L must be a multiple of 2 pi, i.e. phi = 2 pi m / %d"
                    + " (multiples of %.6g; nearest %.6g); use a commensurate flux or open"
                    + " boundaries along axis %d",
                where,
                phi,
                side,
                axis,
                gauge,
                side,
                2 * Math.PI / side,
                2 * Math.PI * Math.rint(m) / side,
                axis));
      }
    }
    this.flux = phi;
    this.gauge = gauge;
    return this;
  }

  /**
   * Spin-orbit coupling: every nearest-neighbour hopping amplitude is multiplied by the SU(2)
   * matrix of its bond (see {@link SpinOrbit}), on a lattice with two internal states per site.
   * Terms without spin (hopping, potentials, disorder, the flux) act as the identity on the spin. A
   * second call replaces the first.
   *
   * @throws IllegalArgumentException if the coupling has no seed or the lattice does not have
   *     exactly 2 internal states
   */
  public HamiltonianBuilder spinOrbit(SpinOrbit coupling) {
    String where = "HamiltonianBuilder.spinOrbit";
    Check.notNull(where, "coupling", coupling);
    coupling.requireSeed(where);
    if (lattice.internalStates() != 2) {
      throw new IllegalArgumentException(
          where
              + ": SU(2) hopping acts on a spin 1/2, so the lattice needs s = 2 internal states"
              + " per site, got s = "
              + lattice.internalStates()
              + " on "
              + lattice
              + "; build it with .internalStates(2) (or .spinHalf())");
    }
    this.spinOrbit = coupling;
    return this;
  }

  /**
   * An on-site potential {@code (H psi)(x) = v(x) psi(x)} given by a function of the site index.
   * With nothing else, the motion is trapped: {@code p_t = p_0}.
   */
  public HamiltonianBuilder potential(IntToDoubleFunction v) {
    Check.notNull("HamiltonianBuilder.potential", "v", v);
    descriptions.add("potential");
    terms.add(l -> SparseOperator.diagonal(l.states(), 0.0, perState(l, sitePotential(l, v))));
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
                l.states(),
                0.0,
                perState(l, sitePotential(l, site -> v.apply(l.coordinates(site))))));
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
    terms.add(l -> SparseOperator.diagonal(l.states(), 0.0, perState(l, copy)));
    return this;
  }

  /** A constant energy shift {@code E psi(x)}. */
  public HamiltonianBuilder shift(double energy) {
    Check.finite("HamiltonianBuilder.shift", "energy", energy);
    descriptions.add("shift " + energy);
    terms.add(l -> SparseOperator.diagonal(l.states(), energy, null));
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
    terms.add(l -> SparseOperator.diagonal(l.states(), 0.0, perState(l, disorder.values(l))));
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
    if (lattice.internalStates() > 1) {
      throw new IllegalArgumentException(
          where
              + ": the band matrix is defined on lattices without internal states, got s = "
              + lattice.internalStates()
              + " on "
              + lattice);
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
    boolean links = lattice.internalStates() > 1 || !Double.isNaN(flux) || spinOrbit != null;
    SparseOperator total = SparseOperator.zero(lattice.states());
    List<BondTerm> bonds = new ArrayList<>();
    for (Term term : terms) {
      if (links && term instanceof BondTerm) {
        bonds.add((BondTerm) term);
      } else {
        total = total.plus(term.materialize(lattice));
      }
    }
    if (links && bonds.isEmpty() && (!Double.isNaN(flux) || spinOrbit != null)) {
      throw new IllegalStateException(
          "HamiltonianBuilder.build: "
              + (Double.isNaN(flux) ? "the spin-orbit coupling" : "the flux")
              + " multiplies the nearest-neighbour hopping, but there is none; add hopping(J) or"
              + " laplacian() before build()");
    }
    if (!bonds.isEmpty()) {
      total = total.plus(SparseOperator.links(linkField(lattice, bonds)));
    }
    List<String> parts = new ArrayList<>(descriptions);
    if (!Double.isNaN(flux)) {
      parts.add("flux phi=" + flux + " (" + gauge + " gauge)");
    }
    if (spinOrbit != null) {
      parts.add("spin-orbit " + spinOrbit);
    }
    String description = parts.isEmpty() ? "zero" : String.join(" + ", parts);
    return new Hamiltonian(lattice, total, description);
  }

  /**
   * The hopping of the bond terms as links {@code U_a(x) = t_a(x) e^{i theta_a(x)} R_a(x)}: the
   * summed amplitude, the Peierls phase and the SU(2) matrix (each the identity when absent).
   */
  private LinkStencil linkField(Lattice l, List<BondTerm> bonds) {
    int d = l.dimension();
    int s = l.internalStates();
    int n = l.size();
    int ss = s * s;
    double[][] linkRe = new double[d][];
    double[][] linkIm = new double[d][];
    double uniform = 0;
    for (BondTerm b : bonds) {
      uniform += b.uniformAmplitude();
    }
    if (!Double.isNaN(uniform) && Double.isNaN(flux) && spinOrbit == null) {
      // Spin-independent uniform hopping: one matrix t 1 per axis, nothing stored per bond.
      for (int a = 0; a < d; a++) {
        linkRe[a] = new double[ss];
        linkIm[a] = new double[ss];
        for (int sigma = 0; sigma < s; sigma++) {
          linkRe[a][sigma * s + sigma] = uniform;
        }
      }
      return LinkStencil.of(l.sides(), periodicity(l), s, linkRe, linkIm);
    }
    double[][] bondRe = new double[d][n];
    double[][] bondIm = new double[d][n];
    for (BondTerm b : bonds) {
      b.addBonds(l, bondRe, bondIm);
    }
    double[] su2Re = new double[4];
    double[] su2Im = new double[4];
    for (int a = 0; a < d; a++) {
      linkRe[a] = new double[n * ss];
      linkIm[a] = new double[n * ss];
      for (int c = 0; c < n; c++) {
        double tr = bondRe[a][c];
        double ti = bondIm[a][c];
        if (!Double.isNaN(flux) && a < 2) {
          double theta = gauge.phase(flux, a, l.coordinate(c, 0), l.coordinate(c, 1));
          double cos = Math.cos(theta);
          double sin = Math.sin(theta);
          double r = tr * cos - ti * sin;
          ti = tr * sin + ti * cos;
          tr = r;
        }
        int k = c * ss;
        if (spinOrbit == null) {
          for (int sigma = 0; sigma < s; sigma++) {
            linkRe[a][k + sigma * s + sigma] = tr;
            linkIm[a][k + sigma * s + sigma] = ti;
          }
        } else {
          spinOrbit.matrix(SPIN_ORBIT_STREAM, (long) c * d + a, su2Re, su2Im, 0);
          for (int q = 0; q < 4; q++) {
            linkRe[a][k + q] = tr * su2Re[q] - ti * su2Im[q];
            linkIm[a][k + q] = tr * su2Im[q] + ti * su2Re[q];
          }
        }
      }
    }
    return LinkStencil.of(l.sides(), periodicity(l), s, linkRe, linkIm);
  }

  /** A potential given per site, repeated for each internal state of the site. */
  private static double[] perState(Lattice l, double[] siteValues) {
    int s = l.internalStates();
    if (s == 1) {
      return siteValues;
    }
    double[] values = new double[l.states()];
    for (int i = 0; i < siteValues.length; i++) {
      java.util.Arrays.fill(values, i * s, i * s + s, siteValues[i]);
    }
    return values;
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
        Complex z = bondAmplitude(l, amplitude, from, to);
        // Row `to`, column `from` holds <to|H|from> = z; row `from`, column `to` its conjugate.
        re[indexOf(start, target, to, from)] = z.getReal();
        im[indexOf(start, target, to, from)] = z.getImaginary();
        re[k] = z.getReal();
        im[k] = -z.getImaginary();
      }
    }
    return SparseOperator.compressedRows(start, target, re, im);
  }

  /** Adds {@code amplitude(x, x + e_a)} of every bond of a box to {@code re[a][x]}, {@code im}. */
  private static void complexBondArrays(
      Lattice l, BondAmplitude amplitude, double[][] re, double[][] im) {
    int n = l.size();
    int d = l.dimension();
    for (int from = 0; from < n; from++) {
      for (int a = 0; a < d; a++) {
        int side = l.side(a);
        int u = l.coordinate(from, a) - l.minCoordinate(a);
        int to;
        if (u + 1 < side) {
          to = from + l.stride(a);
        } else if (l.isPeriodic(a) && side > 1) {
          to = from - (side - 1) * l.stride(a);
        } else {
          continue;
        }
        Complex z = bondAmplitude(l, amplitude, from, to);
        re[a][from] += z.getReal();
        im[a][from] += z.getImaginary();
      }
    }
  }

  private static Complex bondAmplitude(Lattice l, BondAmplitude amplitude, int from, int to) {
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
    return z;
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
