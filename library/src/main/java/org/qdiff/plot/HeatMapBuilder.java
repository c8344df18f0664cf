package org.qdiff.plot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapSeries;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler.ChartTheme;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.qdiff.lattice.Lattice;

/**
 * Builds a {@link HeatMapChart} of one value per site of a two-dimensional box: the probability
 * p(x) = |psi(x)|^2 of a wave function (Figure 1), or a potential v(x) (Figure 4). Obtain one from
 * {@link Plot#density} or {@link Plot#heatMap}.
 *
 * <p>Cell (i, j) of the chart is the site with centred coordinates (x1, x2) = (min1 + i, min2 + j),
 * where min_a = -floor(L_a / 2): x1 grows to the right and x2 upwards. The axes are labelled with
 * those coordinates at a round step (every 1, 2, 5, 10, 20, ... sites, at most about ten labels). A
 * colour bar on the right gives the value range.
 *
 * <p>Boxes with more than {@value #DEFAULT_MAX_CELLS} sites along a side are shown downsampled:
 * each cell is the mean over a block of b x b' sites, with b = ceil(L / 160), so that painting
 * stays fast (one rectangle per cell) and cells stay at least a few pixels wide. A cell then covers
 * coordinates min + i b to min + (i + 1) b - 1, and an axis label marks the cell that contains that
 * coordinate.
 */
public final class HeatMapBuilder extends PlotBuilder<HeatMapBuilder, HeatMapChart> {

  /**
   * Cells per side above which blocks are averaged: at the default size a side of the plot is about
   * 400 pixels, so 160 cells are 2-3 pixels each, and 160^2 rectangles paint in well under a
   * second.
   */
  static final int DEFAULT_MAX_CELLS = 160;

  /** Default size: wider than high to leave room for the colour bar beside a square plot. */
  static final int DEFAULT_WIDTH = 560;

  static final int DEFAULT_HEIGHT = 480;

  // At most about this many labels per axis, so that numbers like "-120" do not overlap.
  private static final int MAX_LABELS = 10;

  /**
   * The label of an unlabelled cell: a space, because XChart measures every category label with a
   * {@code TextLayout}, which rejects the empty string.
   */
  static final String BLANK = " ";

  private final Lattice lattice;
  private final double[] values;
  private final String seriesName;
  private ColorScale colorScale = ColorScale.VIRIDIS;
  private double rangeMin = Double.NaN;
  private double rangeMax = Double.NaN;
  private int maxCells = DEFAULT_MAX_CELLS;

  HeatMapBuilder(String method, Lattice lattice, double[] values, String seriesName) {
    super(method, DEFAULT_WIDTH, DEFAULT_HEIGHT, "x", "y");
    if (lattice == null) {
      throw new IllegalArgumentException(method + ": lattice must not be null");
    }
    if (!lattice.isBox()) {
      throw new IllegalArgumentException(
          method
              + ": needs a 2D box (e.g. Lattice.square(L)), got a graph, which has no dimension: "
              + lattice);
    }
    if (lattice.dimension() != 2) {
      throw new IllegalArgumentException(
          method
              + ": needs a 2D box (e.g. Lattice.square(L)), got dimension "
              + lattice.dimension()
              + ": "
              + lattice
              + (lattice.dimension() == 3 ? "; plot a slice or a marginal instead" : ""));
    }
    if (values == null) {
      throw new IllegalArgumentException(method + ": values must not be null");
    }
    if (values.length != lattice.size()) {
      throw new IllegalArgumentException(
          method
              + ": values must have one entry per site, N = "
              + lattice.size()
              + ", got "
              + values.length);
    }
    for (int site = 0; site < values.length; site++) {
      if (!Double.isFinite(values[site])) {
        throw new IllegalArgumentException(
            method
                + ": values["
                + site
                + "] (the site at "
                + Arrays.toString(lattice.coordinates(site))
                + ") is "
                + values[site]
                + "; a heat map needs finite values");
      }
    }
    this.lattice = lattice;
    this.values = values.clone();
    this.seriesName = seriesName;
  }

  /**
   * Sets the colour scale (by default {@link ColorScale#VIRIDIS}).
   *
   * @param scale the colour scale
   * @return this builder
   * @throws IllegalArgumentException if scale is null
   */
  public HeatMapBuilder colorScale(ColorScale scale) {
    if (scale == null) {
      throw new IllegalArgumentException(where("colorScale") + ": scale must not be null");
    }
    this.colorScale = scale;
    return this;
  }

