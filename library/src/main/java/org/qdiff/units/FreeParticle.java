package org.qdiff.units;

import org.qdiff.numeric.Check;

/**
 * A free non-relativistic particle of mass m, and the exact spreading of its Gaussian wave packet:
 * a packet of initial width sigma0 (the standard deviation of |psi|^2) and no chirp has, at time t,
 *
 * <pre>
 *   sigma(t) = sigma0 sqrt(1 + (t / tau)^2),   tau = 2 m sigma0^2 / hbar,
 * </pre>
 *
 * whatever its mean momentum. In SI ({@link #electron()}, {@link #ofMass}) lengths are in m and
 * times in s; on a lattice ({@link #onLattice}) hbar = 1, lengths are lattice spacings and times
 * are in units of hbar over the hopping. Immutable.
 */
public final class FreeParticle {

  private final String name;
  private final double mass;
  private final double hbar;

  private FreeParticle(String name, double mass, double hbar) {
    this.name = name;
    this.mass = mass;
    this.hbar = hbar;
  }

  /** The electron, in SI units. */
  public static FreeParticle electron() {
    return new FreeParticle("electron", Units.ELECTRON_MASS, Units.HBAR);
  }

  /** The proton, in SI units. */
  public static FreeParticle proton() {
    return new FreeParticle("proton", Units.PROTON_MASS, Units.HBAR);
  }

  /**
   * A particle of the given mass in kg, in SI units.
   *
   * @param name for printing
   * @param mass finite and > 0
   */
  public static FreeParticle ofMass(String name, double mass) {
    Check.notNull("FreeParticle.ofMass", "name", name);
    return new FreeParticle(name, Check.positive("FreeParticle.ofMass", "mass", mass), Units.HBAR);
  }

  /**
   * The particle a lattice with hopping J describes at wavelengths long compared with the spacing:
   * near k = 0 the band is {@code E(k) = J k^2 + ...}, i.e. mass m = 1 / (2 J) in lattice units
   * (hbar = 1, spacing 1). A packet of width sigma0 spreads on the time scale {@code tau = sigma0^2
   * / J}; the lattice corrections to sigma(t)^2 are of relative order {@code 1 / (4 sigma0^2)}.
   *
   * @param hopping J, finite and > 0
   */
  public static FreeParticle onLattice(double hopping) {
    Check.positive("FreeParticle.onLattice", "hopping", hopping);
    return new FreeParticle("lattice particle (J = " + hopping + ")", 1 / (2 * hopping), 1);
  }

  /** The mass m (kg in SI, 1 / (2 J) on a lattice). */
  public double mass() {
    return mass;
  }

  /** hbar in this particle's units (J s in SI, 1 on a lattice). */
  public double hbar() {
    return hbar;
  }

  /**
   * The speed of the particle at a kinetic energy E, {@code v = sqrt(2 E / m)} (non-relativistic:
   * valid for v well below the speed of light).
   *
   * @param energy kinetic energy, finite and > 0 (J in SI)
   */
  public double speedAtKineticEnergy(double energy) {
    Check.positive("FreeParticle.speedAtKineticEnergy", "energy", energy);
    return Math.sqrt(2 * energy / mass);
  }

  /**
   * The spreading time tau = 2 m sigma0^2 / hbar: the width has grown by sqrt(2) at t = tau, and
   * grows linearly, as {@code hbar t / (2 m sigma0)}, long after.
   *
   * @param initialWidth sigma0, finite and > 0
   */
  public double spreadingTime(double initialWidth) {
    Check.positive("FreeParticle.spreadingTime", "initialWidth", initialWidth);
    return 2 * mass * initialWidth * initialWidth / hbar;
  }

  /**
   * The width sigma(t) of a packet of initial width sigma0 after a time t (either sign).
   *
   * @param initialWidth sigma0, finite and > 0
   * @param time t, finite
   */
  public double width(double initialWidth, double time) {
    Check.positive("FreeParticle.width", "initialWidth", initialWidth);
    Check.finite("FreeParticle.width", "time", time);
    double ratio = time / spreadingTime(initialWidth);
    return initialWidth * Math.sqrt(1 + ratio * ratio);
  }

  /**
   * The width after the packet has travelled a distance at a speed, i.e. at {@code t = distance /
   * speed}.
   *
   * @param initialWidth sigma0, finite and > 0
   * @param distance finite and >= 0
   * @param speed finite and > 0
   */
  public double widthAfterTravelling(double initialWidth, double distance, double speed) {
    Check.nonNegative("FreeParticle.widthAfterTravelling", "distance", distance);
    Check.positive("FreeParticle.widthAfterTravelling", "speed", speed);
    return width(initialWidth, distance / speed);
  }

  @Override
  public String toString() {
    return String.format("%s: mass %.6g, hbar %.6g", name, mass, hbar);
  }
}
