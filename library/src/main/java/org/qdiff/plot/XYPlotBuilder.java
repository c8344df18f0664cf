package org.qdiff.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.ChartTheme;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.qdiff.plot.PlotData.Scale;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Builds an {@link XYChart} of lines from table columns: one or more y columns against an x column,
 * further series from other tables or arrays, and reference curves such as the ballistic law 2dt^2
 * or the Gaussian (12). Obtain one from {@link Plot#linear}, {@link Plot#logLog}, {@link
 * Plot#semiLogX} or {@link Plot#semiLogY}; the axis scales are fixed there, so that every series
 * can be checked against them when it is added.
 *
 * <pre>{@code
 * Plot.logLog(msd, "t", "msd")
 *     .series(classical, "t", "msd", "classical walk")
 *     .reference("ballistic 2dt²", t -> 2 * t * t)
 *     .title("Anderson W = 16.5, L = 40")
 *     .build()
 * }</pre>
 *
 * <p>Series are drawn as lines in the order of the table's rows (sort the table by x first if it is
 * not). Reference curves are dashed and have no markers. Disorder averages get error bars from
 * their standard errors:
 *
 * <pre>{@code
 * Plot.linear(ensemble.mean(), "t", "msd").errorBars().markers(true).build()   // ± msd_sem
 * }</pre>
 */
public final class XYPlotBuilder extends PlotBuilder<XYPlotBuilder, XYChart> {

  /** Default size: fits a notebook cell without scrolling, with room for a legend. */
  static final int DEFAULT_WIDTH = 640;

  static final int DEFAULT_HEIGHT = 420;

  /**
   * Points on which a reference curve is evaluated: at 640 pixels one every ~5 pixels, which looks
   * smooth for the slowly varying laws (powers of t, Gaussians) plotted as references.
   */
  static final int REFERENCE_POINTS = 100;

  // Reference curves are dark and dashed so that they read as "theory" beside coloured data.
  private static final Color[] REFERENCE_COLORS = {
    new Color(0x20, 0x20, 0x20), new Color(0x70, 0x70, 0x70), new Color(0xA0, 0x20, 0x20)
  };
  private static final BasicStroke[] REFERENCE_STROKES = {
    dashed(new float[] {7f, 4f}), dashed(new float[] {2f, 3f}), dashed(new float[] {9f, 3f, 2f, 3f})
  };

  private final Scale xScale;
  private final Scale yScale;
  private final Table table;
  private final String xColumn;
  private final String[] yColumns;
  private final double[] x;
  private final double[][] y;
  private String[] names;
  private double[][] errors; // per y column, or null: no error bars on the factory's series
  private String[] errorColumns;
  private String groupColumn;
  private final List<Curve> added = new ArrayList<>();
  private final List<Reference> references = new ArrayList<>();
  private boolean markers;
  private boolean lines = true;
  private Boolean legendVisible;
  private LegendPosition legendPosition; // null: chosen from the data in build()

  XYPlotBuilder(
      String method, Scale xScale, Scale yScale, Table table, String xColumn, String... yColumns) {
    super(method, DEFAULT_WIDTH, DEFAULT_HEIGHT, xColumn, null);
    this.xScale = xScale;
    this.yScale = yScale;
    if (yColumns == null || yColumns.length == 0) {
      throw new IllegalArgumentException(
          method + ": give at least one y column after the x column '" + xColumn + "'");
    }
    this.x = PlotData.values(method, table, xColumn, xScale, "x");
    this.y = new double[yColumns.length][];
    Set<String> seen = new HashSet<>();
    for (int k = 0; k < yColumns.length; k++) {
      if (!seen.add(yColumns[k])) {
        throw new IllegalArgumentException(
            method + ": y column '" + yColumns[k] + "' is given more than once");
      }
      y[k] = PlotData.values(method, table, yColumns[k], yScale, "y");
    }
    this.table = table;
    this.xColumn = xColumn;
    this.yColumns = yColumns.clone();
    this.names = yColumns.clone();
    this.yLabel = String.join(", ", yColumns);
  }

