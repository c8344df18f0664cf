package org.qdiff.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One row of {@code data/bench/results.csv}: a measured case, method and thread count. Cells are
 * kept as text, as they are written; an empty cell means "not measured" (never NaN).
 */
final class BenchmarkRow {

  static final String CASE = "case";
  static final String METHOD = "method";
  static final String THREADS = "threads";
  static final String SITES = "sites";
  static final String WALL = "wall_s";
  static final String APPLICATIONS = "h_applications";
  static final String ERROR = "error";
  static final String MSD = "msd";
  static final String PEAK_RSS = "peak_rss_mb";
  static final String BUDGET = "memory_budget_mb";
  static final String RATE = "rate";
  static final String RATE_UNIT = "rate_unit";
  static final String BANDWIDTH = "bandwidth_gb_s";
  static final String FRACTION_OF_STREAM = "fraction_of_stream";
  static final String RATIO_TO_QDIFF = "ratio_to_qdiff";
  static final String LOAD = "load_avg";
  static final String DATE = "date_utc";
  static final String NOTE = "note";

  /** The columns, in file order. */
  static final List<String> COLUMNS =
      List.of(
          CASE,
          METHOD,
          THREADS,
          SITES,
          WALL,
          APPLICATIONS,
          ERROR,
          MSD,
          PEAK_RSS,
          BUDGET,
          RATE,
          RATE_UNIT,
          BANDWIDTH,
          FRACTION_OF_STREAM,
          RATIO_TO_QDIFF,
          LOAD,
          DATE,
          NOTE);

  private final Map<String, String> cells = new LinkedHashMap<>();

  private BenchmarkRow() {
    for (String column : COLUMNS) {
      cells.put(column, "");
    }
  }

  /** A new row of a case, method and thread count, stamped with the time and the load average. */
  static BenchmarkRow of(String caseName, String method, int threads) {
    BenchmarkRow row = new BenchmarkRow();
    row.text(CASE, caseName).text(METHOD, method).number(THREADS, threads);
    row.number(LOAD, Machine.loadAverage());
    row.text(DATE, Machine.nowUtc());
    return row;
  }

  /** A row read back from the file (unknown columns are dropped, missing ones left empty). */
  static BenchmarkRow fromCells(Map<String, String> read) {
    BenchmarkRow row = new BenchmarkRow();
    for (String column : COLUMNS) {
      row.cells.put(column, read.getOrDefault(column, ""));
    }
    return row;
  }

  BenchmarkRow text(String column, String value) {
    requireColumn(column);
    // One line per row: the file is read back line by line.
    cells.put(column, value == null ? "" : value.replace('\n', ' ').replace('\r', ' '));
    return this;
  }

  /** Sets a number; NaN or infinity leaves the cell empty (not measured). */
  BenchmarkRow number(String column, double value) {
    return text(column, format(value));
  }

  /** Sets a count; negative leaves the cell empty (not measured). */
  BenchmarkRow count(String column, long value) {
    return text(column, value < 0 ? "" : Long.toString(value));
  }

  /** Appends to the note, separated by "; ". */
  BenchmarkRow note(String more) {
    String old = cells.get(NOTE);
    return text(NOTE, old.isEmpty() ? more : old + "; " + more);
  }

  String text(String column) {
    requireColumn(column);
    return cells.get(column);
  }

  /** The cell as a number, NaN when empty. */
  double number(String column) {
    String s = text(column);
    return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
  }

  String caseName() {
    return cells.get(CASE);
  }

  String method() {
    return cells.get(METHOD);
  }

  int threads() {
    String s = cells.get(THREADS);
    return s.isEmpty() ? 0 : (int) Double.parseDouble(s);
  }

  List<String> values() {
    return List.copyOf(cells.values());
  }

  /** Six significant digits, plain notation between 1e-3 and 1e7, else scientific. */
  static String format(double value) {
    if (!Double.isFinite(value)) {
      return "";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    double a = Math.abs(value);
    if (a >= 1e-3 && a < 1e7) {
      return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
    return String.format(Locale.ROOT, "%.5e", value);
  }

  private static void requireColumn(String column) {
    if (!COLUMNS.contains(column)) {
      throw new IllegalArgumentException("BenchmarkRow: no column \"" + column + "\"");
    }
  }

  @Override
  public String toString() {
    return cells.toString();
  }
}
