package org.qdiff.progress;

import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * The process-wide source of {@link ProgressReporter}s.
 *
 * <p>Library code asks for a reporter when a long task starts; front ends decide how it looks by
 * installing a {@link Factory}. The default prints text lines to the terminal when the JVM has one
 * (a program or JShell started from a shell) and is silent otherwise (tests, services); a notebook
 * kernel installs its own progress bars.
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

  private static final Factory SILENT = (label, total) -> ProgressReporter.SILENT;

  private static volatile Factory factory =
      System.console() != null ? TextProgress.to(System.err) : SILENT;

  // Depth of quietly(...) calls on each thread; an int[1] so that entering and leaving do not box.
  private static final ThreadLocal<int[]> QUIET = ThreadLocal.withInitial(() -> new int[1]);

  private Progress() {}

  /**
   * Installs the factory that creates reporters from now on.
   *
   * @param newFactory the front end's factory, not null
   */
  public static void install(Factory newFactory) {
    factory = Objects.requireNonNull(newFactory, "Progress.install: factory must not be null");
  }

  /** Silences all reports from now on. */
  public static void silence() {
    factory = SILENT;
  }

  /**
   * Starts reporting a task. Never fails: a front end whose factory throws is replaced by a silent
   * reporter, so a display problem cannot break a computation.
   */
  public static ProgressReporter start(String label, long total) {
    if (QUIET.get()[0] > 0) {
      return ProgressReporter.SILENT;
    }
    try {
      ProgressReporter reporter = factory.start(label, Math.max(1, total));
      return reporter == null ? ProgressReporter.SILENT : reporter;
    } catch (RuntimeException e) {
      return ProgressReporter.SILENT;
    }
  }

  /**
   * Runs {@code task} on this thread with the reports of the tasks it starts silenced: a loop over
   * many runs (an ensemble over realizations) shows one bar for itself, not one more per run. Tasks
   * started on other threads are not affected; calls nest.
   *
   * @param task the work, not null
   * @return what {@code task} returns
   * @throws Exception what {@code task} throws
   */
  public static <T> T quietly(Callable<T> task) throws Exception {
    Objects.requireNonNull(task, "Progress.quietly: task must not be null");
    int[] depth = QUIET.get();
    depth[0]++;
    try {
      return task.call();
    } finally {
      depth[0]--;
    }
  }
}