  // ---------------------------------------------------------------- series

  /**
   * Adds a series from another table, e.g. the classical walk beside the quantum run.
   *
   * @param table the table (not modified; its values are copied now)
   * @param xColumn the column on the x axis
   * @param yColumn the column on the y axis
   * @param name the series' name in the legend, distinct from the other series' names
   * @return this builder
   * @throws IllegalArgumentException if a column is absent or not numeric, the table is empty, a
   *     value is not finite or (log axis) not positive (the message names the column and the first
   *     bad row), or the name is blank or already used
   */
  public XYPlotBuilder series(Table table, String xColumn, String yColumn, String name) {
    return tableSeries(table, xColumn, yColumn, null, name);
  }

  /**
   * Adds a series from another table with error bars: y ± the error column at every point, e.g. a
   * disorder average and its standard error ({@code "msd", "msd_sem"}).
   *
   * @param table the table (not modified; its values are copied now)
   * @param xColumn the column on the x axis
   * @param yColumn the column on the y axis
   * @param errorColumn the half-length of each error bar, >= 0
   * @param name the series' name in the legend, distinct from the other series' names
   * @return this builder
   * @throws IllegalArgumentException as {@link #series(Table, String, String, String)}, and if an
   *     error is negative or not finite, or (log y axis) reaches y - error <= 0 (the message names
   *     the column, row and values)
   */
  public XYPlotBuilder series(
      Table table, String xColumn, String yColumn, String errorColumn, String name) {
    if (errorColumn == null) {
      throw new IllegalArgumentException(where("series") + ": error column name must not be null");
    }
    return tableSeries(table, xColumn, yColumn, errorColumn, name);
  }

  /** Adds a checked series of table columns; errorColumn null: no error bars. */
  private XYPlotBuilder tableSeries(
      Table table, String xColumn, String yColumn, String errorColumn, String name) {
    String where = where("series");
    checkNewName(where, name);
    double[] sx = PlotData.values(where, table, xColumn, xScale, "x");
    double[] sy = PlotData.values(where, table, yColumn, yScale, "y");
    double[] se = null;
    if (errorColumn != null) {
      se = PlotData.values(where, table, errorColumn, Scale.LINEAR, "error");
      checkErrors(where, "column '" + errorColumn + "'", "row", sy, se);
    }
    added.add(new Curve(name, sx, sy, se));
    return this;
  }

  /**
   * Adds a series from arrays, e.g. a fit computed in the notebook.
   *
   * @param name the series' name in the legend, distinct from the other series' names
   * @param x the x values (not modified, copied)
   * @param y the y values, as many as x (not modified, copied)
   * @return this builder
   * @throws IllegalArgumentException if the arrays are null, empty or of different lengths, if a
   *     value is not finite or (log axis) not positive (the message names the array and index), or
   *     if the name is blank or already used
   */
  public XYPlotBuilder series(String name, double[] x, double[] y) {
    added.add(arraySeries(where("series"), name, x, y));
    return this;
  }

  /** The checked series of arrays, not yet added (the checks of series(name, x, y)). */
  private Curve arraySeries(String where, String name, double[] x, double[] y) {
    checkNewName(where, name);
    if (x == null || y == null) {
      throw new IllegalArgumentException(
          where + ": x and y of series '" + name + "' must not be null");
    }
    if (x.length != y.length || x.length == 0) {
      throw new IllegalArgumentException(
          where
              + ": x and y of series '"
              + name
              + "' must have the same, non-zero length, got "
              + x.length
              + " and "
              + y.length);
    }
    PlotData.check(where, "x of series '" + name + "'", "index", x, xScale, "x", null);
    PlotData.check(where, "y of series '" + name + "'", "index", y, yScale, "y", null);
    return new Curve(name, x.clone(), y.clone(), null);
  }

