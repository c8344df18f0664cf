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
