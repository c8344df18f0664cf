package org.qdiff.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Check;

/**
 * Coherent backscattering in a momentum distribution: the peak at {@code -k0} of a wave launched
 * with momentum k0 into a disordered lattice, measured against the diffuse background.
 *
 * <p>The contrast is {@code C = n(-k0) / n_bg - 1}, where each density is averaged over the grid
 * points within {@link #radius} of its wave vector (to average speckle), and n_bg is the mean of
 * those averages at the images of k0 under the point group of the box (sign changes of the
 * components, and permutations of axes of equal length) other than k0 and -k0. These images have
 * exactly the band energy of k0, and the disorder ensemble is symmetric under the point group, so
 * once the motion is diffusive they carry the same diffuse background as -k0 without its
 * interference: C = 1 for time-reversal symmetric disorder (the cooperon equals the diffuson), C
 * near 0 when a magnetic field dephases the time-reversed paths, and C = -1/2 for a spin 1/2 with
 * strong spin-orbit coupling (weak anti-localization).
 *
 * <p>The distributions are those of {@code Profiles.momentumDistribution}: indexed like the sites
 * of the box, the site with centred coordinates m holding {@code k_a = 2 pi m_a / L_a}. Immutable.
 */
public final class Backscattering {

  private final Lattice lattice;
  private final int[] momentumIndex;
  private final double radius;

  private Backscattering(Lattice lattice, int[] momentumIndex, double radius) {
    this.lattice = lattice;
    this.momentumIndex = momentumIndex;
    this.radius = radius;
  }

  /**
   * Backscattering of a wave launched with momentum k0, taken to the nearest point {@code 2 pi m /
   * L} of the momentum grid of the box. The disc radius defaults to 0 (the grid point alone).
   *
   * @param lattice a box of dimension 2 or 3
   * @param k0 one finite component per axis, in radians per lattice spacing
   * @throws IllegalArgumentException if the lattice is not such a box, k0 has the wrong length or a
   *     non-finite component, or k0 has no image under the point group besides k0 and -k0 (e.g. on
   *     a square box k0 = 0 or k0 = (pi, pi) on even sides; on the diagonals two images remain):
   *     then there is no background to compare with
   */
  public static Backscattering at(Lattice lattice, double... k0) {
    String where = "Backscattering.at";
    Check.notNull(where, "lattice", lattice);
    Check.notNull(where, "k0", k0);
    if (!lattice.isBox() || lattice.dimension() < 2) {
      throw new IllegalArgumentException(
          where + ": needs a box of dimension 2 or 3 (a point group with images), got " + lattice);
    }
    int d = lattice.dimension();
    if (k0.length != d) {
      throw new IllegalArgumentException(
          where + ": k0 must have " + d + " components, one per axis, got " + k0.length);
    }
    int[] m = new int[d];
    for (int a = 0; a < d; a++) {
      Check.finite(where, "k0[" + a + "]", k0[a]);
      int side = lattice.side(a);
      int index = (int) Math.round(k0[a] * side / (2 * Math.PI));
      m[a] = wrap(index, side);
    }
    Backscattering b = new Backscattering(lattice, m, 0.0);
    if (b.images().isEmpty()) {
      throw new IllegalArgumentException(
          where
              + ": k0 = "
              + Arrays.toString(b.momentum())
              + " has no image under the point group of "
              + lattice
              + " other than k0 and -k0, so there is no background to compare with; choose k0"
              + " off the axes and diagonals, e.g. (pi/3, pi/5)");
    }
    return b;
  }

  /**
   * A copy that averages each density over the grid points within distance r of its wave vector
   * (distances taken modulo the Brillouin zone).
   *
   * @param r finite and >= 0, in radians per lattice spacing
   */
  public Backscattering radius(double r) {
    return new Backscattering(
        lattice, momentumIndex, Check.nonNegative("Backscattering.radius", "r", r));
  }

  /** The disc radius. */
  public double radius() {
    return radius;
  }

  /** The launch momentum k0 on the grid, {@code k_a = 2 pi m_a / L_a} with m_a centred. */
  public double[] momentum() {
    double[] k = new double[momentumIndex.length];
    for (int a = 0; a < k.length; a++) {
      k[a] = 2 * Math.PI * momentumIndex[a] / lattice.side(a);
    }
    return k;
  }

