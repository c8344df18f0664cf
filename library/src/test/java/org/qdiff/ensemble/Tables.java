package org.qdiff.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Bit-for-bit comparison of tables. */
final class Tables {

  private Tables() {}

  /** Same name, columns (names, types) and values, doubles compared bit for bit. */
  static void assertIdentical(Table expected, Table actual) {
    assertEquals(expected.name(), actual.name(), "table name");
    assertEquals(expected.columnNames(), actual.columnNames(), "columns of " + expected.name());
    assertEquals(expected.rowCount(), actual.rowCount(), "rows of " + expected.name());
    for (int c = 0; c < expected.columnCount(); c++) {
      Column<?> e = expected.column(c);
      Column<?> a = actual.column(c);
      assertEquals(e.type(), a.type(), "type of column " + e.name());
      for (int row = 0; row < e.size(); row++) {
        if (e instanceof DoubleColumn) {
          double x = ((DoubleColumn) e).getDouble(row);
          double y = ((DoubleColumn) a).getDouble(row);
          assertEquals(
              Double.doubleToLongBits(x),
              Double.doubleToLongBits(y),
              "column " + e.name() + " row " + row + ": " + x + " vs " + y);
        } else {
          assertEquals(e.get(row), a.get(row), "column " + e.name() + " row " + row);
        }
      }
    }
  }
}
