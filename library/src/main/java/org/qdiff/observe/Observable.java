package org.qdiff.observe;

import java.util.function.ToDoubleFunction;
import org.qdiff.numeric.Check;

/**
 * A named real quantity measured on a state at an output time: one column of a trajectory's table.
 */
public interface Observable {

  /** The column name (short snake_case). */
  String name();

  /** The value on a sample. */
  double measure(Sample sample);

  /**
   * The same quantity under another column name, e.g. to tabulate the probability at two sites.
   *
   * @param name column name, not blank and not "t"
   */
  default Observable withName(String name) {
    return of(name, this::measure);
  }

  /**
   * Checks that the observables of one table have distinct names.
   *
   * @param where the calling method, for the message
   * @throws IllegalArgumentException naming the repeated column
   */
  static void requireDistinctNames(String where, java.util.List<Observable> observables) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Observable o : observables) {
      if (!seen.add(o.name())) {
        throw new IllegalArgumentException(
            where
                + ": two observables are named \""
                + o.name()
                + "\" and a table needs distinct column names; rename one with"
                + " withName(\"...\")");
      }
    }
  }

  /**
   * An observable from a name and a function.
   *
   * @param name column name, not blank
   */
  static Observable of(String name, ToDoubleFunction<Sample> function) {
    Check.notNull("Observable.of", "name", name);
    Check.notNull("Observable.of", "function", function);
    if (name.isBlank() || name.equals("t")) {
      throw new IllegalArgumentException(
          "Observable.of: name must be non-blank and not \"t\" (the time column), got \""
              + name
              + "\"");
    }
    return new Observable() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public double measure(Sample sample) {
        return function.applyAsDouble(sample);
      }

      @Override
      public String toString() {
        return "Observable " + name;
      }
    };
  }
}
