package org.qdiff.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Case 6: the notebooks. {@code bench.sh} runs {@code kernel-config/scripts/bench_kernel.py}
 * (kernel start to the first result of an ND4J cell, over several fresh kernels) and {@code
 * kernel-config/scripts/run_notebooks.py} (every notebook headless, each in a fresh kernel); this
 * class folds their CSV files into result rows: case {@code kernel_start} and one case {@code
 * notebook:<name>} per notebook.
 */
final class NotebooksCase {

  private NotebooksCase() {}

  /** Whether a case name belongs to this case (its rows are replaced together). */
  static boolean owns(String caseName) {
    return caseName.equals("kernel_start") || caseName.startsWith("notebook:");
  }

  static List<BenchmarkRow> run(Path kernelStart, Path timings) {
    List<BenchmarkRow> rows = new ArrayList<>();
    int cpus = Runtime.getRuntime().availableProcessors();
    if (Files.isRegularFile(kernelStart)) {
      List<Map<String, String>> runs = readCsv(kernelStart);
      double[] first = column(runs, "first_result_s");
      double[] ready = column(runs, "ready_s");
      double[] lattice = column(runs, "lattice_cell_s");
      rows.add(
          BenchmarkRow.of("kernel_start", "qdiff_kernel", cpus)
              .number(BenchmarkRow.WALL, median(first))
              .note(
                  String.format(
                      Locale.ROOT,
                      "median over %d fresh kernels of the time from the start request to the"
                          + " first ND4J cell's result (min %.2f s, max %.2f s); kernel_info"
                          + " answered after %.2f s (median); then a Lattice and WaveFunction"
                          + " cell %.2f s",
                      first.length,
                      min(first),
                      max(first),
                      median(ready),
                      median(lattice))));
      System.out.printf(
          Locale.ROOT,
          "kernel start to first result: median %.2f s over %d kernels (ready %.2f s)%n",
          median(first),
          first.length,
          median(ready));
    } else {
      System.out.println("kernel start: " + kernelStart + " missing, no row");
    }
    if (Files.isRegularFile(timings)) {
      for (Map<String, String> notebook : readCsv(timings)) {
        String name = notebook.get("notebook").replaceFirst("\\.ipynb$", "");
        double seconds = Double.parseDouble(notebook.get("wall_seconds"));
        rows.add(
            BenchmarkRow.of("notebook:" + name, "nbclient", cpus)
                .number(BenchmarkRow.WALL, seconds)
                .note(
                    "status "
                        + notebook.get("status")
                        + "; wall time of run_notebooks.py, a fresh kernel included"));
        System.out.printf(
            Locale.ROOT, "notebook %s: %.1f s (%s)%n", name, seconds, notebook.get("status"));
      }
    } else {
      System.out.println("notebooks: " + timings + " missing, no rows");
    }
    return rows;
  }

  private static List<Map<String, String>> readCsv(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      List<String> header = BenchmarkResults.parse(lines.get(0));
      List<Map<String, String>> rows = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        if (line.isBlank()) {
          continue;
        }
        List<String> cells = BenchmarkResults.parse(line);
        Map<String, String> row = new LinkedHashMap<>();
        for (int c = 0; c < header.size() && c < cells.size(); c++) {
          row.put(header.get(c), cells.get(c));
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("NotebooksCase: cannot read " + file, e);
    }
  }

  private static double[] column(List<Map<String, String>> rows, String name) {
    return rows.stream()
        .map(r -> r.getOrDefault(name, ""))
        .filter(s -> !s.isEmpty())
        .mapToDouble(Double::parseDouble)
        .toArray();
  }

  private static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] v = values.clone();
    Arrays.sort(v);
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : 0.5 * (v[m - 1] + v[m]);
  }

  private static double min(double[] values) {
    return Arrays.stream(values).min().orElse(Double.NaN);
  }

  private static double max(double[] values) {
    return Arrays.stream(values).max().orElse(Double.NaN);
  }
}
