package org.qdiff.state;

import java.util.Arrays;
import org.hipparchus.complex.Complex;
import org.qdiff.numeric.Check;

/**
 * A normalized vector of the internal space of a site, {@code chi(sigma)} with {@code sum_sigma
 * |chi(sigma)|^2 = 1}: the spin state a wave function is put in on a lattice with internal states
 * (e.g. {@code WaveFunction.delta(lattice, site, Spinor.up())}). Immutable.
 */
public final class Spinor {

  private final double[] re;
  private final double[] im;

  private Spinor(double[] re, double[] im) {
    this.re = re;
    this.im = im;
  }

  /** Spin up along z, {@code (1, 0)}: internal state 0 of a spin 1/2. */
  public static Spinor up() {
    return basis(2, 0);
  }

  /** Spin down along z, {@code (0, 1)}: internal state 1 of a spin 1/2. */
  public static Spinor down() {
    return basis(2, 1);
  }

  /**
   * The spin 1/2 pointing along the unit vector with polar angle theta and azimuth phi: {@code
   * (cos(theta/2), e^{i phi} sin(theta/2))}.
   *
   * @param theta polar angle in radians, finite
   * @param phi azimuth in radians, finite
   */
  public static Spinor along(double theta, double phi) {
    Check.finite("Spinor.along", "theta", theta);
    Check.finite("Spinor.along", "phi", phi);
    double c = Math.cos(theta / 2);
    double s = Math.sin(theta / 2);
    return new Spinor(new double[] {c, s * Math.cos(phi)}, new double[] {0, s * Math.sin(phi)});
  }

  /**
   * Basis state {@code sigma} of an internal space of dimension s.
   *
   * @param s dimension, >= 1
   * @param sigma in {@code [0, s-1]}
   */
  public static Spinor basis(int s, int sigma) {
    Check.atLeast("Spinor.basis", "s", s, 1);
    Check.index("Spinor.basis", "sigma", sigma, s);
    double[] re = new double[s];
    re[sigma] = 1;
    return new Spinor(re, new double[s]);
  }

  /**
   * A spinor from complex components, normalized.
   *
   * @throws IllegalArgumentException if there are no components, one is null or not finite, or all
   *     are zero
   */
  public static Spinor of(Complex... components) {
    String where = "Spinor.of";
    Check.notNull(where, "components", components);
    double[] re = new double[components.length];
    double[] im = new double[components.length];
    for (int k = 0; k < components.length; k++) {
      Check.notNull(where, "components[" + k + "]", components[k]);
      re[k] = components[k].getReal();
      im[k] = components[k].getImaginary();
    }
    return normalized(where, re, im);
  }

  /**
   * A spinor from real and imaginary parts (copied), normalized.
   *
   * @throws IllegalArgumentException if the lengths differ or are 0, a value is not finite, or all
   *     components are zero
   */
  public static Spinor of(double[] real, double[] imaginary) {
    String where = "Spinor.of";
    Check.notNull(where, "real", real);
    Check.notNull(where, "imaginary", imaginary);
    if (real.length != imaginary.length) {
      throw new IllegalArgumentException(
          where
              + ": real and imaginary must have the same length, got "
              + real.length
              + " and "
              + imaginary.length);
    }
    return normalized(where, real.clone(), imaginary.clone());
  }

  private static Spinor normalized(String where, double[] re, double[] im) {
    if (re.length == 0) {
      throw new IllegalArgumentException(where + ": a spinor needs at least 1 component, got 0");
    }
    double norm2 = 0;
    for (int k = 0; k < re.length; k++) {
      Check.finite(where, "real part of component " + k, re[k]);
      Check.finite(where, "imaginary part of component " + k, im[k]);
      norm2 += re[k] * re[k] + im[k] * im[k];
    }
    if (!(norm2 > 0) || !Double.isFinite(norm2)) {
      throw new IllegalArgumentException(
          where + ": the spinor must be non-zero with a finite norm, got sum |chi|^2 = " + norm2);
    }
    double scale = 1 / Math.sqrt(norm2);
    for (int k = 0; k < re.length; k++) {
      re[k] *= scale;
      im[k] *= scale;
    }
    return new Spinor(re, im);
  }

  /** The number of components s. */
  public int dimension() {
    return re.length;
  }

  /** Component sigma. */
  public Complex component(int sigma) {
    Check.index("Spinor.component", "sigma", sigma, re.length);
    return new Complex(re[sigma], im[sigma]);
  }

  double re(int sigma) {
    return re[sigma];
  }

  double im(int sigma) {
    return im[sigma];
  }

  /**
   * @throws IllegalArgumentException naming {@code where} if the dimension is not s
   */
  void requireDimension(String where, int s) {
    if (re.length != s) {
      throw new IllegalArgumentException(
          where
              + ": spinor must have s = "
              + s
              + " components (the lattice's internal states per site), got "
              + re.length);
    }
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("Spinor(");
    for (int k = 0; k < re.length; k++) {
      b.append(k == 0 ? "" : ", ").append(re[k]);
      if (im[k] != 0) {
        b.append(im[k] < 0 ? " - " : " + ").append(Math.abs(im[k])).append('i');
      }
    }
    return b.append(')').toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Spinor
        && Arrays.equals(re, ((Spinor) o).re)
        && Arrays.equals(im, ((Spinor) o).im);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(re) + Arrays.hashCode(im);
  }
}
