package org.qdiff.spectrum;

/** Exact Chebyshev moments, Jackson damping and reconstruction, written out independently. */
final class ExactSpectra {

  private ExactSpectra() {}

  /**
   * {@code mu_n = (1/N) sum_i T_n(x_i)}, {@code x_i = (E_i - center) / halfWidth}, n = 0..count-1,
   * by the three-term recurrence per eigenvalue.
   */
  static double[] exactMoments(double[] eigenvalues, double center, double halfWidth, int count) {
    double[] mu = new double[count];
    for (double e : eigenvalues) {
      double x = (e - center) / halfWidth;
      double previous = 1;
      double current = x;
      mu[0] += 1;
      if (count > 1) {
        mu[1] += x;
      }
      for (int n = 2; n < count; n++) {
        double next = 2 * x * current - previous;
        previous = current;
        current = next;
        mu[n] += current;
      }
    }
    for (int n = 0; n < count; n++) {
      mu[n] /= eigenvalues.length;
    }
    return mu;
  }

  /** Eq. (71) of Weiße et al., Rev. Mod. Phys. 78, 275 (2006), with N = m moments. */
  static double jackson(int n, int m) {
    double q = Math.PI / (m + 1);
    return ((m - n + 1) * Math.cos(n * q) + Math.sin(n * q) / Math.tan(q)) / (m + 1);
  }

  /** The coefficients {@code c_n(E)} with {@code rho(E) = sum_n c_n(E) mu_n}. */
  static double[] densityCoefficients(int m, double center, double halfWidth, double energy) {
    double x = (energy - center) / halfWidth;
    double weight = 1 / (Math.PI * halfWidth * Math.sqrt(1 - x * x));
    double[] c = new double[m];
    double previous = 1;
    double current = x;
    for (int n = 0; n < m; n++) {
      double t = n == 0 ? 1 : (n == 1 ? x : 0);
      if (n >= 2) {
        double next = 2 * x * current - previous;
        previous = current;
        current = next;
        t = current;
      }
      c[n] = (n == 0 ? 1 : 2) * jackson(n, m) * t * weight;
    }
    return c;
  }

  /** The Jackson-damped density from the first m moments: {@code sum_n c_n(E) mu_n}. */
  static double density(double[] mu, int m, double center, double halfWidth, double energy) {
    double[] c = densityCoefficients(m, center, halfWidth, energy);
    double rho = 0;
    for (int n = 0; n < m; n++) {
      rho += c[n] * mu[n];
    }
    return rho;
  }

  /**
   * The variance bound of a stochastic estimate of {@code X = sum_n c_n T_n(H~)} by R random-phase
   * vectors: {@code Var <= (1/(R N)) (1/N) Tr X^2} (the off-diagonal part of the trace). With
   * {@code 2 T_n T_k = T_{n+k} + T_{|n-k|}}, {@code (1/N) Tr X^2 = sum_{n,k} c_n c_k (mu_{n+k} +
   * mu_{|n-k|}) / 2}: the exact moments up to 2(m - 1) give it.
   */
  static double varianceBound(double[] c, double[] exactMu, int vectors, int sites) {
    double trace = 0;
    for (int n = 0; n < c.length; n++) {
      for (int k = 0; k < c.length; k++) {
        trace += c[n] * c[k] * 0.5 * (exactMu[n + k] + exactMu[Math.abs(n - k)]);
      }
    }
    return trace / ((double) vectors * sites);
  }

  /** The variance bound of one moment estimate: {@code (1 + mu_{2n}) / (2 R N)}. */
  static double momentVarianceBound(double[] exactMu, int n, int vectors, int sites) {
    return (1 + exactMu[2 * n]) / (2.0 * vectors * sites);
  }
}
