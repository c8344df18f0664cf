package org.qdiff.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.qdiff.plot.Plot;

/**
 * The chart of {@code results.csv}: on the left the wall time of every compute case (log scale),
 * qdiff on 1 and 2 threads beside the Python peers; on the right the kernel start and each
 * notebook's run time.
 */
final class BenchmarkChart {

  private static final Color GRID = new Color(0xE6, 0xE6, 0xE6);
  private static final Color FRAME = new Color(0x99, 0x99, 0x99);

  /** Series of the left panel: label, method and threads (0: any) of the rows it shows. */
  private record Series(String label, String method, int threads, Color color) {}

  private static final List<Series> SERIES =
      List.of(
          new Series("qdiff, 1 thread", "qdiff", 1, new Color(0x1F, 0x4E, 0x9A)),
          new Series("qdiff, 2 threads", "qdiff", 2, new Color(0x6C, 0x9B, 0xD8)),
          new Series("SciPy expm_multiply", "scipy_expm_multiply", 0, new Color(0xC0, 0x50, 0x30)),
          new Series("NumPy/SciPy Chebyshev", "numpy_chebyshev", 0, new Color(0xE8, 0xA0, 0x40)),
          new Series("QuTiP sesolve", "qutip_sesolve", 0, new Color(0x60, 0xA0, 0x60)));

  /** The compute cases in chart order. */
  private static final List<String> COMPUTE_CASES =
      List.of(
          HamiltonianProductCase.NAME,
          "prop_3d_L64",
          "prop_3d_L128",
          "prop_2d_1024",
          "prop_1d_1e6",
          ScaleCase.NAME_L128,
          ScaleCase.NAME_L256,
          EnsembleCase.NAME);

  private BenchmarkChart() {}