  /**
   * Adds a series from arrays with error bars: y ± errors at every point.
   *
   * @param name the series' name in the legend, distinct from the other series' names
   * @param x the x values (not modified, copied)
   * @param y the y values, as many as x (not modified, copied)
   * @param errors the half-length of each error bar, >= 0, as many as x (not modified, copied)
   * @return this builder
   * @throws IllegalArgumentException as {@link #series(String, double[], double[])}, and if errors
   *     is null, of another length, negative or not finite somewhere, or (log y axis) reaches y -
   *     error <= 0 (the message names the index and values)
   */
  public XYPlotBuilder series(String name, double[] x, double[] y, double[] errors) {
    String where = where("series");
    Curve plain = arraySeries(where, name, x, y);
    if (errors == null || errors.length != y.length) {
      throw new IllegalArgumentException(
          where
              + ": give one error per y value of series '"
              + name
              + "', got "
              + (errors == null ? "null" : errors.length + " errors")
              + " for "
              + y.length
              + " values");
    }
    checkErrors(where, "errors of series '" + name + "'", "index", y, errors);
    added.add(new Curve(plain.name(), plain.x(), plain.y(), errors.clone()));
    return this;
  }

  /**
   * Draws error bars on the series of the factory's table: y ± the error column at every point, one
   * error column per y column in the factory's order. Without arguments each y column {@code c}
   * takes the column {@code c_sem}, the standard error that {@code EnsembleResult.mean()} writes
   * beside each mean. Error bars are drawn in their series' colour; with {@link #groupBy} each
   * group gets its rows' errors.
   *
   * @param errorColumns the columns holding the half-length of each bar (>= 0), or none for the
   *     {@code _sem} columns
   * @return this builder
   * @throws IllegalArgumentException if the number of columns differs from the number of y columns,
   *     a column is absent (the message lists the table's columns) or not numeric, or an error is
   *     negative, not finite, or (log y axis) reaches y - error <= 0 (the message names the column,
   *     row and values)
   */
  public XYPlotBuilder errorBars(String... errorColumns) {
    String where = where("errorBars");
    String[] columns = errorColumns;
    if (columns == null || columns.length == 0) {
      columns = new String[yColumns.length];
      for (int k = 0; k < yColumns.length; k++) {
        columns[k] = yColumns[k] + "_sem";
        if (!table.containsColumn(columns[k])) {
          throw new IllegalArgumentException(
              where
                  + ": without arguments the errors of y column '"
                  + yColumns[k]
                  + "' come from the column '"
                  + columns[k]
                  + "' (as Ensemble's mean() names standard errors), which table '"
                  + table.name()
                  + "' lacks; its columns are "
                  + table.columnNames()
                  + ". Name the error columns: errorBars(\"...\")");
        }
      }
    } else if (columns.length != yColumns.length) {
      throw new IllegalArgumentException(
          where
              + ": give one error column per y column "
              + Arrays.toString(yColumns)
              + ", got "
              + Arrays.toString(columns));
    }
    double[][] values = new double[columns.length][];
    for (int k = 0; k < columns.length; k++) {
      values[k] = PlotData.values(where, table, columns[k], Scale.LINEAR, "error");
      checkErrors(where, "column '" + columns[k] + "'", "row", y[k], values[k]);
    }
    this.errors = values;
    this.errorColumns = columns.clone();
    return this;
  }

  /**
   * Errors must be finite (checked by the caller), >= 0, and keep y - error > 0 on a log y axis.
   */
  private void checkErrors(
      String where, String what, String position, double[] values, double[] errors) {
    for (int i = 0; i < errors.length; i++) {
      double e = errors[i];
      if (!(e >= 0) || !Double.isFinite(e)) {
        throw new IllegalArgumentException(
            where
                + ": "
                + what
                + " must hold finite errors >= 0, got "
                + e
                + " at "
                + position
                + " "
                + i);
      }
      if (yScale == Scale.LOG && !(values[i] - e > 0)) {
        throw new IllegalArgumentException(
            where
                + ": "
                + what
                + " gives an error bar down to y - error = "
                + (values[i] - e)
                + " at "
                + position
                + " "
                + i
                + " (y = "
                + values[i]
                + ", error = "
                + e
                + "), which a logarithmic y axis cannot show; use a linear y axis (Plot.linear,"
                + " Plot.semiLogX) or drop that point");
      }
    }
  }