  /**
   * Fixes the values at the two ends of the colour scale (by default the smallest and largest cell,
   * rounded outwards to three significant digits). Values outside take the end colours. Use the
   * same range for several frames of a movie so that colours compare.
   *
   * @param min the value shown in the lowest colour
   * @param max the value shown in the highest colour, {@code > min}
   * @return this builder
   * @throws IllegalArgumentException if a bound is not finite or {@code min >= max}
   */
  public HeatMapBuilder range(double min, double max) {
    String where = where("range");
    if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max)) {
      throw new IllegalArgumentException(
          where + ": min and max must be finite with min < max, got " + min + " and " + max);
    }
    this.rangeMin = min;
    this.rangeMax = max;
    return this;
  }

  /**
   * Sets the number of cells per side above which blocks of sites are averaged (default {@value
   * #DEFAULT_MAX_CELLS}).
   *
   * @param cells the largest number of cells along a side, in [2, 2000]
   * @return this builder
   * @throws IllegalArgumentException if cells is outside [2, 2000]
   */
  public HeatMapBuilder maxCellsPerSide(int cells) {
    if (cells < 2 || cells > 2000) {
      throw new IllegalArgumentException(
          where("maxCellsPerSide") + ": cells must be in [2, 2000], got " + cells);
    }
    this.maxCells = cells;
    return this;
  }

  /**
   * Makes the heat map: cells (block means on large boxes), coordinate labels and a colour bar.
   *
   * @return a new {@link HeatMapChart}
   */
  @Override
  public HeatMapChart build() {
    int side0 = lattice.side(0);
    int side1 = lattice.side(1);
    int block0 = ceilDiv(side0, maxCells);
    int block1 = ceilDiv(side1, maxCells);
    int cells0 = ceilDiv(side0, block0);
    int cells1 = ceilDiv(side1, block1);
    double[][] mean = blockMeans(side0, side1, block0, block1, cells0, cells1);

    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    List<Number[]> heat = new ArrayList<>(cells0 * cells1);
    for (int i = 0; i < cells0; i++) {
      for (int j = 0; j < cells1; j++) {
        heat.add(new Number[] {i, j, mean[i][j]});
        lo = Math.min(lo, mean[i][j]);
        hi = Math.max(hi, mean[i][j]);
      }
    }
    double[] range =
        Double.isNaN(rangeMin) ? roundedRange(lo, hi) : new double[] {rangeMin, rangeMax};

    // The theme argument matters: unlike XYChart's, HeatMapChart's (width, height) constructor
    // leaves its styler uninitialized (no fonts, no plot size) and paints a blank image.
    HeatMapChart chart = new HeatMapChart(width, height, ChartTheme.XChart);
    chart.setTitle(title);
    chart.setXAxisTitle(xLabel);
    chart.setYAxisTitle(yLabel);
    HeatMapStyler styler = chart.getStyler();
    Style.apply(styler);
    styler.setRangeColors(colorScale.colors());
    styler.setMin(range[0]);
    styler.setMax(range[1]);
    styler.setLegendPosition(LegendPosition.OutsideE);
    // One tick mark per cell would draw a comb; the coordinate labels alone are clearer.
    styler.setAxisTicksMarksVisible(false);
    styler.setPlotGridLinesVisible(false);
    // Cells start at fractional pixel positions: antialiased edges leave light seams and plain
    // fills can leave a one-pixel gap; crisp fills plus a border in the cell's colour leave none.
    styler.setAntiAlias(false);
    styler.setDrawBorder(true);
    styler.setGradientColorColumnHeight(Math.max(60, height - 200));
    HeatMapSeries series =
        chart.addSeries(
            seriesName,
            labels(lattice.minCoordinate(0), side0, block0, cells0),
            labels(lattice.minCoordinate(1), side1, block1, cells1),
            heat);
    // XChart computes the series' own min/max only at paint time (and gets max wrong for
    // all-negative data); set them now so the colour range is right and visible to callers.
    series.setMin(range[0]);
    series.setMax(range[1]);
    return chart;
  }

  /** Mean of the values over each block of block0 x block1 sites (edge blocks may be smaller). */
  private double[][] blockMeans(
      int side0, int side1, int block0, int block1, int cells0, int cells1) {
    double[][] sum = new double[cells0][cells1];
    int[][] count = new int[cells0][cells1];
    int stride0 = lattice.stride(0);
    int stride1 = lattice.stride(1);
    for (int u = 0; u < side0; u++) {
      for (int v = 0; v < side1; v++) {
        sum[u / block0][v / block1] += values[u * stride0 + v * stride1];
        count[u / block0][v / block1]++;
      }
    }
    for (int i = 0; i < cells0; i++) {
      for (int j = 0; j < cells1; j++) {
        sum[i][j] /= count[i][j];
      }
    }
    return sum;
  }

  /**
   * Axis labels, one per cell: the round coordinate the cell contains, or {@link #BLANK}. XChart's
   * heat map puts one category label under each cell, so labelling every cell of a 40 site side
   * would overprint; blank labels keep the label under its own cell.
   */
  static List<String> labels(int min, int side, int block, int cells) {
    int step = labelStep(side);
    List<String> labels = new ArrayList<>(cells);
    for (int i = 0; i < cells; i++) {
      int first = min + i * block;
      int last = Math.min(first + block - 1, min + side - 1);
      int multiple = Math.floorDiv(last, step) * step;
      labels.add(multiple >= first ? Integer.toString(multiple) : BLANK);
    }
    return labels;
  }

  /** The smallest of 1, 2, 5, 10, 20, 50, ... that gives at most about ten labels on a side. */
  static int labelStep(int side) {
    for (int decade = 1; ; decade *= 10) {
      for (int mantissa : new int[] {1, 2, 5}) {
        int step = mantissa * decade;
        if (side / step <= MAX_LABELS) {
          return step;
        }
      }
    }
  }

  /**
   * The colour range: the data range rounded outwards to three significant digits, so that the
   * colour bar's end labels (printed by XChart in full double precision) read as short numbers.
   */
  static double[] roundedRange(double lo, double hi) {
    if (lo == hi) {
      // A constant field: centre it in the scale rather than paint it all in the lowest colour.
      double half = lo == 0 ? 1 : Math.abs(lo) / 2;
      return new double[] {lo - half, hi + half};
    }
    double magnitude = Math.max(Math.abs(lo), Math.abs(hi));
    int digits = 2 - (int) Math.floor(Math.log10(magnitude));
    double a = new BigDecimal(lo).setScale(digits, RoundingMode.FLOOR).doubleValue();
    double b = new BigDecimal(hi).setScale(digits, RoundingMode.CEILING).doubleValue();
    return new double[] {a, b};
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  @Override
  String contents() {
    int[] sides = lattice.sides();
    return seriesName + " on a " + sides[0] + "x" + sides[1] + " box, colour scale " + colorScale;
  }

  @Override
  String chartType() {
    return "HeatMapChart";
  }
}
