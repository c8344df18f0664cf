package org.qdiff.ensemble;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The table of one realization as primitive arrays: what the reduction reads and what a checkpoint
 * file stores. Immutable once built.
 */
final class RealizationData {

  /** The column types an ensemble handles; the tag is the byte a checkpoint file stores. */
  enum Kind {
    DOUBLE(1),
    INTEGER(2),
    LONG(3),
    STRING(4);

    final byte tag;

    Kind(int tag) {
      this.tag = (byte) tag;
    }

    boolean numeric() {
      return this != STRING;
    }

    static Kind ofTag(byte tag) {
      for (Kind k : values()) {
        if (k.tag == tag) {
          return k;
        }
      }
      return null;
    }
  }

  final String tableName;
  final String[] names;
  final Kind[] kinds;

  /** {@code values[c]} is a {@code double[]}, {@code int[]}, {@code long[]} or {@code String[]}. */
  final Object[] values;

  final int rows;

  /** The checkpoint file it was read from, or null if computed in this run. */
  final Path file;

  RealizationData(
      String tableName, String[] names, Kind[] kinds, Object[] values, int rows, Path file) {
    this.tableName = tableName;
    this.names = names;
    this.kinds = kinds;
    this.values = values;
    this.rows = rows;
    this.file = file;
  }

  /** The same data, read from {@code path}. */
  RealizationData from(Path path) {
    return new RealizationData(tableName, names, kinds, values, rows, path);
  }

  /**
   * Copies a realization's table, checking that every column has a supported type and no missing or
   * infinite value.
   *
   * @param what names the realization in messages, e.g. "realization 3 (seed Seed(42))"
   * @throws IllegalArgumentException naming the realization, the column and the row
   */
  static RealizationData of(Table table, String what) {
    String where = "Ensemble.run: " + what;
    if (table == null) {
      throw new IllegalArgumentException(
          where + " returned null; a realization must return a Table");
    }
    if (table.columnCount() == 0) {
      throw new IllegalArgumentException(
          where + " returned a table without columns; a realization must return its measurements");
    }
    if (table.rowCount() == 0) {
      throw new IllegalArgumentException(
          where
              + " returned a table without rows (columns "
              + table.columnNames()
              + "); a realization must return at least one row");
    }
    int columns = table.columnCount();
    String[] names = new String[columns];
    Kind[] kinds = new Kind[columns];
    Object[] values = new Object[columns];
    int rows = table.rowCount();
    for (int c = 0; c < columns; c++) {
      Column<?> column = table.column(c);
      names[c] = column.name();
      // By class: Tablesaw's ColumnType constants are not always the instances columns report.
      if (column instanceof DoubleColumn) {
        kinds[c] = Kind.DOUBLE;
        double[] v = ((DoubleColumn) column).asDoubleArray();
        for (int row = 0; row < rows; row++) {
          if (!Double.isFinite(v[row])) {
            throw new IllegalArgumentException(
                where
                    + " returned a table whose column '"
                    + names[c]
                    + "' is "
                    + (Double.isNaN(v[row]) ? "NaN (missing)" : Double.toString(v[row]))
                    + " at row "
                    + row
                    + "; an average needs finite values in every row");
          }
        }
        values[c] = v;
      } else if (column instanceof IntColumn) {
        kinds[c] = Kind.INTEGER;
        requireNoMissing(where, column, rows);
        values[c] = ((IntColumn) column).asIntArray();
      } else if (column instanceof LongColumn) {
        kinds[c] = Kind.LONG;
        requireNoMissing(where, column, rows);
        values[c] = ((LongColumn) column).asLongArray();
      } else if (column instanceof StringColumn) {
        kinds[c] = Kind.STRING;
        requireNoMissing(where, column, rows);
        String[] v = new String[rows];
        for (int row = 0; row < rows; row++) {
          v[row] = ((StringColumn) column).get(row);
        }
        values[c] = v;
      } else {
        throw new IllegalArgumentException(
            where
                + " returned a table whose column '"
                + names[c]
                + "' holds "
                + column.type().name()
                + " values; an ensemble handles DOUBLE, INTEGER and LONG columns (keys or"
                + " averaged values) and STRING columns (keys only)");
      }
    }
    return new RealizationData(table.name(), names, kinds, values, rows, null);
  }

