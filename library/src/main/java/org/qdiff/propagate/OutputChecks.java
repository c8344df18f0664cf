package org.qdiff.propagate;

import java.util.List;
import org.qdiff.numeric.ComplexVectors;
import org.qdiff.observe.Observable;
import org.qdiff.observe.Sample;
import org.qdiff.state.StateBuffers;

/**
 * The checks every evolution makes at an output time ({@link Evolution}, {@link MasterEquation},
 * {@link QuantumJumps}): observables must be finite (Tablesaw would show NaN as missing), and
 * probability near the box faces is reported as the {@link BoundaryGuard} says. Warnings of the
 * steppers join the run's at the end.
 */
final class OutputChecks {

  private OutputChecks() {}

  /**
   * Checks a wave function at an output time: every amplitude finite, and the total probability
   * within {@code tolerance} (relative) of {@code norm0}.
   *
   * @param context appended to the time in the messages, e.g. " in trajectory 3" (may be empty)
   * @param method the propagator's description, for the message
   * @throws NumericalException otherwise
   */
  static void health(
      String where,
      StateBuffers state,
      double norm0,
      double tolerance,
      double t,
      String context,
      String method) {
    if (!ComplexVectors.allFinite(state.re, state.im)) {
      throw new NumericalException(
          t,
          where
              + ": the state has NaN or infinite amplitudes at t = "
              + t
              + context
              + " (propagator: "
              + method
              + ")");
    }
    double norm = ComplexVectors.normSquared(state.re, state.im);
    if (Math.abs(norm - norm0) > tolerance * norm0) {
      throw new NumericalException(
          t,
          String.format(
              "%s: total probability drifted from %.15g to %.15g at t = %s%s, beyond the norm"
                  + " tolerance %s; tighten the propagator's tolerance",
              where, norm0, norm, t, context, tolerance));
    }
  }

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

  /**
   * Adds the steppers' warnings (e.g. a spectral estimate found too tight) to the run's; the first
   * warning of a run is also printed.
   *
   * @param warnings the run's warnings, modified
   */
  static void stepperWarnings(List<String> warnings, Propagator.Stepper... steppers) {
    for (Propagator.Stepper stepper : steppers) {
      for (String message : stepper.warnings()) {
        if (warnings.isEmpty()) {
          System.err.println("qdiff warning: " + message);
        }
        warnings.add(message);
      }
    }
  }
}
