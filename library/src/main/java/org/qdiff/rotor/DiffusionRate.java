package org.qdiff.rotor;

/**
 * A measured diffusion constant of the standard map, {@code D = [<(p_b - p_0)^2> - <(p_a - p_0)^2>]
 * / (b - a)} between kicks a and b, with its standard error.
 *
 * <p>Each particle i gives its own estimate {@code D_i = [(p_{i,b} - p_{i,0})^2 - (p_{i,a} -
 * p_{i,0})^2] / (b - a)}; the particles are independent, so D is the mean of the D_i and its
 * standard error is their sample standard deviation over {@code sqrt(M)}. Taking the difference of
 * two times removes the constant offset that short-time correlations add to {@code <(p_t -
 * p_0)^2>}, which would bias {@code <(p_t - p_0)^2> / t} by a term of order 1/t.
 *
 * @param kickStrength K
 * @param fromKick a
 * @param toKick b
 * @param particles M
 * @param value D, momentum^2 per kick
 * @param standardError the standard error of D
 */
public record DiffusionRate(
    double kickStrength,
    int fromKick,
    int toKick,
    int particles,
    double value,
    double standardError) {

  /** The quasi-linear value {@code K^2 / 2} for the same K. */
  public double quasilinear() {
    return StandardMap.quasilinearDiffusion(kickStrength);
  }

  /** The Rechester-White value for the same K ({@link StandardMap#rechesterWhiteDiffusion}). */
  public double rechesterWhite() {
    return StandardMap.rechesterWhiteDiffusion(kickStrength);
  }

  @Override
  public String toString() {
    return String.format(
        "D = %.5g +- %.2g (K = %s, kicks %d..%d, M = %d); K^2/2 = %.5g, Rechester-White %.5g",
        value,
        standardError,
        kickStrength,
        fromKick,
        toKick,
        particles,
        quasilinear(),
        rechesterWhite());
  }
}
