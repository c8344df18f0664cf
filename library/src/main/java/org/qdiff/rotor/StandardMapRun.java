package org.qdiff.rotor;

import java.util.Arrays;
import org.qdiff.frame.Columns;
import org.qdiff.frame.Frames;
import org.qdiff.numeric.Check;
import tech.tablesaw.api.Table;

/**
 * The result of {@link StandardMap#run}: the momentum moments at every kick as a table, and the
 * particles' final angles and momenta.
 */
public final class StandardMapRun {

  private static final String[] NAMES = {
    Columns.TIME,
    Columns.MOMENTUM_SQUARED,
    Columns.MOMENTUM_SQUARED_SEM,
    StandardMap.MOMENTUM_CHANGE_SQUARED,
    StandardMap.MOMENTUM_CHANGE_SQUARED_SEM
  };

  private final StandardMap map;
  private final double[][] columns;
  private final double[] theta;
  private final double[] p;
  private final double[] p0;
  private final double seconds;

  StandardMapRun(
      StandardMap map,
      double[][] columns,
      double[] theta,
      double[] p,
      double[] p0,
      double seconds) {
    this.map = map;
    this.columns = columns;
    this.theta = theta;
    this.p = p;
    this.p0 = p0;
    this.seconds = seconds;
  }

  /**
   * One row per kick t = 0..kicks: {@code t}, {@code p2} = {@code <p_t^2>}, {@code p2_sem}, {@code
   * dp2} = {@code <(p_t - p_0)^2>}, {@code dp2_sem}. With all particles starting at p_0 = 0 (the
   * default) p2 and dp2 coincide.
   */
  public Table table() {
    return Frames.table("standard map K = " + map.kickStrength(), NAMES, columns);
  }

  /**
   * One column's values at every kick.
   *
   * @param name t, p2, p2_sem, dp2 or dp2_sem
   * @throws IllegalArgumentException if there is no such column
   */
  public double[] column(String name) {
    for (int c = 0; c < NAMES.length; c++) {
      if (NAMES[c].equals(name)) {
        return columns[c].clone();
      }
    }
    throw new IllegalArgumentException(
        "StandardMapRun.column: no column named \""
            + name
            + "\"; the columns are "
            + String.join(", ", NAMES));
  }

  /** The ensemble that ran. */
  public StandardMap map() {
    return map;
  }

  /** The number of kicks. */
  public int kicks() {
    return columns[0].length - 1;
  }

  /** The particles' momenta after the last kick (a copy). */
  public double[] finalMomenta() {
    return p.clone();
  }

  /** The particles' angles in {@code [0, 2 pi]} after the last kick (a copy). */
  public double[] finalAngles() {
    return theta.clone();
  }

  /** The particles' initial momenta (a copy). */
  public double[] initialMomenta() {
    return p0.clone();
  }

  /** Wall time of the run in seconds. */
  public double wallSeconds() {
    return seconds;
  }

  /**
   * The distribution of the final momenta: the fraction of particles in bins of the given width
   * centred on the multiples {@code m w} of the width, from the lowest to the highest occupied bin
   * (empty bins included, with probability 0). With {@code w = hbarEff} it compares directly with
   * the quantum rotor's {@code |<n|psi>|^2} at {@code p = hbarEff n}. Columns {@code momentum} (the
   * bin centres) and {@code probability}.
   *
   * @param width the bin width w, finite and {@code > 0}
   * @throws IllegalArgumentException otherwise, or if the momenta span more than 10^7 bins
   */
  public Table momentumHistogram(double width) {
    String where = "StandardMapRun.momentumHistogram";
    Check.positive(where, "width", width);
    double lo = Arrays.stream(p).min().orElseThrow();
    double hi = Arrays.stream(p).max().orElseThrow();
    long first = Math.round(lo / width);
    long last = Math.round(hi / width);
    if (last - first >= 10_000_000L) {
      throw new IllegalArgumentException(
          where
              + ": width must give at most 10^7 bins over the momenta ["
              + lo
              + ", "
              + hi
              + "], got "
              + width);
    }
    int bins = (int) (last - first + 1);
    double[] centre = new double[bins];
    double[] fraction = new double[bins];
    for (double q : p) {
      fraction[(int) (Math.round(q / width) - first)] += 1.0 / p.length;
    }
    for (int b = 0; b < bins; b++) {
      centre[b] = (first + b) * width;
    }
    return Frames.table(
        "standard map momenta after kick " + kicks(),
        new String[] {KickedRotor.MOMENTUM, KickedRotor.PROBABILITY},
        new double[][] {centre, fraction});
  }

  @Override
  public String toString() {
    int last = kicks();
    return String.format(
        "StandardMapRun: K = %s, M = %d, %d kicks: <p^2> = %.5g +- %.2g at t = %d, %.3f s",
        map.kickStrength(),
        map.particles(),
        last,
        columns[1][last],
        columns[2][last],
        last,
        seconds);
  }
}
