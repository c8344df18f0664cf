package org.qdiff.progress;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;

/**
 * Progress as lines of text, for programs run in a terminal or written to a log:
 *
 * <pre>{@code
 * Progress.install(TextProgress.to(System.err));
 * // ensemble anderson_1d_W2: 37/256 (14%), 12.3 s, ~1:13 min left
 * }</pre>
 *
 * A task prints a line at most once per interval (default 5 s), the first one after one interval,
 * and a last line when it ends; a task that ends within the first interval prints nothing, so short
 * runs do not fill the screen.
 */
public final class TextProgress implements Progress.Factory {

  private final PrintStream out;
  private final long intervalNanos;

  private TextProgress(PrintStream out, long intervalNanos) {
    this.out = out;
    this.intervalNanos = intervalNanos;
  }

  /**
   * Prints to {@code out} at most every 5 seconds.
   *
   * @param out where the lines go, e.g. {@code System.err}; not null
   */
  public static TextProgress to(PrintStream out) {
    return to(out, 5.0);
  }

  /**
   * Prints to {@code out} at most once per interval.
   *
   * @param out where the lines go, not null
   * @param intervalSeconds seconds between lines, finite and >= 0 (0: a line per reported unit)
   * @throws IllegalArgumentException if {@code out} is null or the interval is negative or not
   *     finite
   */
  public static TextProgress to(PrintStream out, double intervalSeconds) {
    if (out == null) {
      throw new IllegalArgumentException("TextProgress.to: out must not be null");
    }
    if (!(intervalSeconds >= 0) || !Double.isFinite(intervalSeconds)) {
      throw new IllegalArgumentException(
          "TextProgress.to: intervalSeconds must be finite and >= 0, got " + intervalSeconds);
    }
    return new TextProgress(out, Math.round(intervalSeconds * 1e9));
  }

  @Override
  public ProgressReporter start(String label, long total) {
    return new Lines(Objects.toString(label, ""), Math.max(1, total));
  }

  private final class Lines implements ProgressReporter {
    private final String label;
    private final long total;
    private final long startNanos = System.nanoTime();
    private long lastLineNanos = startNanos; // guarded by this
    private long done; // guarded by this
    private boolean printed; // guarded by this
    private boolean closed; // guarded by this

    Lines(String label, long total) {
      this.label = label;
      this.total = total;
    }

    @Override
    public synchronized void advance(long units) {
      done = Math.max(0, Math.min(units, total));
      long now = System.nanoTime();
      if (closed || now - lastLineNanos < intervalNanos) {
        return;
      }
      lastLineNanos = now;
      printed = true;
      out.println(line(now, false));
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      if (printed) {
        out.println(line(System.nanoTime(), true));
      }
    }

    private String line(long now, boolean finished) {
      double seconds = (now - startNanos) * 1e-9;
      String status;
      if (finished) {
        status = (done >= total ? "done in " : "stopped after ") + duration(seconds);
      } else if (done > 0) {
        status = duration(seconds) + ", ~" + duration(seconds * (total - done) / done) + " left";
      } else {
        status = duration(seconds);
      }
      return String.format(
          Locale.ROOT, "%s: %d/%d (%.0f%%), %s", label, done, total, 100.0 * done / total, status);
    }
  }

  private static String duration(double seconds) {
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1f s", seconds);
    }
    long whole = Math.round(seconds);
    return String.format(Locale.ROOT, "%d:%02d min", whole / 60, whole % 60);
  }
}