  /**
   * Renames the series of the table given to the factory (by default they are named after their y
   * columns). With {@link #groupBy} the names become prefixes of the group labels.
   *
   * @param names one distinct name per y column, in the factory's order
   * @return this builder
   * @throws IllegalArgumentException if the number of names differs from the number of y columns,
   *     or a name is blank, repeated or used by an added series
   */
  public XYPlotBuilder names(String... names) {
    String where = where("names");
    if (names == null || names.length != yColumns.length) {
      throw new IllegalArgumentException(
          where
              + ": give one name per y column "
              + Arrays.toString(yColumns)
              + ", got "
              + (names == null ? 0 : names.length));
    }
    Set<String> seen = new HashSet<>();
    for (String n : names) {
      if (n == null || n.isBlank()) {
        throw new IllegalArgumentException(
            where + ": a series name must not be blank, got " + q(n));
      }
      if (!seen.add(n) || addedOrReferenceName(n)) {
        throw new IllegalArgumentException(where + ": series name '" + n + "' is already used");
      }
    }
    this.names = names.clone();
    return this;
  }

  /**
   * Splits the factory's table into one series per distinct value of a column: a "long" table of
   * profiles with columns {@code t, x, p} gives one curve p(x) per time t. Numeric groups are
   * ordered by value, others by first appearance; each series is named {@code "t = 0.5"} (prefixed
   * by the y column's name when there are several).
   *
   * @param column the column whose values label the groups
   * @return this builder
   * @throws IllegalArgumentException if the factory's table has no such column or the column has a
   *     missing value (the message names the row)
   */
  public XYPlotBuilder groupBy(String column) {
    String where = where("groupBy");
    Column<?> c = PlotData.column(where, table, column);
    for (int row = 0; row < c.size(); row++) {
      if (c.isMissing(row)) {
        throw new IllegalArgumentException(
            where + ": column '" + column + "' is missing at row " + row + "; cannot group by it");
      }
    }
    this.groupColumn = column;
    return this;
  }

  /**
   * Adds a reference curve y = f(x), e.g. the ballistic law {@code t -> 2 * t * t} or the Gaussian
   * (12). It is evaluated on {@value #REFERENCE_POINTS} points spanning the x range of all data
   * series (log-spaced on a logarithmic x axis) when {@link #build()} runs; points where f is not
   * finite, or not positive on a logarithmic y axis, are left out.
   *
   * @param name the curve's name in the legend, distinct from the other series' names
   * @param f the function of x
   * @return this builder
   * @throws IllegalArgumentException if f is null or the name is blank or already used
   */
  public XYPlotBuilder reference(String name, DoubleUnaryOperator f) {
    String where = where("reference");
    checkNewName(where, name);
    if (f == null) {
      throw new IllegalArgumentException(where + ": function of '" + name + "' must not be null");
    }
    references.add(new Reference(name, f));
    return this;
  }

  // ---------------------------------------------------------------- style

  /**
   * Draws a marker at each data point (off by default: a profile has hundreds of points). Reference
   * curves never have markers.
   *
   * @param markers true to draw markers
   * @return this builder
   */
  public XYPlotBuilder markers(boolean markers) {
    this.markers = markers;
    return this;
  }

  /**
   * Connects the points of each data series with lines (the default), or draws the points alone
   * with markers when false: measured values, such as disorder averages with error bars, beside
   * dashed reference curves. Reference curves are always lines.
   *
   * @param lines false for points only
   * @return this builder
   */
  public XYPlotBuilder lines(boolean lines) {
    this.lines = lines;
    return this;
  }

