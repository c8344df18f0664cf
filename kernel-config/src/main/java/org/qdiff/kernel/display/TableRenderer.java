package org.qdiff.kernel.display;

import java.util.Locale;
import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Shows a Tablesaw {@link Table} as an HTML table (and as text), with its size, cut to the first
 * {@link #rowCap()} rows with a note when it is longer: a notebook cell with a 10⁵-row table must
 * stay readable and small.
 */
public final class TableRenderer {

  /** Rows shown by default; Tablesaw's own {@code print()} shows 20 too. */
  public static final int DEFAULT_ROW_CAP = 20;

  private static volatile int rowCap = DEFAULT_ROW_CAP;

  private TableRenderer() {}

  /** Registers the renderer for {@link Table}. */
  static void register(Renderer renderer) {
    renderer
        .createRegistration(Table.class)
        .preferring(MIMEType.TEXT_HTML)
        .supporting(MIMEType.TEXT_PLAIN)
        .register(TableRenderer::render);
  }

  /** The number of rows shown before a table is cut. */
  public static int rowCap() {
    return rowCap;
  }

  /**
   * Sets the number of rows shown before a table is cut.
   *
   * @param rows at least 1
   * @throws IllegalArgumentException if {@code rows < 1}
   */
  public static void rowCap(int rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("tableRowCap: rows must be >= 1, got " + rows);
    }
    rowCap = rows;
  }

  private static void render(Table table, RenderContext context) {
    int cap = rowCap;
    context.renderIfRequested(MIMEType.TEXT_HTML, () -> html(table, cap));
    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> text(table, cap));
  }

  /** The size line, e.g. "msd: 60 rows × 3 columns". */
  static String summary(Table table) {
    String name = table.name() == null || table.name().isBlank() ? "" : table.name() + ": ";
    return name
        + table.rowCount()
        + (table.rowCount() == 1 ? " row" : " rows")
        + " \u00d7 "
        + table.columnCount()
        + (table.columnCount() == 1 ? " column" : " columns");
  }

  private static String cutNote(Table table, int shown) {
    return "showing the first "
        + shown
        + " of "
        + table.rowCount()
        + " rows; "
        + (table.rowCount() - shown)
        + " more not shown (Notebook.tableRowCap(n) changes the cap)";
  }

  static String html(Table table, int cap) {
    int shown = Math.min(table.rowCount(), cap);
    StringBuilder html = new StringBuilder(256 + 64 * shown * Math.max(1, table.columnCount()));
    html.append("<div class=\"qdiff-table\">\n<table>\n<caption style=\"text-align:left\">")
        .append(Html.escape(summary(table)))
        .append("</caption>\n<thead><tr><th></th>");
    for (String column : table.columnNames()) {
      html.append("<th>").append(Html.escape(column)).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (int row = 0; row < shown; row++) {
      html.append("<tr><th>").append(row).append("</th>");
      for (int column = 0; column < table.columnCount(); column++) {
        html.append("<td>").append(Html.escape(cell(table, row, column))).append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n");
    if (shown < table.rowCount()) {
      html.append("<p><em>").append(Html.escape(cutNote(table, shown))).append("</em></p>\n");
    }
    return html.append("</div>").toString();
  }

  /**
   * A cell as text. Tablesaw's default prints doubles in full, so 1e-100 becomes a hundred-digit
   * decimal: long numbers are shown with 6 significant digits instead; a column formatter that
   * gives short text is kept as it is.
   */
  static String cell(Table table, int row, int column) {
    String text = table.getString(row, column);
    Column<?> col = table.column(column);
    if (text.length() <= 12 || !(col instanceof NumericColumn<?>) || col.isMissing(row)) {
      return text;
    }
    double value = ((NumericColumn<?>) col).getDouble(row);
    return compact(value);
  }

  /** A number with 6 significant digits, without trailing zeros ("0.25", "1.5e-100"). */
  static String compact(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    String s = String.format(Locale.ROOT, "%.6g", value);
    int e = s.indexOf('e');
    String mantissa = e < 0 ? s : s.substring(0, e);
    String exponent = e < 0 ? "" : s.substring(e);
    if (mantissa.contains(".")) {
      mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    if (!exponent.isEmpty()) {
      exponent = "e" + Integer.parseInt(exponent.substring(1));
    }
    return mantissa + exponent;
  }

  static String text(Table table, int cap) {
    int shown = Math.min(table.rowCount(), cap);
    String body = table.first(shown).printAll();
    String note = shown < table.rowCount() ? "\n" + cutNote(table, shown) : "";
    return summary(table) + "\n" + body + note;
  }
}