  /** The density at the backscattering direction -k0, averaged over the disc. */
  public double peak(double[] n) {
    check(n);
    int[] minus = new int[momentumIndex.length];
    for (int a = 0; a < minus.length; a++) {
      minus[a] = wrap(-momentumIndex[a], lattice.side(a));
    }
    return disc(n, minus);
  }

  /** The density at k0 itself (the forward direction), averaged over the disc. */
  public double forward(double[] n) {
    check(n);
    return disc(n, momentumIndex);
  }

  /** The mean of the disc averages at the images of k0 other than k0 and -k0. */
  public double background(double[] n) {
    check(n);
    List<int[]> images = images();
    double sum = 0;
    for (int[] image : images) {
      sum += disc(n, image);
    }
    return sum / images.size();
  }

  /**
   * The contrast {@code C = peak / background - 1} of one distribution (e.g. a disorder average).
   */
  public double contrast(double[] n) {
    return peak(n) / background(n) - 1;
  }

  /** The images of k0 under sign changes and permutations of equal axes, without k0 and -k0. */
  List<int[]> images() {
    int d = momentumIndex.length;
    List<int[]> out = new ArrayList<>();
    int[] minus = new int[d];
    for (int a = 0; a < d; a++) {
      minus[a] = wrap(-momentumIndex[a], lattice.side(a));
    }
    for (int[] perm : permutations(d)) {
      boolean allowed = true;
      for (int a = 0; a < d; a++) {
        allowed &= lattice.side(a) == lattice.side(perm[a]);
      }
      if (!allowed) {
        continue;
      }
      for (int signs = 0; signs < 1 << d; signs++) {
        int[] image = new int[d];
        for (int a = 0; a < d; a++) {
          int component = momentumIndex[perm[a]];
          image[a] = wrap((signs >> a & 1) == 1 ? -component : component, lattice.side(a));
        }
        if (Arrays.equals(image, momentumIndex) || Arrays.equals(image, minus)) {
          continue;
        }
        boolean seen = false;
        for (int[] other : out) {
          seen |= Arrays.equals(other, image);
        }
        if (!seen) {
          out.add(image);
        }
      }
    }
    return out;
  }

  private double disc(double[] n, int[] center) {
    int d = center.length;
    int[] reach = new int[d];
    for (int a = 0; a < d; a++) {
      reach[a] = (int) Math.floor(radius * lattice.side(a) / (2 * Math.PI));
    }
    double sum = 0;
    int count = 0;
    int[] offset = new int[d];
    for (int a = 0; a < d; a++) {
      offset[a] = -reach[a];
    }
    int[] m = new int[d];
    while (true) {
      double k2 = 0;
      for (int a = 0; a < d; a++) {
        double dk = 2 * Math.PI * offset[a] / lattice.side(a);
        k2 += dk * dk;
        m[a] = wrap(center[a] + offset[a], lattice.side(a));
      }
      if (k2 <= radius * radius * (1 + 1e-12)) {
        sum += n[lattice.site(m)];
        count++;
      }
      int a = d - 1;
      while (a >= 0 && ++offset[a] > reach[a]) {
        offset[a] = -reach[a];
        a--;
      }
      if (a < 0) {
        break;
      }
    }
    return sum / count;
  }

  /** Centred index in [-floor(L/2), ceil(L/2) - 1] equivalent to m modulo L. */
  private static int wrap(int m, int side) {
    int lo = -(side / 2);
    return Math.floorMod(m - lo, side) + lo;
  }

  private void check(double[] n) {
    Check.notNull("Backscattering", "n", n);
    if (n.length != lattice.size()) {
      throw new IllegalArgumentException(
          "Backscattering: the momentum distribution must have N = "
              + lattice.size()
              + " values (one per grid point of the box), got "
              + n.length);
    }
  }

  private static List<int[]> permutations(int d) {
    List<int[]> out = new ArrayList<>();
    if (d == 2) {
      out.add(new int[] {0, 1});
      out.add(new int[] {1, 0});
    } else {
      int[][] all = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
      out.addAll(Arrays.asList(all));
    }
    return out;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "Backscattering at k0 = %s on %s, disc radius %.4g, %d background images",
        Arrays.toString(momentum()),
        lattice,
        radius,
        images().size());
  }
}
