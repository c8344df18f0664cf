package org.qdiff.numeric;

/**
 * Argument checks with uniform messages: {@code "Where: name must be <rule>, got <value>"}.
 *
 * <p>Builders call these where the user typed the value, so the message names the method the user
 * called and the parameter in their terms.
 */
public final class Check {

  private Check() {}

  /** Requires a finite value. */
  public static double finite(String where, String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(where + ": " + name + " must be finite, got " + value);
    }
    return value;
  }

  /** Requires a finite value {@code > 0}. */
  public static double positive(String where, String name, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(
          where + ": " + name + " must be finite and > 0, got " + value);
    }
    return value;
  }

  /** Requires a finite value {@code >= 0}. */
  public static double nonNegative(String where, String name, double value) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(
          where + ": " + name + " must be finite and >= 0, got " + value);
    }
    return value;
  }

  /** Requires an integer {@code >= min}. */
  public static int atLeast(String where, String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(
          where + ": " + name + " must be >= " + min + ", got " + value);
    }
    return value;
  }

  /** Requires {@code 0 <= value < size}. */
  public static int index(String where, String name, int value, int size) {
    if (value < 0 || value >= size) {
      throw new IllegalArgumentException(
          where + ": " + name + " must be in [0, " + (size - 1) + "], got " + value);
    }
    return value;
  }

  /** Requires a non-null reference. */
  public static <T> T notNull(String where, String name, T value) {
    if (value == null) {
      throw new IllegalArgumentException(where + ": " + name + " must not be null");
    }
    return value;
  }
}
