package org.qdiff.rotor;

import org.qdiff.numeric.Fourier;
import org.qdiff.numeric.Parallel;

/**
 * One period of the kicked rotor on a pair of split buffers in momentum (FFT) order: inverse FFT to
 * the angles, kick phase, forward FFT back to the momenta, free phase. Owns its Fourier transform
 * (not thread-safe), so each evolution makes its own; the phase arrays are shared and read only.
 *
 * <p>The loop bodies are made once here, so a period allocates nothing.
 */
final class FloquetStep {

  private final Fourier fourier;
  private final double[] re;
  private final double[] im;
  private final Parallel.RangeBody kick;
  private final Parallel.RangeBody free;

  /**
   * @param kickPhase interleaved (cos, sin) of the kick phase at each angle (not modified)
   * @param freePhase interleaved (cos, sin) of the free phase at each FFT index (not modified)
   * @param re real parts in FFT order (modified by {@link #period})
   * @param im imaginary parts in FFT order (modified by {@link #period})
   */
  FloquetStep(double[] kickPhase, double[] freePhase, double[] re, double[] im) {
    this.fourier = Fourier.of(re.length);
    this.re = re;
    this.im = im;
    this.kick = (from, to) -> multiply(kickPhase, re, im, from, to);
    this.free = (from, to) -> multiply(freePhase, re, im, from, to);
  }

  /** Advances the buffers by one period: the kick, then the free rotation. */
  void period() {
    int n = re.length;
    fourier.inverse(re, im); // momenta -> angles: psi(theta_j) = N^-1/2 sum_n c_n e^{i n theta_j}
    Parallel.forRange(n, kick);
    fourier.forward(re, im); // angles -> momenta
    Parallel.forRange(n, free);
  }

  private static void multiply(double[] phase, double[] re, double[] im, int from, int to) {
    for (int i = from; i < to; i++) {
      double c = phase[2 * i];
      double s = phase[2 * i + 1];
      double r = re[i];
      double m = im[i];
      re[i] = r * c - m * s;
      im[i] = r * s + m * c;
    }
  }
}
