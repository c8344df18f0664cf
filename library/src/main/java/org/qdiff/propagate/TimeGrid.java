package org.qdiff.propagate;

import java.util.Arrays;
import org.qdiff.numeric.Check;

/**
 * The output times of an evolution, visited in the order given; the state is at t = 0 at the start.
 * Times may be negative (evolution backwards in time) and need not be monotone.
 */
public final class TimeGrid {

  private final double[] times;

  private TimeGrid(double[] times) {
    this.times = times;
  }

  /**
   * The given times.
   *
   * @throws IllegalArgumentException if empty or a time is not finite
   */
  public static TimeGrid of(double... times) {
    Check.notNull("TimeGrid.of", "times", times);
    if (times.length == 0) {
      throw new IllegalArgumentException("TimeGrid.of: times must not be empty");
    }
    for (int i = 0; i < times.length; i++) {
      Check.finite("TimeGrid.of", "times[" + i + "]", times[i]);
    }
    return new TimeGrid(times.clone());
  }

  /**
   * {@code count} equally spaced times from start to end, both included.
   *
   * @param count >= 2
   */
  public static TimeGrid linear(double start, double end, int count) {
    Check.finite("TimeGrid.linear", "start", start);
    Check.finite("TimeGrid.linear", "end", end);
    Check.atLeast("TimeGrid.linear", "count", count, 2);
    double[] t = new double[count];
    for (int i = 0; i < count; i++) {
      t[i] = start + (end - start) * i / (count - 1);
    }
    t[count - 1] = end;
    return new TimeGrid(t);
  }

  /**
   * {@code count} logarithmically spaced times from start to end, both included.
   *
   * @param start > 0
   * @param end > start
   * @param count >= 2
   */
  public static TimeGrid logSpaced(double start, double end, int count) {
    if (!(start > 0) || !Double.isFinite(start)) {
      throw new IllegalArgumentException(
          "TimeGrid.logSpaced: start must be > 0 on a log grid, got " + start);
    }
    if (!(end > start) || !Double.isFinite(end)) {
      throw new IllegalArgumentException(
          "TimeGrid.logSpaced: end must be finite and > start = " + start + ", got " + end);
    }
    Check.atLeast("TimeGrid.logSpaced", "count", count, 2);
    double[] t = new double[count];
    double ratio = Math.log(end / start);
    for (int i = 0; i < count; i++) {
      t[i] = start * Math.exp(ratio * i / (count - 1));
    }
    t[0] = start;
    t[count - 1] = end;
    return new TimeGrid(t);
  }

  /**
   * Integer times {@code 0, 1, ..., steps} (for discrete-time walks).
   *
   * @param steps >= 1
   */
  public static TimeGrid steps(int steps) {
    Check.atLeast("TimeGrid.steps", "steps", steps, 1);
    double[] t = new double[steps + 1];
    for (int i = 0; i <= steps; i++) {
      t[i] = i;
    }
    return new TimeGrid(t);
  }

  /** Number of output times. */
  public int size() {
    return times.length;
  }

  /** The i-th output time. */
  public double time(int i) {
    return times[Check.index("TimeGrid.time", "i", i, times.length)];
  }

  /** All output times (a copy). */
  public double[] times() {
    return times.clone();
  }

  @Override
  public String toString() {
    if (times.length <= 6) {
      return "TimeGrid" + Arrays.toString(times);
    }
    return "TimeGrid["
        + times.length
        + " times from "
        + times[0]
        + " to "
        + times[times.length - 1]
        + "]";
  }
}
