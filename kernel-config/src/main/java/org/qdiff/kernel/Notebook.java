package org.qdiff.kernel;

import java.util.UUID;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.qdiff.kernel.display.TableRenderer;

/**
 * Functions every notebook can call without qualification (the kernel imports them statically).
 *
 * <p>The value of a cell's last expression is shown automatically, unless the expression ends with
 * {@code ;}. {@code display} shows a value anywhere in a cell; {@code updateDisplay} replaces an
 * earlier display in place:
 *
 * <pre>{@code
 * String id = display(chart);              // a PNG below the cell
 * display(chart, "image/svg+xml");         // the same chart as SVG
 * updateDisplay(id, otherChart);           // replaces the first image
 * }</pre>
 */
public final class Notebook {

  private Notebook() {}

  private static QdiffKernel kernel() {
    return (QdiffKernel) BaseKernel.notebookKernel();
  }

  /**
   * Shows a value below the cell, rendered as the kernel would render a cell's result.
   *
   * @return the display id, for {@link #updateDisplay(String, Object)}
   */
  public static String display(Object value) {
    return show(kernel().getRenderer().render(value));
  }

  /**
   * Shows a value as the given MIME types, e.g. {@code display(chart, "image/svg+xml")}.
   *
   * @return the display id, for {@link #updateDisplay(String, Object, String...)}
   */
  public static String display(Object value, String... mimeTypes) {
    return show(render(value, mimeTypes));
  }

  private static String show(DisplayData data) {
    String id = data.getDisplayId();
    if (id == null) {
      id = UUID.randomUUID().toString();
      data.setDisplayId(id);
    }
    kernel().display(data);
    return id;
  }

  /** Replaces the display {@code displayId} (returned by {@code display}) with a new value. */
  public static void updateDisplay(String displayId, Object value) {
    DisplayData data = kernel().getRenderer().render(value);
    data.setDisplayId(displayId);
    kernel().updateDisplay(data);
  }

  /** Replaces the display {@code displayId} with a new value rendered as the given MIME types. */
  public static void updateDisplay(String displayId, Object value, String... mimeTypes) {
    DisplayData data = render(value, mimeTypes);
    data.setDisplayId(displayId);
    kernel().updateDisplay(data);
  }

  /**
   * Renders a value without showing it; the result shows when it is a cell's last expression.
   *
   * @param mimeTypes e.g. {@code "text/html"}, {@code "image/png"}, {@code "image/svg+xml"}; none
   *     for the value's default rendering
   */
  public static DisplayData render(Object value, String... mimeTypes) {
    return mimeTypes.length == 0
        ? kernel().getRenderer().render(value)
        : kernel().getRenderer().renderAs(value, mimeTypes);
  }

  /**
   * Sets how many rows of a Tablesaw table are shown before it is cut (default {@value
   * TableRenderer#DEFAULT_ROW_CAP}).
   *
   * @param rows at least 1
   */
  public static void tableRowCap(int rows) {
    TableRenderer.rowCap(rows);
  }
}
