package org.qdiff.rotor;

/**
 * Unit complex numbers {@code exp(2 pi i f)} from a phase f given in turns.
 *
 * <p>Why turns: the free rotation of the kicked rotor turns momentum n by {@code hbarEff n^2 / 2}
 * radians, which grows like n^2. Written in turns, {@code f = (hbarEff / 4 pi) n^2}, the whole
 * turns can be removed exactly before any trigonometry, and quarter turns are then handled by exact
 * sign and swap rules. The quantum resonances come out exact: for {@code hbarEff = 4 pi} (typed as
 * {@code 4 * Math.PI}) every free phase is exactly 1, for {@code 2 pi} exactly {@code (-1)^n}.
 */
final class Phases {

  private Phases() {}

  /**
   * Writes {@code cos(2 pi f)} and {@code sin(2 pi f)} to {@code out[2 * index]} and {@code out[2 *
   * index + 1]}, exactly at multiples of a quarter turn.
   *
   * @param turns the phase f in turns, |f| below 2^52
   * @param out receives (cos, sin) (modified)
   */
  static void unit(double turns, double[] out, int index) {
    double f = turns - Math.rint(turns); // in [-1/2, 1/2], exact
    double quarter = Math.rint(4 * f); // -2 .. 2
    // Exact by Sterbenz's lemma: f lies within 1/8 of quarter/4.
    double a = 2 * Math.PI * (f - quarter / 4);
    double c = Math.cos(a);
    double s = Math.sin(a);
    double cos;
    double sin;
    switch ((int) quarter & 3) {
      case 0:
        cos = c;
        sin = s;
        break;
      case 1: // a + pi/2
        cos = -s;
        sin = c;
        break;
      case 2: // a + pi
        cos = -c;
        sin = -s;
        break;
      default: // a - pi/2
        cos = s;
        sin = -c;
        break;
    }
    out[2 * index] = cos;
    out[2 * index + 1] = sin;
  }

  /**
   * The fractional part, in turns, of {@code rate * n^2}, computed with the rounding error of the
   * product recovered by a fused multiply-add: the phase is the one of the double {@code rate}
   * itself, also for large n.
   *
   * @param rate turns per unit of n^2, e.g. {@code hbarEff / (4 pi)}
   * @param n an integer with n^2 below 2^53
   * @return a phase in turns, in [-1, 1]
   */
  static double quadraticTurns(double rate, long n) {
    double n2 = (double) (n * n);
    double hi = rate * n2;
    double lo = Math.fma(rate, n2, -hi); // rate * n2 == hi + lo exactly
    return (hi - Math.rint(hi)) + (lo - Math.rint(lo));
  }
}
