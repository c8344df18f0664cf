package org.qdiff.progress;

/**
 * Receives the progress of one long task. Implementations must be cheap: {@link #advance} is called
 * from the computing thread once per finished unit (an output time, a realization).
 */
public interface ProgressReporter extends AutoCloseable {

  /** A reporter that shows nothing. */
  ProgressReporter SILENT =
      new ProgressReporter() {
        @Override
        public void advance(long done) {}

        @Override
        public void close() {}
      };

  /**
   * Reports that {@code done} of the task's units are finished.
   *
   * @param done units finished so far, between 0 and the total given at the start
   */
  void advance(long done);

  /** The task ended (finished, failed or interrupted); the reporter is not used again. */
  @Override
  void close();
}
