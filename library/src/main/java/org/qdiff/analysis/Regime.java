package org.qdiff.analysis;

/** The three types of spreading of the text (Figure 3), by the exponent alpha of MSD ~ t^alpha. */
public enum Regime {
  /** alpha near 2: sqrt(MSD) grows like t. */
  BALLISTIC,
  /** alpha near 1: sqrt(MSD) grows like sqrt(t). */
  DIFFUSIVE,
  /** alpha near 0: MSD stays bounded. */
  TRAPPED;

  /**
   * The regime whose exponent (2, 1 or 0) is nearest to alpha: boundaries at 1.5 and 0.5.
   *
   * @param alpha a finite exponent
   */
  public static Regime ofExponent(double alpha) {
    if (!Double.isFinite(alpha)) {
      throw new IllegalArgumentException("Regime.ofExponent: alpha must be finite, got " + alpha);
    }
    if (alpha >= 1.5) {
      return BALLISTIC;
    }
    return alpha >= 0.5 ? DIFFUSIVE : TRAPPED;
  }
}