  /**
   * Shows or hides the legend. By default it is shown when there is more than one series.
   *
   * @param visible true to show the legend
   * @return this builder
   */
  public XYPlotBuilder legend(boolean visible) {
    this.legendVisible = visible;
    return this;
  }

  /**
   * Shows the legend at a position. By default it goes inside the plot in the upper corner the
   * first series leaves free: top left if it rises (the mean squared displacement), top right if it
   * falls (the return probability) or ends where it starts (a profile).
   *
   * @param position where to put the legend
   * @return this builder
   * @throws IllegalArgumentException if position is null
   */
  public XYPlotBuilder legend(LegendPosition position) {
    if (position == null) {
      throw new IllegalArgumentException(where("legend") + ": position must not be null");
    }
    this.legendVisible = true;
    this.legendPosition = position;
    return this;
  }

  // ---------------------------------------------------------------- build

  /**
   * Makes the chart: one line per y column (or per group), the added series, then the reference
   * curves, with the axis scales of the factory.
   *
   * @return a new {@link XYChart}
   * @throws IllegalArgumentException if two series end up with the same name (e.g. a group label
   *     equal to an added series' name), if a reference curve has no finite (positive, on a log y
   *     axis) value over the x range, or if a reference function throws (the message names the
   *     curve and x)
   */
  @Override
  public XYChart build() {
    String where = where("build");
    List<Curve> data = new ArrayList<>(primaryCurves());
    data.addAll(added);
    Set<String> used = new HashSet<>();
    for (Curve c : data) {
      if (!used.add(c.name())) {
        throw new IllegalArgumentException(
            where + ": two series are named '" + c.name() + "'; rename one (names, series)");
      }
    }
    for (Reference r : references) {
      if (!used.add(r.name())) {
        throw new IllegalArgumentException(
            where + ": reference '" + r.name() + "' has the name of a data series; rename it");
      }
    }

    XYChart chart = new XYChart(width, height, ChartTheme.XChart);
    chart.setTitle(title);
    chart.setXAxisTitle(xLabel);
    chart.setYAxisTitle(yLabel);
    XYStyler styler = chart.getStyler();
    Style.apply(styler);
    styler.setXAxisLogarithmic(xScale == Scale.LOG);
    styler.setYAxisLogarithmic(yScale == Scale.LOG);
    styler.setLegendVisible(
        legendVisible != null ? legendVisible : data.size() + references.size() > 1);
    styler.setLegendPosition(legendPosition != null ? legendPosition : freeCorner(data.get(0)));
    styler.setErrorBarsColorSeriesColor(true);

    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Curve c : data) {
      XYSeries s =
          c.errors() == null
              ? chart.addSeries(c.name(), c.x().clone(), c.y().clone())
              : chart.addSeries(c.name(), c.x().clone(), c.y().clone(), c.errors().clone());
      s.setMarker(markers || !lines ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
      if (!lines) {
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      }
      for (double v : c.x()) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    double[] grid = referenceGrid(lo, hi);
    for (int k = 0; k < references.size(); k++) {
      Reference r = references.get(k);
      double[][] points = evaluate(where, r, grid);
      XYSeries s = chart.addSeries(r.name(), points[0], points[1]);
      s.setMarker(SeriesMarkers.NONE);
      s.setLineColor(REFERENCE_COLORS[k % REFERENCE_COLORS.length]);
      s.setLineStyle(REFERENCE_STROKES[k % REFERENCE_STROKES.length]);
    }
    // Only linear axes: XChart picks this formatter before its logarithmic tick logic, and its
    // own decade labels (0.1, 1, 1E4) already read well.
    if (xScale == Scale.LINEAR) {
      styler.setxAxisTickLabelsFormattingFunction(tickLabels(span(chart, true)));
    }
    if (yScale == Scale.LINEAR) {
      styler.setyAxisTickLabelsFormattingFunction(tickLabels(span(chart, false)));
    }
    return chart;
  }

  /** The range max - min of all x (or y) values on the chart. */
  private static double span(XYChart chart, boolean xAxis) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (XYSeries s : chart.getSeriesMap().values()) {
      for (double v : xAxis ? s.getXData() : s.getYData()) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    return hi - lo;
  }

  /**
   * Tick labels for a linear axis: the shortest decimal of the tick value ("0.18", "20", "1E-7")
   * instead of XChart's default pattern, which drops the leading zero (".18"). Values within 1e-9
   * of the axis span of zero print as "0", so that a tick at 0.1 * 10 - 1 does not read "1.1E-16".
   */
  static java.util.function.Function<Double, String> tickLabels(double span) {
    double zero = span * 1e-9;
    return v -> {
      if (Math.abs(v) <= zero) {
        return "0";
      }
      // Ten digits remove binary noise (0.30000000000000004) but keep any real tick value.
      BigDecimal b = new BigDecimal(v).round(new MathContext(10)).stripTrailingZeros();
      double a = Math.abs(v);
      return a >= 1e-4 && a < 1e7 ? b.toPlainString() : b.toString().replace("E+", "E");
    };
  }

  /**
   * The upper corner a curve leaves free: top left for a rising curve (spreading, the mean squared
   * displacement), top right for a falling one (decay of the return probability). Profiles, which
   * end where they start, get the top right.
   */
  private static LegendPosition freeCorner(Curve c) {
    return c.y()[c.y().length - 1] > c.y()[0] ? LegendPosition.InsideNW : LegendPosition.InsideNE;
  }

  /** The x values of reference curves: spanning [lo, hi], log-spaced on a log x axis. */
  private double[] referenceGrid(double lo, double hi) {
    if (lo == hi) {
      return new double[] {lo};
    }
    double[] grid = new double[REFERENCE_POINTS];
    int last = REFERENCE_POINTS - 1;
    for (int i = 0; i <= last; i++) {
      double u = (double) i / last;
      grid[i] =
          xScale == Scale.LOG
              ? Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo)))
              : lo + u * (hi - lo);
    }
    // Pin the ends exactly, so the curve spans the data even after rounding in exp/log.
    grid[0] = lo;
    grid[last] = hi;
    return grid;
  }

  private double[][] evaluate(String where, Reference r, double[] grid) {
    double[] xs = new double[grid.length];
    double[] ys = new double[grid.length];
    int n = 0;
    for (double gx : grid) {
      double gy;
      try {
        gy = r.f().applyAsDouble(gx);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            where + ": reference '" + r.name() + "' threw at x = " + gx + ": " + e, e);
      }
      // Skipped, not plotted: a pole or a log of a negative number should not sink the chart.
      if (Double.isFinite(gy) && (yScale == Scale.LINEAR || gy > 0)) {
        xs[n] = gx;
        ys[n] = gy;
        n++;
      }
    }
    if (n == 0) {
      throw new IllegalArgumentException(
          where
              + ": reference '"
              + r.name()
              + "' has no finite"
              + (yScale == Scale.LOG ? ", positive" : "")
              + " value for x in ["
              + grid[0]
              + ", "
              + grid[grid.length - 1]
              + "]");
    }
    return new double[][] {Arrays.copyOf(xs, n), Arrays.copyOf(ys, n)};
  }

  /** The series of the factory's table: one per y column, or per group and y column. */
  private List<Curve> primaryCurves() {
    List<Curve> curves = new ArrayList<>();
    if (groupColumn == null) {
      for (int k = 0; k < y.length; k++) {
        curves.add(new Curve(names[k], x, y[k], errors == null ? null : errors[k]));
      }
      return curves;
    }
    Map<String, int[]> groups = groups();
    // "t = 0.5" alone reads best; the y name is needed to tell several y columns apart.
    boolean prefix = y.length > 1 || !names[0].equals(yColumns[0]);
    for (int k = 0; k < y.length; k++) {
      for (Map.Entry<String, int[]> g : groups.entrySet()) {
        int[] rows = g.getValue();
        double[] gx = new double[rows.length];
        double[] gy = new double[rows.length];
        double[] ge = errors == null ? null : new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
          gx[i] = x[rows[i]];
          gy[i] = y[k][rows[i]];
          if (ge != null) {
            ge[i] = errors[k][rows[i]];
          }
        }
        curves.add(new Curve(prefix ? names[k] + ", " + g.getKey() : g.getKey(), gx, gy, ge));
      }
    }
    return curves;
  }

  /** Group label ("t = 0.5") to the rows of the group, in table order. */
  private Map<String, int[]> groups() {
    Column<?> c = table.column(groupColumn);
    String label = c.name();
    Map<String, List<Integer>> rows = new LinkedHashMap<>();
    if (c instanceof NumericColumn) {
      double[] v = ((NumericColumn<?>) c).asDoubleArray();
      TreeMap<Double, List<Integer>> byValue = new TreeMap<>();
      for (int row = 0; row < v.length; row++) {
        byValue.computeIfAbsent(v[row], key -> new ArrayList<>()).add(row);
      }
      // Short labels, unless two values would print alike (then full precision keeps them apart).
      Set<String> shortLabels = new HashSet<>();
      boolean distinct = true;
      for (double value : byValue.keySet()) {
        distinct &= shortLabels.add(PlotData.format(value));
      }
      for (Map.Entry<Double, List<Integer>> e : byValue.entrySet()) {
        double value = e.getKey();
        String text = distinct ? PlotData.format(value) : Double.toString(value);
        rows.put(label + " = " + text, e.getValue());
      }
    } else {
      for (int row = 0; row < c.size(); row++) {
        rows.computeIfAbsent(label + " = " + c.getString(row), key -> new ArrayList<>()).add(row);
      }
    }
    Map<String, int[]> result = new LinkedHashMap<>();
    rows.forEach((k, v) -> result.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    return result;
  }

  private void checkNewName(String where, String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(
          where + ": a series name must not be blank, got " + q(name));
    }
    boolean primary = groupColumn == null && Arrays.asList(names).contains(name);
    if (primary || addedOrReferenceName(name)) {
      throw new IllegalArgumentException(
          where + ": series name '" + name + "' is already used; give each series its own name");
    }
  }

  private boolean addedOrReferenceName(String name) {
    return added.stream().anyMatch(c -> c.name().equals(name))
        || references.stream().anyMatch(r -> r.name().equals(name));
  }

  @Override
  String contents() {
    StringBuilder s = new StringBuilder();
    s.append(String.join(", ", yColumns)).append(" vs ").append(xColumn);
    s.append(" from table '").append(table.name()).append('\'');
    s.append(" (").append(x.length).append(" rows");
    if (groupColumn != null) {
      s.append(", one series per ").append(groupColumn);
    }
    s.append(')');
    if (errorColumns != null) {
      s.append(", error bars ").append(String.join(", ", errorColumns));
    }
    s.append(", axes ").append(scaleName(xScale)).append('-').append(scaleName(yScale));
    for (Curve c : added) {
      s.append(", series '").append(c.name()).append('\'');
      if (c.errors() != null) {
        s.append(" with error bars");
      }
    }
    for (Reference r : references) {
      s.append(", reference '").append(r.name()).append('\'');
    }
    return s.toString();
  }

  @Override
  String chartType() {
    return "XYChart";
  }

  private static String scaleName(Scale s) {
    return s == Scale.LOG ? "log" : "linear";
  }

  private static String q(String s) {
    return s == null ? "null" : "'" + s + "'";
  }

  private static BasicStroke dashed(float[] pattern) {
    return new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, pattern, 0f);
  }

  /** A data series: its legend name, points and error bars (null: none). */
  private record Curve(String name, double[] x, double[] y, double[] errors) {}

  /** A reference curve: its legend name and function. */
  private record Reference(String name, DoubleUnaryOperator f) {}
}
