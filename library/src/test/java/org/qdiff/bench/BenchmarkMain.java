package org.qdiff.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.qdiff.frame.Frames;
import org.qdiff.progress.Progress;

/**
 * Entry point of the benchmark, one case per JVM (so that the peak memory of a case is its own):
 * {@code library/bench.sh} calls it once per case, then with {@code report}. Asserts nothing.
 *
 * <pre>
 *   BenchmarkMain CASE [--quick]     run one case, replace its rows in results.csv
 *   BenchmarkMain report [--quick]   draw results.png and print the summary
 * </pre>
 *
 * Cases: hpsi_3d_L128, prop_3d_L64, prop_3d_L128, prop_2d_1024, prop_1d_1e6, scale_3d_L128,
 * scale_3d_L256, ensemble_1d_N4096, notebooks. Output: {@code data/bench/} ({@code
 * data/bench/quick/} with {@code --quick}). System properties: {@code qdiff.bench.threads} (thread
 * counts, default "1,2"), and those of {@link PythonPeers}.
 */
public final class BenchmarkMain {

  static final List<String> CASES =
      List.of(
          HamiltonianProductCase.NAME,
          "prop_3d_L64",
          "prop_3d_L128",
          "prop_2d_1024",
          "prop_1d_1e6",
          ScaleCase.NAME_L128,
          ScaleCase.NAME_L256,
          EnsembleCase.NAME,
          "notebooks");

  private BenchmarkMain() {}

  public static void main(String[] args) {
    boolean quick = Arrays.asList(args).contains("--quick");
    String name = args.length > 0 && !args[0].startsWith("--") ? args[0] : "";
    Path output = Frames.dataDirectory().resolve(quick ? "bench/quick" : "bench");
    Path results = output.resolve("results.csv");
    Progress.silence();
    if (name.equals("report")) {
      List<BenchmarkRow> rows = BenchmarkResults.read(results);
      Path png = BenchmarkChart.draw(rows, output.resolve("results.png"), quick);
      BenchmarkSummary.print(rows, System.out);
      System.out.println("results: " + results + "\nchart: " + png);
      return;
    }
    if (!CASES.contains(name)) {
      System.err.println(
          "usage: BenchmarkMain CASE|report [--quick]; cases: " + String.join(", ", CASES));
      System.exit(2);
    }
    int[] threads =
        Arrays.stream(System.getProperty("qdiff.bench.threads", "1,2").split(","))
            .mapToInt(s -> Integer.parseInt(s.strip()))
            .sorted()
            .toArray();
    System.out.printf(
        Locale.ROOT,
        "== %s%s on %s, load average %.2f, max heap %d MiB%n",
        name,
        quick ? " (--quick)" : "",
        Machine.describe(),
        Machine.loadAverage(),
        Runtime.getRuntime().maxMemory() >> 20);
    List<BenchmarkRow> rows;
    Predicate<String> owned = name::equals;
    switch (name) {
      case HamiltonianProductCase.NAME:
        rows = HamiltonianProductCase.run(quick, threads);
        double peak = Machine.peakRssMb();
        rows.forEach(r -> r.number(BenchmarkRow.PEAK_RSS, peak));
        break;
      case ScaleCase.NAME_L128:
      case ScaleCase.NAME_L256:
        rows = ScaleCase.run(name, quick, threads[threads.length - 1]);
        break;
      case EnsembleCase.NAME:
        rows = EnsembleCase.run(quick, threads);
        break;
      case "notebooks":
        rows =
            NotebooksCase.run(
                output.resolve("kernel_start.csv"), output.resolve("notebooks/timings.csv"));
        owned = NotebooksCase::owns;
        break;
      default:
        PropagationCase.Spec spec =
            PropagationCase.specs(quick).stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
        rows = PropagationCase.run(spec, threads, output.resolve("work"));
        break;
    }
    BenchmarkResults.replace(results, owned, rows);
    System.out.printf(
        Locale.ROOT,
        "%s: %d rows written to %s; peak RSS of this JVM %.0f MiB%n",
        name,
        rows.size(),
        results,
        Machine.peakRssMb());
  }
}
