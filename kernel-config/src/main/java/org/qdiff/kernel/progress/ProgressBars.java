package org.qdiff.kernel.progress;

import java.util.Locale;
import java.util.UUID;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.qdiff.kernel.output.CellOutput;
import org.qdiff.progress.Progress;
import org.qdiff.progress.ProgressReporter;

/**
 * Shows the library's long tasks as progress bars in the running cell's output.
 *
 * <p>A bar is one display that is replaced in place ({@code update_display_data}) as the task
 * advances, at most {@value #UPDATES_PER_SECOND} times a second: {@link ProgressReporter#advance}
 * is called once per output time or realization, which can be thousands of times a second, and each
 * update is a message to the front end. Closing the reporter draws the final state.
 */
public final class ProgressBars implements Progress.Factory {

  static final int UPDATES_PER_SECOND = 10;
  private static final long MIN_UPDATE_NANOS = 1_000_000_000L / UPDATES_PER_SECOND;
  private static final int BAR_WIDTH = 30;

  private final CellOutput output;

  /**
   * @param output the running cell's output
   */
  public ProgressBars(CellOutput output) {
    this.output = output;
  }

  @Override
  public ProgressReporter start(String label, long total) {
    if (!output.isOpen()) {
      return ProgressReporter.SILENT; // no cell runs: nobody would see the bar
    }
    Bar bar = new Bar(label, Math.max(1, total));
    output.display(bar.render(0, false));
    return bar;
  }

  private final class Bar implements ProgressReporter {
    private final String displayId = "qdiff-progress-" + UUID.randomUUID();
    private final String label;
    private final long total;
    private final long startNanos = System.nanoTime();
    private volatile long done;
    private volatile long lastUpdateNanos = startNanos;
    private boolean closed; // guarded by this

    Bar(String label, long total) {
      this.label = label == null ? "" : label;
      this.total = total;
    }

    @Override
    public void advance(long units) {
      done = Math.max(0, Math.min(units, total));
      long now = System.nanoTime();
      if (now - lastUpdateNanos < MIN_UPDATE_NANOS) {
        return; // the cheap path: most calls end here
      }
      synchronized (this) {
        if (closed || now - lastUpdateNanos < MIN_UPDATE_NANOS) {
          return;
        }
        lastUpdateNanos = now;
        output.updateDisplay(render(done, false));
      }
    }

    @Override
    public void close() {
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
        output.updateDisplay(render(done, true));
      }
    }

    DisplayData render(long units, boolean finished) {
      double seconds = (System.nanoTime() - startNanos) / 1e9;
      double fraction = (double) units / total;
      String status;
      if (finished) {
        status =
            units >= total
                ? String.format(Locale.ROOT, "done in %s", duration(seconds))
                : String.format(Locale.ROOT, "stopped after %s", duration(seconds));
      } else if (units > 0) {
        double left = seconds * (total - units) / units;
        status = String.format(Locale.ROOT, "%s, ~%s left", duration(seconds), duration(left));
      } else {
        status = duration(seconds);
      }
      int filled = (int) Math.round(fraction * BAR_WIDTH);
      String text =
          String.format(
              Locale.ROOT,
              "%s [%s%s] %d/%d %3.0f%% %s",
              label,
              "#".repeat(filled),
              "-".repeat(BAR_WIDTH - filled),
              units,
              total,
              100 * fraction,
              status);
      String html =
          String.format(
              Locale.ROOT,
              "<div class=\"qdiff-progress\"><code>%s</code> <progress value=\"%d\" max=\"%d\""
                  + " style=\"width:20em;vertical-align:middle\"></progress> %d/%d (%.0f%%) %s</div>",
              escape(label),
              units,
              total,
              units,
              total,
              100 * fraction,
              escape(status));
      DisplayData data = new DisplayData(text);
      data.putHTML(html);
      data.setDisplayId(displayId);
      return data;
    }
  }

  private static String duration(double seconds) {
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1f s", seconds);
    }
    long whole = Math.round(seconds);
    return String.format(Locale.ROOT, "%d:%02d min", whole / 60, whole % 60);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
