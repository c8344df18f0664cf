package org.qdiff.plot;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;
import org.knowm.xchart.internal.chartpart.Chart;
import org.qdiff.lattice.Lattice;
import org.qdiff.plot.PlotData.Scale;
import org.qdiff.state.ProbabilityState;
import tech.tablesaw.api.Table;

/**
 * Entry point for charts: line plots of result tables and heat maps of fields on a 2D box, plus
 * saving charts as PNG and SVG.
 *
 * <pre>{@code
 * Plot.logLog(msd, "t", "msd")
 *     .reference("ballistic 2dt²", t -> 2 * t * t)
 *     .title("Anderson W = 16.5, L = 40")
 *     .build()                                     // an XYChart, rendered by the kernel
 * Plot.linear(profiles, "x", "p").groupBy("t").build()
 * Plot.density(psi).title("|psi(x)|^2").build()    // a HeatMapChart (Figure 1)
 * Plot.save(chart, Path.of("data/figures/fig1"))   // fig1.png and fig1.svg
 * }</pre>
 *
 * <p>Every factory checks its data at once and throws {@link IllegalArgumentException} naming the
 * column and the first bad row (missing column, non-numeric column, NaN or infinite values,
 * non-positive values on a logarithmic axis, empty table), so the error appears in the cell that
 * asked for the plot rather than when the chart is painted.
 */
public final class Plot {

  private Plot() {}

  // ---------------------------------------------------------------- line plots

  /**
   * A line plot with linear axes, e.g. a profile p(x) against x.
   *
   * @param table the data (not modified; its values are copied now)
   * @param xColumn the column on the x axis
   * @param yColumns one or more columns on the y axis, one series each
   * @return a builder; finish with {@code build()}
   * @throws IllegalArgumentException if a column is absent (the message lists the table's columns)
   *     or not numeric, the table is empty, or a value is NaN or infinite (the message names the
   *     column and the first bad row)
   */
  public static XYPlotBuilder linear(Table table, String xColumn, String... yColumns) {
    return new XYPlotBuilder("Plot.linear", Scale.LINEAR, Scale.LINEAR, table, xColumn, yColumns);
  }

  /**
   * A line plot with both axes logarithmic, where a power law y ~ t^a is a straight line of slope
   * a: ballistic spreading (8) has slope 2, diffusion slope 1.
   *
   * @param table the data (not modified; its values are copied now)
   * @param xColumn the column on the x axis
   * @param yColumns one or more columns on the y axis, one series each
   * @return a builder; finish with {@code build()}
   * @throws IllegalArgumentException as {@link #linear}, and if a value is {@code <= 0} (the
   *     message names the column, the first bad row and its value; drop the t = 0 row first)
   */
  public static XYPlotBuilder logLog(Table table, String xColumn, String... yColumns) {
    return new XYPlotBuilder("Plot.logLog", Scale.LOG, Scale.LOG, table, xColumn, yColumns);
  }

  /**
   * A line plot with a logarithmic y axis, where exponential decay is a straight line.
   *
   * @param table the data (not modified; its values are copied now)
   * @param xColumn the column on the (linear) x axis
   * @param yColumns one or more columns on the y axis, one series each
   * @return a builder; finish with {@code build()}
   * @throws IllegalArgumentException as {@link #linear}, and if a y value is {@code <= 0} (the
   *     message names the column, the first bad row and its value)
   */
  public static XYPlotBuilder semiLogY(Table table, String xColumn, String... yColumns) {
    return new XYPlotBuilder("Plot.semiLogY", Scale.LINEAR, Scale.LOG, table, xColumn, yColumns);
  }

  /**
   * A line plot with a logarithmic x axis, e.g. a quantity against time on a log time grid.
   *
   * @param table the data (not modified; its values are copied now)
   * @param xColumn the column on the (logarithmic) x axis
   * @param yColumns one or more columns on the y axis, one series each
   * @return a builder; finish with {@code build()}
   * @throws IllegalArgumentException as {@link #linear}, and if an x value is {@code <= 0} (the
   *     message names the column, the first bad row and its value; drop the t = 0 row first)
   */
  public static XYPlotBuilder semiLogX(Table table, String xColumn, String... yColumns) {
    return new XYPlotBuilder("Plot.semiLogX", Scale.LOG, Scale.LINEAR, table, xColumn, yColumns);
  }

  // ---------------------------------------------------------------- heat maps

  /**
   * A heat map of the probability p(x) (4) of a state on a 2D box: |psi(x)|^2 for a wave function,
   * as in Figure 1, or a classical distribution.
   *
   * @param state the state (not modified; its probabilities are copied now)
   * @return a builder; finish with {@code build()}
   * @throws IllegalArgumentException if the state is null or its lattice is not a 2D box (the
   *     message names the dimension)
   */
  public static HeatMapBuilder density(ProbabilityState state) {
    if (state == null) {
      throw new IllegalArgumentException("Plot.density: state must not be null");
    }
    return new HeatMapBuilder("Plot.density", state.lattice(), state.probabilityArray(), "p");
  }

  /**
   * A heat map of any per-site values on a 2D box, e.g. the disorder potential v(x) of the Anderson
   * model (10) as in Figure 4.
   *
   * @param lattice a 2D box
   * @param values one value per site, indexed by site number (not modified, copied)
   * @return a builder; finish with {@code build()}
   * @throws IllegalArgumentException if the lattice is not a 2D box (the message names the
   *     dimension), if values does not have one entry per site, or if a value is not finite (the
   *     message names the site and its coordinates)
   */
  public static HeatMapBuilder heatMap(Lattice lattice, double[] values) {
    return new HeatMapBuilder("Plot.heatMap", lattice, values, "value");
  }

