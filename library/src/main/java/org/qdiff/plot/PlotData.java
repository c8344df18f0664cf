package org.qdiff.plot;

import java.util.Locale;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Checks on the numbers a chart gets, run when the user hands them over: XChart itself accepts
 * anything and only fails (or silently draws nothing) at paint time, far from the cell that caused
 * it.
 */
final class PlotData {

  private PlotData() {}

  /** Whether an axis is linear or logarithmic; a log axis needs positive values. */
  enum Scale {
    LINEAR,
    LOG
  }

  /**
   * The column of a table, checked as the first lines of a plot method do.
   *
   * @throws IllegalArgumentException if the table is empty, the column absent or not numeric
   */
  static Column<?> column(String where, Table table, String columnName) {
    if (table == null) {
      throw new IllegalArgumentException(where + ": table must not be null");
    }
    if (columnName == null) {
      throw new IllegalArgumentException(where + ": column name must not be null");
    }
    if (!table.containsColumn(columnName)) {
      throw new IllegalArgumentException(
          where
              + ": no column '"
              + columnName
              + "' in table '"
              + table.name()
              + "'; its columns are "
              + table.columnNames());
    }
    if (table.rowCount() == 0) {
      throw new IllegalArgumentException(
          where + ": table '" + table.name() + "' has no rows; there is nothing to plot");
    }
    return table.column(columnName);
  }

  /**
   * A numeric column's values, finite and (on a log axis) positive.
   *
   * @param axis "x" or "y", for messages
   * @throws IllegalArgumentException naming the column and the first bad row
   */
  static double[] values(String where, Table table, String columnName, Scale scale, String axis) {
    Column<?> column = column(where, table, columnName);
    if (!(column instanceof NumericColumn)) {
      throw new IllegalArgumentException(
          where
              + ": column '"
              + columnName
              + "' of table '"
              + table.name()
              + "' holds "
              + column.type().name()
              + " values; a plot axis needs numbers");
    }
    for (int row = 0; row < column.size(); row++) {
      if (column.isMissing(row)) {
        throw new IllegalArgumentException(
            where
                + ": column '"
                + columnName
                + "' is missing (NaN) at row "
                + row
                + "; a plot needs finite values");
      }
    }
    double[] values = ((NumericColumn<?>) column).asDoubleArray();
    check(where, "column '" + columnName + "'", "row", values, scale, axis, columnName);
    return values;
  }

  /**
   * Checks values from an array: finite and (on a log axis) positive.
   *
   * @param what e.g. "x of series 'fit'", for messages
   * @param position "row" for tables, "index" for arrays
   * @param columnName the column to filter on in the suggested fix, or null for arrays
   */
  static void check(
      String where,
      String what,
      String position,
      double[] values,
      Scale scale,
      String axis,
      String columnName) {
    for (int i = 0; i < values.length; i++) {
      double v = values[i];
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException(
            where
                + ": "
                + what
                + " is "
                + v
                + " at "
                + position
                + " "
                + i
                + "; a plot needs finite values");
      }
      if (scale == Scale.LOG && !(v > 0)) {
        String fix =
            columnName == null
                ? "drop those points first"
                : "drop those rows first (e.g. the t = 0 row), as in table.where(table.numberColumn(\""
                    + columnName
                    + "\").isGreaterThan(0))";
        throw new IllegalArgumentException(
            where
                + ": "
                + what
                + " must be > 0 on the logarithmic "
                + axis
                + " axis, got "
                + v
                + " at "
                + position
                + " "
                + i
                + "; "
                + fix);
      }
    }
  }

  /** A short label for a number: integers without ".0", others to six significant digits. */
  static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String s = String.format(Locale.ROOT, "%.6g", v);
    // %g pads with zeros ("0.500000"); strip them but keep an exponent ("1.00000e-07" -> "1e-07").
    int e = s.indexOf('e');
    String mantissa = e < 0 ? s : s.substring(0, e);
    String exponent = e < 0 ? "" : s.substring(e);
    if (mantissa.contains(".")) {
      mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return mantissa + exponent;
  }
}
