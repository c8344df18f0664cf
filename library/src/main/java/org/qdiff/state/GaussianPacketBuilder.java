package org.qdiff.state;

import java.util.Arrays;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Check;

/**
 * Configures a Gaussian wave packet {@code psi(x) ~ exp(-|x - x0|^2 / (4 sigma^2) + i k.(x - x0))}:
 * width sigma (the standard deviation of |psi|^2 along each axis), centre x0 (the origin by
 * default) and mean momentum k (zero by default). On periodic axes |x - x0| is the minimum image.
 */
public final class GaussianPacketBuilder {

  private final Lattice lattice;
  private double width = Double.NaN;
  private int[] center;
  private double[] momentum;

  GaussianPacketBuilder(Lattice lattice) {
    if (!lattice.isBox()) {
      throw new IllegalArgumentException(
          "WaveFunction.gaussianPacket: needs a box of Z^d, got " + lattice);
    }
    this.lattice = lattice;
    this.center = new int[lattice.dimension()];
    this.momentum = new double[lattice.dimension()];
  }

  /**
   * Width sigma in lattice spacings.
   *
   * @param sigma finite and > 0
   */
  public GaussianPacketBuilder width(double sigma) {
    this.width = Check.positive("GaussianPacketBuilder.width", "sigma", sigma);
    return this;
  }

  /** Centre x0 in centred coordinates (must be a site of the box). */
  public GaussianPacketBuilder center(int... coordinates) {
    lattice.site(coordinates); // validates
    this.center = coordinates.clone();
    return this;
  }

  /** Mean momentum k, one component per axis (radians per lattice spacing). */
  public GaussianPacketBuilder momentum(double... k) {
    WaveFunction.checkMomentum("GaussianPacketBuilder.momentum", lattice, k);
    this.momentum = k.clone();
    return this;
  }

  /**
   * The normalized packet.
   *
   * @throws IllegalStateException if no width was set
   */
  public WaveFunction build() {
    if (Double.isNaN(width)) {
      throw new IllegalStateException(
          "GaussianPacketBuilder.build: no width set; call width(sigma) before build()");
    }
    int n = lattice.size();
    int d = lattice.dimension();
    int from = lattice.site(center);
    double[] re = new double[n];
    double[] im = new double[n];
    double inv = 1.0 / (4 * width * width);
    for (int i = 0; i < n; i++) {
      double r2 = 0;
      double phase = 0;
      for (int a = 0; a < d; a++) {
        int dx = lattice.axisDisplacement(from, i, a);
        r2 += (double) dx * dx;
        phase += momentum[a] * dx;
      }
      double amplitude = Math.exp(-r2 * inv);
      re[i] = amplitude * Math.cos(phase);
      im[i] = amplitude * Math.sin(phase);
    }
    return WaveFunction.normalizedOrThrow("GaussianPacketBuilder.build", lattice, re, im);
  }

  @Override
  public String toString() {
    return "GaussianPacketBuilder[width "
        + width
        + ", center "
        + Arrays.toString(center)
        + ", momentum "
        + Arrays.toString(momentum)
        + "]: "
        + (Double.isNaN(width) ? "set width(sigma), then " : "")
        + "call build()";
  }
}