  private static void requireNoMissing(String where, Column<?> column, int rows) {
    for (int row = 0; row < rows; row++) {
      if (column.isMissing(row)) {
        throw new IllegalArgumentException(
            where
                + " returned a table whose column '"
                + column.name()
                + "' has a missing value at row "
                + row
                + "; every row of every column must hold a value");
      }
    }
  }

  /** Index of the column with this exact name, or -1. */
  int indexOf(String name) {
    for (int c = 0; c < names.length; c++) {
      if (names[c].equals(name)) {
        return c;
      }
    }
    return -1;
  }

  /** A numeric value as a double (ints and longs widened). */
  double number(int column, int row) {
    switch (kinds[column]) {
      case DOUBLE:
        return ((double[]) values[column])[row];
      case INTEGER:
        return ((int[]) values[column])[row];
      case LONG:
        return ((long[]) values[column])[row];
      default:
        throw new IllegalStateException("column '" + names[column] + "' is not numeric");
    }
  }

  /** A value as text, for messages (doubles in round-trip form). */
  String text(int column, int row) {
    switch (kinds[column]) {
      case DOUBLE:
        return Double.toString(((double[]) values[column])[row]);
      case INTEGER:
        return Integer.toString(((int[]) values[column])[row]);
      case LONG:
        return Long.toString(((long[]) values[column])[row]);
      default:
        return "'" + ((String[]) values[column])[row] + "'";
    }
  }

  /** Whether row {@code row} of column {@code column} holds the same value in both. */
  boolean sameValue(int column, RealizationData other, int row) {
    switch (kinds[column]) {
      case DOUBLE:
        // Bit for bit: keys are computed the same way in every realization (a time grid).
        return Double.doubleToLongBits(((double[]) values[column])[row])
            == Double.doubleToLongBits(((double[]) other.values[column])[row]);
      case INTEGER:
        return ((int[]) values[column])[row] == ((int[]) other.values[column])[row];
      case LONG:
        return ((long[]) values[column])[row] == ((long[]) other.values[column])[row];
      default:
        return ((String[]) values[column])[row].equals(((String[]) other.values[column])[row]);
    }
  }

  /** The columns as "[t DOUBLE, msd DOUBLE]", for messages. */
  String schema() {
    List<String> parts = new ArrayList<>();
    for (int c = 0; c < names.length; c++) {
      parts.add(names[c] + " " + kinds[c].name());
    }
    return parts.toString();
  }

  /** Whether both have the same column names and types, in the same order, and as many rows. */
  boolean sameShape(RealizationData other) {
    if (rows != other.rows || names.length != other.names.length) {
      return false;
    }
    for (int c = 0; c < names.length; c++) {
      if (!names[c].equals(other.names[c]) || kinds[c] != other.kinds[c]) {
        return false;
      }
    }
    return true;
  }

  /** "3 rows, columns [t DOUBLE, msd DOUBLE]". */
  String shape() {
    return String.format(Locale.ROOT, "%d row%s, columns %s", rows, rows == 1 ? "" : "s", schema());
  }

  /** A new Tablesaw table with these columns. */
  Table toTable() {
    Table table = Table.create(tableName);
    for (int c = 0; c < names.length; c++) {
      table.addColumns(column(c, names[c]));
    }
    return table;
  }

  /** Column {@code c} as a new Tablesaw column named {@code name}. */
  Column<?> column(int c, String name) {
    switch (kinds[c]) {
      case DOUBLE:
        return DoubleColumn.create(name, ((double[]) values[c]).clone());
      case INTEGER:
        return IntColumn.create(name, ((int[]) values[c]).clone());
      case LONG:
        return LongColumn.create(name, ((long[]) values[c]).clone());
      default:
        return StringColumn.create(name, ((String[]) values[c]).clone());
    }
  }
}
