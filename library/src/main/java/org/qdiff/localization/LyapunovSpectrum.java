package org.qdiff.localization;

import java.util.Locale;
import org.qdiff.frame.Frames;
import tech.tablesaw.api.Table;

/**
 * The result of a {@link TransferMatrix} run: the Lyapunov exponents {@code gamma_1 > gamma_2 >
 * ...} per lattice spacing with their standard errors, and the localization length {@code xi = 1 /
 * gamma_N} from the smallest positive one. Immutable.
 */
public final class LyapunovSpectrum {

  /** Column of the exponent's rank j = 1, 2, ... (largest first). */
  public static final String RANK = "j";

  /** Column of the Lyapunov exponent gamma_j per lattice spacing. */
  public static final String EXPONENT = "gamma";

  /** Column of the exponent's standard error over the blocks. */
  public static final String EXPONENT_SEM = "gamma_sem";

  private final TransferMatrix system;
  private final double[] exponents;
  private final double[] errors;
  private final int smallest;
  private final double seconds;

  LyapunovSpectrum(
      TransferMatrix system, double[] exponents, double[] errors, int smallest, double seconds) {
    this.system = system;
    this.exponents = exponents;
    this.errors = errors;
    this.smallest = smallest;
    this.seconds = seconds;
  }

  /** The calculation that ran. */
  public TransferMatrix system() {
    return system;
  }

  /**
   * The Lyapunov exponents per lattice spacing, largest first (a copy): the N positive ones, or all
   * 2N (pairs {@code +-gamma_j}) with {@link TransferMatrixBuilder#allExponents()}.
   */
  public double[] lyapunovExponents() {
    return exponents.clone();
  }

  /** The standard errors of {@link #lyapunovExponents()} over the blocks (a copy). */
  public double[] exponentErrors() {
    return errors.clone();
  }

  /** gamma_N, the smallest positive Lyapunov exponent per lattice spacing. */
  public double smallestPositiveExponent() {
    return exponents[smallest];
  }

  /** The standard error of gamma_N over the blocks. */
  public double smallestPositiveExponentError() {
    return errors[smallest];
  }

  /**
   * The localization length {@code xi = 1 / gamma_N} in lattice spacings: the decay length of the
   * amplitude, {@code |psi(x)| ~ exp(-|x| / xi)}. Infinite if the measured gamma_N is not positive
   * (an extended state, e.g. a clean chain inside its band).
   */
  public double localizationLength() {
    double gamma = smallestPositiveExponent();
    return gamma > 0 ? 1.0 / gamma : Double.POSITIVE_INFINITY;
  }

  /**
   * The standard error of xi, {@code sigma_gamma / gamma^2} (infinite if gamma_N is not positive).
   */
  public double standardError() {
    double gamma = smallestPositiveExponent();
    return gamma > 0 ? smallestPositiveExponentError() / (gamma * gamma) : Double.POSITIVE_INFINITY;
  }

  /**
   * The localization length in units of the system's width: {@code Lambda_M / M = xi / M} for a bar
   * or strip (M = 1 for a chain), the quantity that crosses at the mobility edge; {@code xi / b^2}
   * for a band matrix, which tends to a constant as b grows.
   */
  public double normalizedLength() {
    return localizationLength() / unit();
  }

  /** The standard error of {@link #normalizedLength()}. */
  public double normalizedLengthError() {
    return standardError() / unit();
  }

  private double unit() {
    double w = system.width();
    return system.isBandMatrix() ? w * w : w;
  }

  /** Wall time of the run in seconds. */
  public double seconds() {
    return seconds;
  }

  /** One row per exponent, largest first: columns {@code j}, {@code gamma}, {@code gamma_sem}. */
  public Table table() {
    double[] rank = new double[exponents.length];
    for (int j = 0; j < rank.length; j++) {
      rank[j] = j + 1;
    }
    return Frames.table(
        "Lyapunov exponents: " + system.describe(),
        new String[] {RANK, EXPONENT, EXPONENT_SEM},
        new double[][] {rank, exponents.clone(), errors.clone()});
  }

  @Override
  public String toString() {
    String normalized = system.isBandMatrix() ? "xi/b^2" : system.dimension() > 1 ? "Lambda/M" : "";
    return String.format(
        Locale.ROOT,
        "LyapunovSpectrum: %s, L = %d: xi = %.6g +- %.2g%s, gamma_N = %.6g +- %.2g, %.3f s",
        system.describe(),
        system.length(),
        localizationLength(),
        standardError(),
        normalized.isEmpty()
            ? ""
            : String.format(
                Locale.ROOT,
                " (%s = %.5g +- %.2g)",
                normalized,
                normalizedLength(),
                normalizedLengthError()),
        smallestPositiveExponent(),
        smallestPositiveExponentError(),
        seconds);
  }
}
