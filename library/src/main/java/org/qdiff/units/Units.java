package org.qdiff.units;

import org.qdiff.numeric.Check;

/** SI values of the constants qdiff's examples need (CODATA 2018), and unit conversions. */
public final class Units {

  /** Reduced Planck constant hbar in J s. */
  public static final double HBAR = 1.054571817e-34;

  /** Electron mass in kg. */
  public static final double ELECTRON_MASS = 9.1093837015e-31;

  /** Proton mass in kg. */
  public static final double PROTON_MASS = 1.67262192369e-27;

  /** One electronvolt in J (exact). */
  public static final double ELECTRON_VOLT = 1.602176634e-19;

  /** Speed of light in m/s (exact). */
  public static final double SPEED_OF_LIGHT = 299792458.0;

  private Units() {}

  /**
   * An energy given in electronvolts, in J.
   *
   * @param energy finite
   */
  public static double electronVolts(double energy) {
    return Check.finite("Units.electronVolts", "energy", energy) * ELECTRON_VOLT;
  }

  /**
   * A length given in nanometres, in m.
   *
   * @param length finite
   */
  public static double nanometres(double length) {
    return Check.finite("Units.nanometres", "length", length) * 1e-9;
  }

  /**
   * A length in m, in millimetres.
   *
   * @param metres finite
   */
  public static double toMillimetres(double metres) {
    return Check.finite("Units.toMillimetres", "metres", metres) * 1e3;
  }
}
