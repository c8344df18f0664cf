package org.qdiff.state;

import java.util.Arrays;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Check;

/**
 * Configures a Gaussian wave packet {@code psi(x) ~ exp(-|x - x0|^2 / (4 sigma^2) + i k.(x - x0))}:
 * width sigma (the standard deviation of |psi|^2 along each axis), centre x0 (the origin by
 * default) and mean momentum k (zero by default). On periodic axes |x - x0| is the minimum image.
 * On a lattice with internal states the packet is {@code psi(x) chi} with the spinor chi of {@link
 * #spinor} (internal state 0 by default).
 */
public final class GaussianPacketBuilder {

  private final Lattice lattice;
  private double width = Double.NaN;
  private int[] center;
  private double[] momentum;
  private Spinor spinor;

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
   * The internal state of the packet on a lattice with internal states (default: internal state 0).
   *
   * @throws IllegalArgumentException if the spinor does not have s components
   */
  public GaussianPacketBuilder spinor(Spinor chi) {
    Check.notNull("GaussianPacketBuilder.spinor", "chi", chi);
    chi.requireDimension("GaussianPacketBuilder.spinor", lattice.internalStates());
    this.spinor = chi;
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
    int s = lattice.internalStates();
    Spinor chi = spinor == null ? Spinor.basis(s, 0) : spinor;
    int from = lattice.site(center);
    double[] re = new double[lattice.states()];
    double[] im = new double[lattice.states()];
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
      double cr = amplitude * Math.cos(phase);
      double ci = amplitude * Math.sin(phase);
      for (int sigma = 0; sigma < s; sigma++) {
        re[i * s + sigma] = cr * chi.re(sigma) - ci * chi.im(sigma);
        im[i * s + sigma] = cr * chi.im(sigma) + ci * chi.re(sigma);
      }
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
