package org.qdiff.hamiltonian;

/**
 * The gauge of a uniform magnetic field B (flux phi = B per plaquette, lattice spacing 1, charge
 * and hbar 1): which vector potential A, with {@code curl A = B}, gives the Peierls phase {@code
 * theta_a(x) = integral of A from x to x + e_a} of each bond. x and y are the centred coordinates
 * along axes 0 and 1 (the field points along axis 2 in three dimensions).
 *
 * <p>Gauge-invariant quantities (spectra, |psi(x, t)|^2 from a state given up to its local phase)
 * do not depend on the choice; the canonical momentum distribution does, since the canonical
 * momentum {@code p = m v + A} is measured relative to A. A = 0 at the origin in every gauge.
 */
public enum Gauge {
  /**
   * {@code A = (0, B x)}: bonds along y carry {@code theta_y = phi x}, bonds along x none. On a box
   * periodic along x it needs {@code phi L_x} to be a multiple of 2 pi.
   */
  LANDAU_X("Landau-x"),

  /**
   * {@code A = (-B y, 0)}: bonds along x carry {@code theta_x = -phi y}, bonds along y none. On a
   * box periodic along y it needs {@code phi L_y} to be a multiple of 2 pi.
   */
  LANDAU_Y("Landau-y"),

  /**
   * {@code A = (B / 2) (-y, x)}, centred at the origin: {@code theta_x = -phi y / 2}, {@code
   * theta_y = phi x / 2}. Rotation invariant about the origin, so a packet launched there keeps a
   * canonical momentum close to its kinetic momentum. Only on boxes open along x and y.
   */
  SYMMETRIC("symmetric");

  private final String label;

  Gauge(String label) {
    this.label = label;
  }

  /** The Peierls phase of the bond from (x, y) along axis 0 (a = 0) or axis 1 (a = 1). */
  double phase(double flux, int axis, int x, int y) {
    switch (this) {
      case LANDAU_X:
        return axis == 1 ? flux * x : 0.0;
      case LANDAU_Y:
        return axis == 0 ? -flux * y : 0.0;
      default:
        return axis == 0 ? -0.5 * flux * y : 0.5 * flux * x;
    }
  }

  @Override
  public String toString() {
    return label;
  }
}
