package org.qdiff.kernel.display;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TableRendererTest {

  @Test
  void longTableIsCutWithANoteAndShowsItsSize() {
    Table table =
        Table.create("t", IntColumn.create("i", java.util.stream.IntStream.range(0, 50).toArray()));
    String html = TableRenderer.html(table, 10);
    assertTrue(html.contains("t: 50 rows \u00d7 1 column"), html);
    assertTrue(html.contains("showing the first 10 of 50 rows"), html);
    assertTrue(html.contains("<td>9</td>") && !html.contains("<td>10</td>"), html);
  }

  @Test
  void namesAndCellsAreEscaped() {
    Table table = Table.create("a<b", StringColumn.create("&", new String[] {"<i>x</i>"}));
    String html = TableRenderer.html(table, 10);
    assertTrue(html.contains("a&lt;b") && html.contains("<th>&amp;</th>"), html);
    assertTrue(html.contains("&lt;i&gt;x&lt;/i&gt;"), html);
    assertFalse(html.contains("<i>x"), html);
  }

  @Test
  void longDoublesAreShownWithSixSignificantDigits() {
    Table table =
        Table.create(
            "p",
            tech.tablesaw.api.DoubleColumn.create("v", new double[] {1e-100, 1.0 / 3, 0.25, 42}));
    String html = TableRenderer.html(table, 10);
    assertTrue(html.contains("<td>1e-100</td>"), html);
    assertTrue(html.contains("<td>0.333333</td>"), html);
    assertTrue(html.contains("<td>0.25</td>"), html);
    assertTrue(html.contains("<td>42</td>") || html.contains("<td>42.0</td>"), html);
  }
}
