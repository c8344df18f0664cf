package org.qdiff.propagate;

import java.util.List;
import org.qdiff.observe.Observable;
import org.qdiff.observe.Sample;

/**
 * The checks every evolution makes at an output time ({@link Evolution}, {@link MasterEquation},
 * {@link QuantumJumps}): observables must be finite (Tablesaw would show NaN as missing), and
 * probability near the box faces is reported as the {@link BoundaryGuard} says.
 */
final class OutputChecks {

  private OutputChecks() {}

  /**
   * The observable's value on the sample.
   *
   * @param context appended to the message, e.g. " in trajectory 3" (may be empty)
   * @throws NumericalException if the value is NaN or infinite
   */
  static double measure(String where, Observable observable, Sample sample, String context) {
    double value = observable.measure(sample);
    if (!Double.isFinite(value)) {
      throw new NumericalException(
          sample.time(),
          where
              + ": observable "
              + observable.name()
              + " is "
              + value
              + " at t = "
              + sample.time()
              + context);
    }
    return value;
  }

  /**
   * Records a warning (printed once per run) or throws, when {@code weight} exceeds the guard's
   * threshold.
   *
   * @param warnings the run's warnings, modified
   * @throws BoundaryException if the guard fails
   */
  static void boundary(
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
