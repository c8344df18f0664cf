package org.qdiff.progress;

import java.util.Objects;

/**
 * The process-wide source of {@link ProgressReporter}s.
 *
 * <p>Library code asks for a reporter when a long task starts; front ends decide how it looks by
 * installing a {@link Factory}. The default factory is silent.
 */
public final class Progress {

  /** Creates a reporter for a task with a label and a number of units. */
  @FunctionalInterface
  public interface Factory {
    /**
     * @param label what is running, e.g. "evolution" (not modified)
     * @param total number of units the task will report, at least 1
     */
    ProgressReporter start(String label, long total);
  }

  private static volatile Factory factory = (label, total) -> ProgressReporter.SILENT;

  private Progress() {}

  /**
   * Installs the factory that creates reporters from now on.
   *
   * @param newFactory the front end's factory, not null
   */
  public static void install(Factory newFactory) {
    factory = Objects.requireNonNull(newFactory, "Progress.install: factory must not be null");
  }

  /** Restores the silent default. */
  public static void silence() {
    factory = (label, total) -> ProgressReporter.SILENT;
  }

  /**
   * Starts reporting a task. Never fails: a front end whose factory throws is replaced by a silent
   * reporter, so a display problem cannot break a computation.
   */
  public static ProgressReporter start(String label, long total) {
    try {
      ProgressReporter reporter = factory.start(label, Math.max(1, total));
      return reporter == null ? ProgressReporter.SILENT : reporter;
    } catch (RuntimeException e) {
      return ProgressReporter.SILENT;
    }
  }
}