  // ---------------------------------------------------------------- files

  /**
   * Saves a chart as PNG and SVG side by side: {@code base.png} and {@code base.svg}. Parent
   * directories are created and each file is written atomically (a temporary file moved into
   * place). A ".png" or ".svg" ending of {@code base} is dropped first.
   *
   * @param chart the chart
   * @param base the path without extension, e.g. {@code Path.of("data/figures/fig1")}
   * @return the path of the PNG file
   * @throws UncheckedIOException naming the file if it cannot be written
   */
  public static Path save(Chart<?, ?> chart, Path base) {
    requireNonNull("Plot.save", chart, base);
    String name = base.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".png") || lower.endsWith(".svg")) {
      name = name.substring(0, name.length() - 4);
    }
    Path png = base.resolveSibling(name + ".png");
    savePng(chart, png);
    saveSvg(chart, base.resolveSibling(name + ".svg"));
    return png;
  }

  /**
   * Saves a chart as a PNG of the chart's size in pixels.
   *
   * @param chart the chart
   * @param file the PNG file (written as given, parent directories created)
   * @return {@code file}
   * @throws UncheckedIOException naming the file if it cannot be written
   */
  public static Path savePng(Chart<?, ?> chart, Path file) {
    return savePng(chart, file, 1.0);
  }

  /**
   * Saves a chart as a PNG drawn at a scale: 2 gives twice the pixels in each direction with the
   * same layout, sharp on high-resolution screens and in print.
   *
   * @param chart the chart
   * @param file the PNG file (written as given, parent directories created)
   * @param scale pixels per chart unit, in [0.5, 4]
   * @return {@code file}
   * @throws IllegalArgumentException if scale is outside [0.5, 4]
   * @throws UncheckedIOException naming the file if it cannot be written
   */
  public static Path savePng(Chart<?, ?> chart, Path file, double scale) {
    requireNonNull("Plot.savePng", chart, file);
    if (!(scale >= 0.5 && scale <= 4)) {
      throw new IllegalArgumentException("Plot.savePng: scale must be in [0.5, 4], got " + scale);
    }
    BufferedImage image = image(chart, scale);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("Plot.savePng: cannot encode " + file + ": " + e, e);
    }
    return write("Plot.savePng", file, bytes.toByteArray());
  }

  /**
   * Saves a chart as SVG (vector graphics, for papers and slides).
   *
   * @param chart the chart
   * @param file the SVG file (written as given, parent directories created)
   * @return {@code file}
   * @throws UncheckedIOException naming the file if it cannot be written
   */
  public static Path saveSvg(Chart<?, ?> chart, Path file) {
    requireNonNull("Plot.saveSvg", chart, file);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      VectorGraphicsEncoder.saveVectorGraphic(chart, bytes, VectorGraphicsFormat.SVG);
    } catch (IOException e) {
      throw new UncheckedIOException("Plot.saveSvg: cannot encode " + file + ": " + e, e);
    }
    return write("Plot.saveSvg", file, bytes.toByteArray());
  }

  /**
   * Paints a chart into an RGB image of its size times {@code scale}.
   *
   * @param chart the chart
   * @param scale pixels per chart unit, in [0.5, 4]
   * @return a new image
   * @throws IllegalArgumentException if scale is outside [0.5, 4]
   */
  public static BufferedImage image(Chart<?, ?> chart, double scale) {
    if (chart == null) {
      throw new IllegalArgumentException("Plot.image: chart must not be null");
    }
    if (!(scale >= 0.5 && scale <= 4)) {
      throw new IllegalArgumentException("Plot.image: scale must be in [0.5, 4], got " + scale);
    }
    int w = (int) Math.round(chart.getWidth() * scale);
    int h = (int) Math.round(chart.getHeight() * scale);
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      // Pure strokes: the default stroke control snaps line vertices to pixels, which makes
      // straight lines on log axes (power laws) visibly kinked.
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.scale(scale, scale);
      chart.paint(g, chart.getWidth(), chart.getHeight());
    } finally {
      g.dispose();
    }
    return image;
  }

  /** Writes bytes to a temporary file beside {@code file}, then moves it into place. */
  private static Path write(String where, Path file, byte[] bytes) {
    Path target = file.toAbsolutePath().normalize();
    Path temporary = null;
    try {
      Files.createDirectories(target.getParent());
      // A hidden sibling (same file system, so the move can be atomic); not createTempFile,
      // whose owner-only permissions the final file would keep.
      temporary =
          target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
      Files.write(temporary, bytes);
      try {
        Files.move(
            temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        // Some file systems cannot rename atomically; a plain replace is the best they offer.
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(where + ": cannot write " + target + ": " + e, e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // Only a leftover hidden temporary file; the write itself succeeded or already threw.
        }
      }
    }
  }

  private static void requireNonNull(String where, Chart<?, ?> chart, Path path) {
    if (chart == null) {
      throw new IllegalArgumentException(where + ": chart must not be null (call build() first)");
    }
    if (path == null || path.getFileName() == null) {
      throw new IllegalArgumentException(where + ": path must name a file, got " + path);
    }
  }
}