  /**
   * Draws the chart of the rows into a PNG.
   *
   * @param quick whether the rows come from reduced sizes (said in the titles)
   */
  static Path draw(List<BenchmarkRow> rows, Path png, boolean quick) {
    CategoryChart compute = computeChart(rows, quick);
    CategoryChart notebooks = notebookChart(rows);
    int width = compute.getWidth() + (notebooks == null ? 0 : notebooks.getWidth());
    int height = compute.getHeight();
    double scale = 1.5;
    BufferedImage image =
        new BufferedImage(
            (int) Math.round(width * scale),
            (int) Math.round(height * scale),
            BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.drawImage(Plot.image(compute, scale), 0, 0, null);
    if (notebooks != null) {
      g.drawImage(
          Plot.image(notebooks, scale), (int) Math.round(compute.getWidth() * scale), 0, null);
    }
    g.dispose();
    try {
      Files.createDirectories(png.toAbsolutePath().getParent());
      ImageIO.write(image, "png", png.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("BenchmarkChart: cannot write " + png, e);
    }
    return png;
  }

  private static CategoryChart computeChart(List<BenchmarkRow> rows, boolean quick) {
    List<String> cases = new ArrayList<>();
    for (String name : COMPUTE_CASES) {
      if (rows.stream().anyMatch(r -> r.caseName().equals(name) && hasWall(r))) {
        cases.add(name);
      }
    }
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(1050)
            .height(560)
            .title(
                "qdiff benchmark: wall time per case"
                    + (quick ? " (--quick: reduced sizes)" : "")
                    + ", lower is better")
            .yAxisTitle("wall time (s), log scale")
            .xAxisTitle("case (" + Machine.describe() + loadRange(rows) + ")")
            .build();
    style(chart.getStyler());
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setXAxisLabelRotation(20);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    chart.getStyler().setAvailableSpaceFill(0.85);
    chart.getStyler().setOverlapped(false);
    List<String> labels = new ArrayList<>();
    for (String c : cases) {
      labels.add(label(c, rows));
    }
    if (cases.isEmpty()) {
      labels.add("no compute case yet");
    }
    double lowest = Double.POSITIVE_INFINITY;
    double highest = 0;
    for (Series series : SERIES) {
      List<Double> values = new ArrayList<>();
      boolean any = false;
      for (String c : cases) {
        Double value = null;
        for (BenchmarkRow r : rows) {
          if (r.caseName().equals(c) && matches(series, r) && hasWall(r)) {
            value = r.number(BenchmarkRow.WALL);
            lowest = Math.min(lowest, value);
            highest = Math.max(highest, value);
            any = true;
          }
        }
        values.add(value);
      }
      if (any || (series.threads() == 1 && cases.isEmpty())) {
        if (cases.isEmpty()) {
          values.add(1.0);
        }
        chart.addSeries(series.label(), labels, values).setFillColor(series.color());
      }
    }
    // Bars on a log axis start at the axis minimum, which XChart needs given (a missing bar, null,
    // would otherwise count as 0); whole decades around the data.
    if (highest > 0) {
      chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(lowest)) - 1));
      chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(highest)) + 0.6));
    }
    return chart;
  }

  /** A short axis label for the sizes as run (full or --quick), found from the rows' sites. */
  private static String label(String caseName, List<BenchmarkRow> rows) {
    // A qdiff row: the STREAM rows of case 1 count array elements, not sites.
    BenchmarkRow row =
        rows.stream()
            .filter(r -> r.caseName().equals(caseName) && r.method().startsWith("qdiff"))
            .findFirst()
            .orElseThrow();
    long sites = (long) row.number(BenchmarkRow.SITES);
    String cube = "L=" + Math.round(Math.cbrt(sites));
    for (boolean quick : new boolean[] {false, true}) {
      for (PropagationCase.Spec spec : PropagationCase.specs(quick)) {
        int[] sides = spec.sides();
        long n = 1;
        for (int side : sides) {
          n *= side;
        }
        if (spec.name().equals(caseName) && n == sites) {
          String box =
              sides.length == 1
                  ? "1D N=" + sides[0]
                  : sides.length == 2 ? "2D " + sides[0] + "^2" : "3D L=" + sides[0];
          return box + ", T=" + BenchmarkRow.format(spec.time());
        }
      }
    }
    switch (caseName) {
      case HamiltonianProductCase.NAME:
        return "H psi, 3D " + cube + " (1 product)";
      case ScaleCase.NAME_L128:
      case ScaleCase.NAME_L256:
        return "scale: 3D " + cube;
      case EnsembleCase.NAME:
        return "ensemble of N=" + sites;
      default:
        return caseName;
    }
  }

  private static boolean matches(Series series, BenchmarkRow r) {
    String method = r.method();
    boolean qdiff =
        method.equals("qdiff") || method.equals("qdiff_hpsi") || method.equals("qdiff_ensemble");
    if (series.method().equals("qdiff")) {
      // The scale case runs on all threads only: it stands in the 2-thread series.
      return qdiff && r.threads() == series.threads();
    }
    return method.equals(series.method());
  }

  private static CategoryChart notebookChart(List<BenchmarkRow> rows) {
    List<String> labels = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (BenchmarkRow r : rows) {
      if (NotebooksCase.owns(r.caseName()) && hasWall(r)) {
        String name = r.caseName();
        labels.add(
            name.equals("kernel_start")
                ? "kernel"
                : name.substring("notebook:".length()).replaceFirst("_.*", ""));
        values.add(r.number(BenchmarkRow.WALL));
      }
    }
    if (labels.isEmpty()) {
      return null;
    }
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(560)
            .height(560)
            .title("Notebooks: kernel start, run times")
            .xAxisTitle("notebook number")
            .yAxisTitle("wall time (s)")
            .build();
    style(chart.getStyler());
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setLabelsVisible(true);
    chart.getStyler().setLabelsRotation(90);
    chart.getStyler().setLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    chart.getStyler().setYAxisDecimalPattern("0.0");
    chart.getStyler().setXAxisLabelRotation(0);
    chart.addSeries("wall time", labels, values).setFillColor(new Color(0x1F, 0x4E, 0x9A));
    return chart;
  }

  /** "; load average 2.5 to 6.2": the machine's load while the rows were measured. */
  private static String loadRange(List<BenchmarkRow> rows) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (BenchmarkRow r : rows) {
      double load = r.number(BenchmarkRow.LOAD);
      if (Double.isFinite(load)) {
        lo = Math.min(lo, load);
        hi = Math.max(hi, load);
      }
    }
    return hi < lo
        ? ""
        : String.format(java.util.Locale.ROOT, "; load average %.1f to %.1f", lo, hi);
  }

  private static boolean hasWall(BenchmarkRow r) {
    double w = r.number(BenchmarkRow.WALL);
    return Double.isFinite(w) && w > 0;
  }

  private static void style(AxesChartStyler styler) {
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderColor(FRAME);
    styler.setPlotGridLinesColor(GRID);
    styler.setPlotGridLinesStroke(new BasicStroke(0.8f));
    styler.setLegendBorderColor(GRID);
    styler.setChartTitleBoxVisible(false);
    styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    styler.setToolTipsEnabled(false);
  }
}
