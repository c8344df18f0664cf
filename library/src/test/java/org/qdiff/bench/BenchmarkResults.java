package org.qdiff.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The results file {@code results.csv}: one row per case, method and thread count. A case that is
 * run again replaces its own rows and keeps everybody else's, so {@code --case NAME} refreshes one
 * case of a complete table.
 */
final class BenchmarkResults {

  /** Cases in the order of the issue; rows are kept in this order in the file. */
  static final List<String> CASE_ORDER =
      List.of(
          "hpsi_3d_L128",
          "prop_3d_L64",
          "prop_3d_L128",
          "prop_2d_1024",
          "prop_1d_1e6",
          "scale_3d_L256",
          "ensemble_1d_N4096",
          "kernel_start");

  private BenchmarkResults() {}

  /** The rows of the file, or none if it does not exist. */
  static List<BenchmarkRow> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return new ArrayList<>();
    }
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      List<BenchmarkRow> rows = new ArrayList<>();
      if (lines.isEmpty()) {
        return rows;
      }
      List<String> header = parse(lines.get(0));
      for (int k = 1; k < lines.size(); k++) {
        if (lines.get(k).isBlank()) {
          continue;
        }
        List<String> cells = parse(lines.get(k));
        Map<String, String> map = new LinkedHashMap<>();
        for (int c = 0; c < header.size() && c < cells.size(); c++) {
          map.put(header.get(c), cells.get(c));
        }
        rows.add(BenchmarkRow.fromCells(map));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("BenchmarkResults.read: cannot read " + file, e);
    }
  }

  /**
   * Replaces the rows of the cases {@code owned} accepts by {@code rows} and writes the file
   * atomically (a temporary file moved into place).
   */
  static void replace(Path file, Predicate<String> owned, List<BenchmarkRow> rows) {
    List<BenchmarkRow> all = new ArrayList<>();
    for (BenchmarkRow row : read(file)) {
      if (!owned.test(row.caseName())) {
        all.add(row);
      }
    }
    all.addAll(rows);
    all.sort(Comparator.comparingInt(row -> order(row.caseName())));
    StringBuilder text = new StringBuilder(line(BenchmarkRow.COLUMNS));
    for (BenchmarkRow row : all) {
      text.append(line(row.values()));
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      try {
        Files.move(
            temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("BenchmarkResults.replace: cannot write " + file, e);
    }
  }

  /** Position of a case in the file: the order, notebooks after everything else. */
  static int order(String caseName) {
    int k = CASE_ORDER.indexOf(caseName);
    return k >= 0 ? k : CASE_ORDER.size() + (caseName.startsWith("notebook:") ? 1 : 0);
  }

  private static String line(List<String> cells) {
    StringBuilder s = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        s.append(',');
      }
      String cell = cells.get(c);
      if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0) {
        s.append('"').append(cell.replace("\"", "\"\"")).append('"');
      } else {
        s.append(cell);
      }
    }
    return s.append('\n').toString();
  }

  /** Splits one CSV line (quotes as written by {@link #line}; no newlines inside cells). */
  static List<String> parse(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}
