package org.qdiff.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The human-readable summary of {@code results.csv} printed at the end of {@code bench.sh}. */
final class BenchmarkSummary {

  private BenchmarkSummary() {}

  static void print(List<BenchmarkRow> rows, PrintStream out) {
    out.println();
    out.println("== Summary (" + Machine.describe() + "; times in s, memory in MiB)");
    printProduct(rows, out);
    for (PropagationCase.Spec spec : PropagationCase.specs(false)) {
      printPropagation(spec.name(), rows, out);
    }
    for (String scale : List.of(ScaleCase.NAME_L128, ScaleCase.NAME_L256)) {
      find(rows, scale, "qdiff", 0)
          .ifPresent(
              r ->
                  out.printf(
                      Locale.ROOT,
                      "%s (%s sites, %d threads): %s s, %s applications of H, msd %s; peak RSS %s"
                          + " vs budget %s (4 complex vectors + potential + 300 MB): %s%n",
                      scale,
                      r.text(BenchmarkRow.SITES),
                      r.threads(),
                      g(r, BenchmarkRow.WALL),
                      r.text(BenchmarkRow.APPLICATIONS),
                      g(r, BenchmarkRow.MSD),
                      g(r, BenchmarkRow.PEAK_RSS),
                      g(r, BenchmarkRow.BUDGET),
                      within(r)));
    }
    for (BenchmarkRow r : rows) {
      if (r.caseName().equals(EnsembleCase.NAME)) {
        out.printf(
            Locale.ROOT,
            "%s, %d thread(s): %s realizations/s (%s s)%s; mean msd(T) %s; peak RSS %s%n",
            EnsembleCase.NAME,
            r.threads(),
            g(r, BenchmarkRow.RATE),
            g(r, BenchmarkRow.WALL),
            speedup(r),
            g(r, BenchmarkRow.MSD),
            g(r, BenchmarkRow.PEAK_RSS));
      }
    }
    for (BenchmarkRow r : rows) {
      if (NotebooksCase.owns(r.caseName())) {
        out.printf(
            Locale.ROOT,
            "%s: %s s (%s)%n",
            r.caseName(),
            g(r, BenchmarkRow.WALL),
            r.text(BenchmarkRow.NOTE));
      }
    }
  }

  private static void printProduct(List<BenchmarkRow> rows, PrintStream out) {
    for (BenchmarkRow r : rows) {
      if (!r.caseName().equals(HamiltonianProductCase.NAME)) {
        continue;
      }
      if (r.method().equals("stream_triad")) {
        out.printf(
            Locale.ROOT,
            "%s, %d thread(s): STREAM triad %s GB/s on %s doubles per array (24 B/element,"
                + " write-allocate not counted)%n",
            r.caseName(),
            r.threads(),
            g(r, BenchmarkRow.RATE),
            r.text(BenchmarkRow.SITES));
      } else {
        out.printf(
            Locale.ROOT,
            "%s, %d thread(s): %s on %s sites %.3g ms, %s site updates/s, %s GB/s at %s = %s of"
                + " STREAM%n",
            r.caseName(),
            r.threads(),
            r.method(),
            r.text(BenchmarkRow.SITES),
            r.number(BenchmarkRow.WALL) * 1e3,
            g(r, BenchmarkRow.RATE),
            g(r, BenchmarkRow.BANDWIDTH),
            r.text(BenchmarkRow.NOTE).replaceFirst(";.*", ""),
            g(r, BenchmarkRow.FRACTION_OF_STREAM));
      }
    }
  }

  private static void printPropagation(String name, List<BenchmarkRow> rows, PrintStream out) {
    Optional<BenchmarkRow> one = find(rows, name, "qdiff", 1);
    if (one.isEmpty()) {
      return;
    }
    out.printf(Locale.ROOT, "%s (%s sites):%n", name, one.get().text(BenchmarkRow.SITES));
    for (BenchmarkRow r : rows) {
      if (!r.caseName().equals(name)) {
        continue;
      }
      if (r.text(BenchmarkRow.WALL).isEmpty()) {
        out.printf(Locale.ROOT, "    %-20s %s%n", r.method(), r.text(BenchmarkRow.NOTE));
        continue;
      }
      String extra = "";
      if (r.method().equals("qdiff")) {
        extra = speedup(r);
      } else if (!r.text(BenchmarkRow.RATIO_TO_QDIFF).isEmpty()) {
        extra = ", " + g(r, BenchmarkRow.RATIO_TO_QDIFF) + " x qdiff's time on the most threads";
      }
      if (!r.text(BenchmarkRow.BUDGET).isEmpty()) {
        extra +=
            String.format(
                Locale.ROOT,
                ", peak RSS %s vs budget %s: %s",
                g(r, BenchmarkRow.PEAK_RSS),
                g(r, BenchmarkRow.BUDGET),
                within(r));
      } else if (!r.text(BenchmarkRow.PEAK_RSS).isEmpty()) {
        extra += ", peak RSS " + g(r, BenchmarkRow.PEAK_RSS);
      }
      out.printf(
          Locale.ROOT,
          "    %-20s %d thread(s): %s s, %s applications, error %s, msd %s%s%n",
          r.method(),
          r.threads(),
          g(r, BenchmarkRow.WALL),
          r.text(BenchmarkRow.APPLICATIONS).isEmpty() ? "?" : r.text(BenchmarkRow.APPLICATIONS),
          r.text(BenchmarkRow.ERROR).isEmpty()
              ? "-"
              : String.format(Locale.ROOT, "%.2e", r.number(BenchmarkRow.ERROR)),
          g(r, BenchmarkRow.MSD),
          extra);
    }
  }

  /** Three significant digits of a numeric cell ("-" when empty). */
  private static String g(BenchmarkRow r, String column) {
    double v = r.number(column);
    if (!Double.isFinite(v)) {
      return "-";
    }
    if (Math.abs(v) >= 1e5 || (v != 0 && Math.abs(v) < 1e-3)) {
      return String.format(Locale.ROOT, "%.3g", v);
    }
    return BenchmarkRow.format(Double.parseDouble(String.format(Locale.ROOT, "%.3g", v)));
  }

  private static String speedup(BenchmarkRow r) {
    double ratio = r.number(BenchmarkRow.RATIO_TO_QDIFF);
    return Double.isFinite(ratio)
        ? String.format(Locale.ROOT, ", speedup %.2f over 1 thread", 1 / ratio)
        : "";
  }

  private static String within(BenchmarkRow r) {
    double peak = r.number(BenchmarkRow.PEAK_RSS);
    double budget = r.number(BenchmarkRow.BUDGET);
    if (!Double.isFinite(peak) || !Double.isFinite(budget)) {
      return "not measured";
    }
    return String.format(
        Locale.ROOT, "%s (%.2f of it)", peak <= budget ? "within" : "OVER", peak / budget);
  }

  private static Optional<BenchmarkRow> find(
      List<BenchmarkRow> rows, String caseName, String method, int threads) {
    return rows.stream()
        .filter(r -> r.caseName().equals(caseName) && r.method().equals(method))
        .filter(r -> threads == 0 || r.threads() == threads)
        .findFirst();
  }
}
