package org.qdiff.localization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.qdiff.frame.Frames;
import org.qdiff.hamiltonian.Disorder;
import org.qdiff.numeric.Parallel;
import tech.tablesaw.api.Table;

/** Scans: table layout, the same numbers as single runs, on any number of threads. */
class LocalizationScanTest {

  private static final TransferMatrix STRIP =
      TransferMatrix.bar(2, 3).disorder(Disorder.box(4.0)).length(4_000).seed(17).build();

  private static LocalizationScan scan() {
    return LocalizationScan.of(STRIP).widths(3, 5).boxWidths(2, 6).energies(0.0, 1.0);
  }

  @Test
  void tableHasOneRowPerPointInOrder() {
    Table table = scan().run();
    assertEquals(
        List.of(
            "W",
            "M",
            "E",
            "L",
            "gamma",
            "gamma_sem",
            "xi",
            "xi_sem",
            "normalized",
            "normalized_sem"),
        table.columnNames());
    assertArrayEquals(new double[] {3, 3, 3, 3, 5, 5, 5, 5}, Frames.column(table, "M"));
    assertArrayEquals(new double[] {2, 2, 6, 6, 2, 2, 6, 6}, Frames.column(table, "W"));
    assertArrayEquals(new double[] {0, 1, 0, 1, 0, 1, 0, 1}, Frames.column(table, "E"));
    // Row 6 is the strip M = 5, W = 6, E = 0 with the template's seed and length.
    LyapunovSpectrum single =
        TransferMatrix.bar(2, 5).disorder(Disorder.box(6.0)).length(4_000).seed(17).run();
    assertEquals(single.localizationLength(), Frames.column(table, "xi")[6], 0.0);
    assertEquals(single.standardError(), Frames.column(table, "xi_sem")[6], 0.0);
    assertEquals(single.localizationLength() / 5, Frames.column(table, "normalized")[6], 1e-15);
    // Stronger disorder localizes more.
    double[] xi = Frames.column(table, "xi");
    assertTrue(xi[2] < xi[0] && xi[6] < xi[4], table.toString());
  }

  @Test
  void sameTableOnOneAndTwoThreads() {
    int threads = Parallel.threads();
    try {
      Parallel.setThreads(1);
      Table one = scan().run();
      Parallel.setThreads(2);
      Table two = scan().run();
      for (String column : one.columnNames()) {
        assertArrayEquals(
            Frames.column(one, column), Frames.column(two, column), 0.0, "column " + column);
      }
    } finally {
      Parallel.setThreads(threads);
    }
  }

  @Test
  void bandMatrixScanNamesTheHalfWidth() {
    TransferMatrix band =
        TransferMatrix.bandMatrix(2).entries(Disorder.normal()).length(2_000).seed(1).build();
    Table table = LocalizationScan.of(band).widths(2, 3).run();
    assertEquals("b", table.columnNames().get(1));
    assertArrayEquals(new double[] {2, 3}, Frames.column(table, "b"));
    double[] normalized = Frames.column(table, "normalized");
    double[] xi = Frames.column(table, "xi");
    assertEquals(xi[1] / 9, normalized[1], 1e-15);
  }

  @Test
  void interruptedRunStopsAndClearsTheFlag() {
    TransferMatrix longRun = STRIP.withWidth(40);
    Thread.currentThread().interrupt();
    CancellationException e = assertThrows(CancellationException.class, longRun::run);
    assertTrue(e.getMessage().contains("interrupted at slice"), e.getMessage());
    assertFalse(Thread.currentThread().isInterrupted());
    Thread.currentThread().interrupt();
    e = assertThrows(CancellationException.class, () -> LocalizationScan.of(longRun).run());
    assertTrue(e.getMessage().startsWith("LocalizationScan.run: interrupted"), e.getMessage());
    assertFalse(Thread.currentThread().isInterrupted());
  }
}
