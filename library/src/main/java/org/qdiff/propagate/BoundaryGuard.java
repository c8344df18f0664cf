package org.qdiff.propagate;

import org.qdiff.numeric.Check;

/**
 * What an evolution does when probability reaches the faces of a finite box, which then no longer
 * stands for Z^d: nothing, warn (recorded in the trajectory and printed once), or fail with an
 * exception.
 */
public final class BoundaryGuard {

  enum Action {
    OFF,
    WARN,
    FAIL
  }

  private final Action action;
  private final double threshold;
  private final int margin;

  private BoundaryGuard(Action action, double threshold, int margin) {
    this.action = action;
    this.threshold = threshold;
    this.margin = margin;
  }

  /** Never look at the faces (e.g. on a torus where wrapping is intended). */
  public static BoundaryGuard off() {
    return new BoundaryGuard(Action.OFF, 1, 1);
  }

  /**
   * Warn once the probability within {@code margin} (default 2) layers of the faces exceeds the
   * threshold.
   *
   * @param threshold in (0, 1)
   */
  public static BoundaryGuard warn(double threshold) {
    return new BoundaryGuard(Action.WARN, checkThreshold("BoundaryGuard.warn", threshold), 2);
  }

  /**
   * Fail with a {@link BoundaryException} once the probability near the faces exceeds the
   * threshold.
   *
   * @param threshold in (0, 1)
   */
  public static BoundaryGuard fail(double threshold) {
    return new BoundaryGuard(Action.FAIL, checkThreshold("BoundaryGuard.fail", threshold), 2);
  }

  /**
   * A copy that counts this many outer layers as "near the faces".
   *
   * @param layers >= 1
   */
  public BoundaryGuard margin(int layers) {
    Check.atLeast("BoundaryGuard.margin", "layers", layers, 1);
    return new BoundaryGuard(action, threshold, layers);
  }

  Action action() {
    return action;
  }

  double threshold() {
    return threshold;
  }

  int margin() {
    return margin;
  }

  private static double checkThreshold(String where, double threshold) {
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException(where + ": threshold must be in (0, 1), got " + threshold);
    }
    return threshold;
  }

  @Override
  public String toString() {
    return action == Action.OFF
        ? "BoundaryGuard.off()"
        : "BoundaryGuard."
            + action.name().toLowerCase()
            + "("
            + threshold
            + ").margin("
            + margin
            + ")";
  }
}
