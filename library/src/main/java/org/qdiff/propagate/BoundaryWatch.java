package org.qdiff.propagate;

import java.util.List;

/**
 * What the dephasing methods do with the probability near the box faces at an output time: the rule
 * of {@link Evolution}, shared by {@link MasterEquation} and {@link QuantumJumps}.
 */
final class BoundaryWatch {

  private BoundaryWatch() {}

  /**
   * Records a warning (printed once per run) or throws, when {@code weight} exceeds the guard's
   * threshold.
   *
   * @param warnings the run's warnings, modified
   * @throws BoundaryException if the guard fails
   */
  static void check(
      BoundaryGuard guard, double weight, double t, String where, List<String> warnings) {
    if (guard.action() == BoundaryGuard.Action.OFF || weight <= guard.threshold()) {
      return;
    }
    String message =
        String.format(
            "probability %.3g within %d layers of the box faces at t = %s exceeds %s: the box no"
                + " longer stands for Z^d; use a larger lattice or shorter times",
            weight, guard.margin(), t, guard.threshold());
    if (guard.action() == BoundaryGuard.Action.FAIL) {
      throw new BoundaryException(where + ": " + message);
    }
    if (warnings.isEmpty()) {
      System.err.println("qdiff warning: " + message);
    }
    warnings.add(message);
  }
}
