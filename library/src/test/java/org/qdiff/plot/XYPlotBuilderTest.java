package org.qdiff.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.qdiff.frame.Frames;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class XYPlotBuilderTest {

  /** A free-lattice-like run on a log time grid: msd = 2 t^2, return probability decaying. */
  private static Table run(double... t) {
    double[] msd = new double[t.length];
    double[] ret = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      msd[i] = 2 * t[i] * t[i];
      ret[i] = Math.exp(-t[i]);
    }
    return Frames.table(
        "run", new String[] {"t", "msd", "return_probability"}, new double[][] {t, msd, ret});
  }

  private static final Table RUN = run(0.1, 0.2, 0.5, 1, 2, 5, 10);

  private static IllegalArgumentException rejects(Executable call) {
    return assertThrows(IllegalArgumentException.class, call);
  }

  private static void assertMentions(Throwable e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "expected '" + part + "' in: " + e.getMessage());
    }
  }

  // ---------------------------------------------------------------- axes and data

  @Test
  void logLogMakesBothAxesLogarithmic() {
    XYChart chart = Plot.logLog(RUN, "t", "msd").build();
    assertTrue(chart.getStyler().isXAxisLogarithmic());
    assertTrue(chart.getStyler().isYAxisLogarithmic());
  }

  @Test
  void semiLogYMakesOnlyTheYAxisLogarithmic() {
    XYChart chart = Plot.semiLogY(RUN, "t", "return_probability").build();
    assertFalse(chart.getStyler().isXAxisLogarithmic());
    assertTrue(chart.getStyler().isYAxisLogarithmic());
  }

  @Test
  void semiLogXMakesOnlyTheXAxisLogarithmic() {
    XYChart chart = Plot.semiLogX(RUN, "t", "return_probability").build();
    assertTrue(chart.getStyler().isXAxisLogarithmic());
    assertFalse(chart.getStyler().isYAxisLogarithmic());
  }

  @Test
  void linearHasNoLogarithmicAxis() {
    XYChart chart = Plot.linear(RUN, "t", "msd").build();
    assertFalse(chart.getStyler().isXAxisLogarithmic());
    assertFalse(chart.getStyler().isYAxisLogarithmic());
  }

  @Test
  void eachYColumnBecomesASeriesWithTheTablesValues() {
    XYChart chart = Plot.linear(RUN, "t", "msd", "return_probability").build();
    assertEquals(List.of("msd", "return_probability"), List.copyOf(chart.getSeriesMap().keySet()));
    XYSeries msd = chart.getSeriesMap().get("msd");
    assertArrayEquals(Frames.column(RUN, "t"), msd.getXData());
    assertArrayEquals(Frames.column(RUN, "msd"), msd.getYData());
    assertArrayEquals(
        Frames.column(RUN, "return_probability"),
        chart.getSeriesMap().get("return_probability").getYData());
  }

  @Test
  void axisLabelsDefaultToColumnNamesAndTitleIsSet() {
    XYChart chart = Plot.logLog(RUN, "t", "msd").title("Anderson W = 16.5, L = 40").build();
    assertEquals("t", chart.getXAxisTitle());
    assertEquals("msd", chart.getYAxisTitle());
    assertEquals("Anderson W = 16.5, L = 40", chart.getTitle());
    XYChart relabelled = Plot.logLog(RUN, "t", "msd").xLabel("time t").yLabel("E|x|²").build();
    assertEquals("time t", relabelled.getXAxisTitle());
    assertEquals("E|x|²", relabelled.getYAxisTitle());
  }

  @Test
  void sizeSetsTheChartsPixels() {
    XYChart chart = Plot.linear(RUN, "t", "msd").build();
    assertEquals(640, chart.getWidth());
    assertEquals(420, chart.getHeight());
    XYChart resized = Plot.linear(RUN, "t", "msd").size(800, 300).build();
    assertEquals(800, resized.getWidth());
    assertEquals(300, resized.getHeight());
  }

  @Test
  void sizeRejectsTinyChartsNamingTheSide() {
    assertMentions(
        rejects(() -> Plot.linear(RUN, "t", "msd").size(50, 300)),
        "Plot.linear(...).size",
        "width",
        "[100, 8000]",
        "got 50");
  }

  @Test
  void buildAfterMoreSettersStillChains() {
    // Every setter returns XYPlotBuilder, so base-class setters and XY setters mix in any order.
    XYChart chart =
        Plot.logLog(RUN, "t", "msd")
            .title("a")
            .reference("ballistic", t -> 2 * t * t)
            .size(500, 400)
            .markers(true)
            .xLabel("t")
            .legend(LegendPosition.InsideSE)
            .build();
    assertEquals(2, chart.getSeriesMap().size());
    assertEquals(LegendPosition.InsideSE, chart.getStyler().getLegendPosition());
  }

  // ---------------------------------------------------------------- checks

  @Test
  void logLogRejectsZeroWithColumnAndRow() {
    Table withZero = run(0, 1, 2);
    IllegalArgumentException e = rejects(() -> Plot.logLog(withZero, "t", "msd"));
    assertMentions(e, "Plot.logLog", "'t'", "> 0", "x axis", "got 0.0", "row 0", "drop");
  }

  @Test
  void logLogRejectsNonPositiveYValuesNamingColumnRowAndValue() {
    Table t =
        Frames.table("fit", new String[] {"t", "msd"}, new double[][] {{1, 2, 3}, {1, -4, 9}});
    assertMentions(
        rejects(() -> Plot.logLog(t, "t", "msd")), "'msd'", "y axis", "got -4.0", "row 1");
  }

  @Test
  void semiLogYAcceptsTheTimeZeroRowOnItsLinearXAxis() {
    Table t = Frames.table("r", new String[] {"t", "p"}, new double[][] {{0, 1}, {1, 0.5}});
    assertArrayEquals(
        new double[] {0, 1}, Plot.semiLogY(t, "t", "p").build().getSeriesMap().get("p").getXData());
  }

  @Test
  void missingColumnIsNamedAndTheTablesColumnsListed() {
    assertMentions(
        rejects(() -> Plot.logLog(RUN, "t", "msdd")),
        "Plot.logLog",
        "'msdd'",
        "[t, msd, return_probability]");
  }

  @Test
  void nonNumericColumnIsRejected() {
    Table t =
        Table.create("labels")
            .addColumns(DoubleColumn.create("t", 1, 2), StringColumn.create("model", "a", "b"));
    assertMentions(rejects(() -> Plot.linear(t, "t", "model")), "'model'", "STRING", "numbers");
  }

  @Test
  void missingValueIsRejectedWithColumnAndRow() {
    Table t =
        Table.create("gap")
            .addColumns(
                DoubleColumn.create("t", 1, 2, 3), DoubleColumn.create("msd", 1, Double.NaN, 3));
    assertMentions(rejects(() -> Plot.linear(t, "t", "msd")), "'msd'", "NaN", "row 1");
  }

  @Test
  void infiniteValueIsRejectedWithColumnAndRow() {
    Table t =
        Frames.table(
            "inf",
            new String[] {"t", "msd"},
            new double[][] {{1, 2, 3}, {1, 2, Double.POSITIVE_INFINITY}});
    assertMentions(rejects(() -> Plot.linear(t, "t", "msd")), "'msd'", "Infinity", "row 2");
  }

  @Test
  void emptyTableIsRejected() {
    Table empty = Frames.table("empty", new String[] {"t", "msd"}, new double[][] {{}, {}});
    assertMentions(rejects(() -> Plot.linear(empty, "t", "msd")), "'empty'", "no rows");
  }

  @Test
  void missingYColumnsAreRejected() {
    assertMentions(rejects(() -> Plot.linear(RUN, "t")), "at least one y column");
  }

  // ---------------------------------------------------------------- reference curves

  @Test
  void referencePointsEqualTheFunctionExactlyOnALogGridSpanningTheData() {
    DoubleUnaryOperator ballistic = t -> 2 * t * t;
    XYChart chart = Plot.logLog(RUN, "t", "msd").reference("ballistic 2t²", ballistic).build();
    XYSeries ref = chart.getSeriesMap().get("ballistic 2t²");
    double[] x = ref.getXData();
    double[] y = ref.getYData();
    assertEquals(XYPlotBuilder.REFERENCE_POINTS, x.length);
    assertEquals(0.1, x[0]);
    assertEquals(10.0, x[x.length - 1]);
    for (int i = 0; i < x.length; i++) {
      assertEquals(ballistic.applyAsDouble(x[i]), y[i], "exactly f(x) at point " + i);
    }
    // Log-spaced: a constant ratio between neighbours.
    double ratio = Math.pow(100, 1.0 / (x.length - 1));
    for (int i = 1; i < x.length; i++) {
      assertEquals(ratio, x[i] / x[i - 1], 1e-12);
    }
    assertEquals(SeriesMarkers.NONE, ref.getMarker());
  }

  @Test
  void referenceOnALinearAxisIsEvenlySpaced() {
    XYChart chart = Plot.linear(RUN, "t", "msd").reference("line", t -> 3 * t + 1).build();
    double[] x = chart.getSeriesMap().get("line").getXData();
    double step = (10 - 0.1) / (x.length - 1);
    for (int i = 1; i < x.length; i++) {
      assertEquals(step, x[i] - x[i - 1], 1e-12);
    }
    assertEquals(3 * x[7] + 1, chart.getSeriesMap().get("line").getYData()[7]);
  }

  @Test
  void referenceSkipsNonFiniteAndNonPositiveOutputs() {
    // log(t) is negative below t = 1 and cannot be drawn on a log y axis; 1/(t-1) has a pole.
    XYChart chart =
        Plot.logLog(RUN, "t", "msd")
            .reference("log", Math::log)
            .reference("pole", t -> t == 1 ? Double.POSITIVE_INFINITY : Math.abs(1 / (t - 1)))
            .build();
    XYSeries log = chart.getSeriesMap().get("log");
    for (int i = 0; i < log.getXData().length; i++) {
      assertTrue(log.getXData()[i] > 1, "only x > 1 has log(x) > 0");
      assertEquals(Math.log(log.getXData()[i]), log.getYData()[i]);
    }
    assertEquals(50, log.getXData().length, "points 50..99 of the grid 0.1 * 100^(i/99) exceed 1");
    for (double y : chart.getSeriesMap().get("pole").getYData()) {
      assertTrue(Double.isFinite(y));
    }
  }

  @Test
  void referenceSpansTheXRangeOfAddedSeriesToo() {
    Table longer = run(0.01, 100);
    XYChart chart =
        Plot.logLog(RUN, "t", "msd")
            .series(longer, "t", "msd", "longer run")
            .reference("ballistic", t -> 2 * t * t)
            .build();
    double[] x = chart.getSeriesMap().get("ballistic").getXData();
    assertEquals(0.01, x[0]);
    assertEquals(100.0, x[x.length - 1]);
  }

  @Test
  void referenceWithoutAnyDrawablePointIsRejectedAtBuild() {
    XYPlotBuilder builder = Plot.logLog(RUN, "t", "msd").reference("negative", t -> -t);
    assertMentions(rejects(builder::build), "'negative'", "no finite, positive value");
  }

  @Test
  void referenceThatThrowsIsReportedWithItsNameAndX() {
    XYPlotBuilder builder =
        Plot.linear(RUN, "t", "msd")
            .reference(
                "broken",
                t -> {
                  throw new ArithmeticException("boom");
                });
    assertMentions(rejects(builder::build), "'broken'", "x = 0.1", "boom");
  }

  // ---------------------------------------------------------------- error bars

  /** An ensemble mean as Ensemble writes it: t, msd, msd_sem, and a group column. */
  private static Table mean() {
    return Frames.table(
        "mean",
        new String[] {"W", "t", "msd", "msd_sem"},
        new double[][] {{1, 1, 2, 2}, {1, 2, 1, 2}, {2, 8, 3, 9}, {0.5, 1, 0.25, 3}});
  }

  @Test
  void errorBarsWithoutArgumentsTakeTheSemColumnOfEachYColumn() {
    XYChart chart = Plot.linear(mean(), "t", "msd").errorBars().build();
    XYSeries s = chart.getSeriesMap().get("msd");
    assertArrayEquals(new double[] {0.5, 1, 0.25, 3}, s.getExtraValues());
    assertTrue(chart.getStyler().isErrorBarsColorSeriesColor());
  }

  @Test
  void linesFalseDrawsDataAsPointsAndKeepsReferencesAsLines() {
    XYChart chart =
        Plot.linear(mean(), "t", "msd").lines(false).reference("flat", t -> 1.0).build();
    XYSeries data = chart.getSeriesMap().get("msd");
    assertEquals(XYSeries.XYSeriesRenderStyle.Scatter, data.getXYSeriesRenderStyle());
    assertEquals(SeriesMarkers.CIRCLE, data.getMarker());
    assertTrue(
        chart.getSeriesMap().get("flat").getXYSeriesRenderStyle()
            != XYSeries.XYSeriesRenderStyle.Scatter);
  }

  @Test
  void errorBarsFollowTheirRowsIntoGroups() {
    XYChart chart = Plot.linear(mean(), "t", "msd").groupBy("W").errorBars("msd_sem").build();
    assertArrayEquals(new double[] {0.5, 1}, chart.getSeriesMap().get("W = 1").getExtraValues());
    assertArrayEquals(new double[] {0.25, 3}, chart.getSeriesMap().get("W = 2").getExtraValues());
  }

  @Test
  void seriesWithErrorsFromATableOrArrays() {
    XYChart chart =
        Plot.linear(RUN, "t", "msd")
            .series(mean(), "t", "msd", "msd_sem", "ensemble")
            .series("fit", new double[] {1, 2}, new double[] {2, 8}, new double[] {0.1, 0.2})
            .build();
    assertArrayEquals(
        new double[] {0.5, 1, 0.25, 3}, chart.getSeriesMap().get("ensemble").getExtraValues());
    assertArrayEquals(new double[] {0.1, 0.2}, chart.getSeriesMap().get("fit").getExtraValues());
    assertEquals(null, chart.getSeriesMap().get("msd").getExtraValues(), "no bars unless asked");
  }

  @Test
  void errorBarsAreCheckedNamingColumnRowAndValue() {
    Table table = mean();
    assertMentions(
        rejects(() -> Plot.linear(RUN, "t", "msd").errorBars()),
        "'msd_sem'",
        "lacks",
        "errorBars(\"");
    assertMentions(
        rejects(() -> Plot.linear(table, "t", "msd").errorBars("msd_sem", "msd")),
        "one error column per y column");
    table.doubleColumn("msd_sem").set(2, -0.1);
    assertMentions(
        rejects(() -> Plot.linear(table, "t", "msd").errorBars()),
        "column 'msd_sem'",
        ">= 0",
        "-0.1",
        "row 2");
    table.doubleColumn("msd_sem").set(2, Double.POSITIVE_INFINITY);
    assertMentions(rejects(() -> Plot.linear(table, "t", "msd").errorBars()), "msd_sem", "row 2");
    Table reachesZero = mean();
    reachesZero.doubleColumn("msd_sem").set(1, 8.0); // msd = 8 there
    assertMentions(
        rejects(() -> Plot.semiLogY(reachesZero, "t", "msd").errorBars()),
        "y - error = 0.0",
        "row 1",
        "logarithmic y axis");
    XYPlotBuilder builder = Plot.linear(RUN, "t", "msd");
    assertMentions(
        rejects(
            () ->
                builder.series(
                    "fit", new double[] {1, 2}, new double[] {2, 8}, new double[] {0.1})),
        "one error per y value",
        "1 errors for 2 values");
    assertMentions(
        rejects(
            () ->
                builder.series(
                    "fit",
                    new double[] {1, 2},
                    new double[] {2, 8},
                    new double[] {0.1, Double.NaN})),
        "errors of series 'fit'",
        "index 1");
    // A rejected call adds nothing: the name stays free.
    builder.series("fit", new double[] {1, 2}, new double[] {2, 8});
  }

  // ---------------------------------------------------------------- more series

  @Test
  void seriesFromAnotherTableIsAddedUnderItsName() {
    Table classical =
        Frames.table("walk", new String[] {"t", "msd"}, new double[][] {{1, 2, 4}, {1, 2, 4}});
    XYChart chart =
        Plot.logLog(RUN, "t", "msd").series(classical, "t", "msd", "classical walk").build();
    assertEquals(List.of("msd", "classical walk"), List.copyOf(chart.getSeriesMap().keySet()));
    assertArrayEquals(
        new double[] {1, 2, 4}, chart.getSeriesMap().get("classical walk").getYData());
    assertTrue(chart.getStyler().isLegendVisible(), "two series get a legend");
  }

  @Test
  void seriesIsCheckedWhenAddedNotAtPaintTime() {
    Table withZero =
        Frames.table("walk", new String[] {"t", "msd"}, new double[][] {{0, 1}, {0, 1}});
    XYPlotBuilder builder = Plot.logLog(RUN, "t", "msd");
    assertMentions(
        rejects(() -> builder.series(withZero, "t", "msd", "walk")),
        "Plot.logLog(...).series",
        "'t'",
        "row 0");
  }

  @Test
  void seriesFromArraysIsCheckedNamingArrayAndIndex() {
    XYPlotBuilder builder = Plot.logLog(RUN, "t", "msd");
    assertMentions(
        rejects(() -> builder.series("fit", new double[] {1, 2}, new double[] {1, 0})),
        "y of series 'fit'",
        "index 1");
    assertMentions(
        rejects(() -> builder.series("fit", new double[] {1, 2}, new double[] {1})),
        "same, non-zero length");
    XYChart chart = builder.series("fit", new double[] {1, 2}, new double[] {2, 8}).build();
    assertArrayEquals(new double[] {2, 8}, chart.getSeriesMap().get("fit").getYData());
  }

  @Test
  void seriesNamesMustBeDistinct() {
    XYPlotBuilder builder = Plot.logLog(RUN, "t", "msd").reference("ballistic", t -> t * t);
    assertMentions(rejects(() -> builder.reference("ballistic", t -> t)), "'ballistic'", "used");
    assertMentions(rejects(() -> builder.series(RUN, "t", "msd", "msd")), "'msd'", "used");
  }

  @Test
  void namesRenamesTheTablesSeries() {
    XYChart chart = Plot.logLog(RUN, "t", "msd").names("quantum").build();
    assertEquals(List.of("quantum"), List.copyOf(chart.getSeriesMap().keySet()));
    assertMentions(
        rejects(() -> Plot.logLog(RUN, "t", "msd").names("a", "b")), "one name per y column");
  }

  // ---------------------------------------------------------------- groupBy

  /** Profiles p_t(x) at t = 1, 2, 0.5 (in that row order), x = -1, 0, 1. */
  private static Table profiles() {
    double[] t = {1, 1, 1, 2, 2, 2, 0.5, 0.5, 0.5};
    double[] x = {-1, 0, 1, -1, 0, 1, -1, 0, 1};
    double[] p = {0.2, 0.6, 0.2, 0.3, 0.4, 0.3, 0.1, 0.8, 0.1};
    return Frames.table("profiles", new String[] {"t", "x", "p"}, new double[][] {t, x, p});
  }

  @Test
  void groupByGivesOneSeriesPerDistinctValueInIncreasingOrder() {
    XYChart chart = Plot.linear(profiles(), "x", "p").groupBy("t").build();
    assertEquals(List.of("t = 0.5", "t = 1", "t = 2"), List.copyOf(chart.getSeriesMap().keySet()));
    XYSeries two = chart.getSeriesMap().get("t = 2");
    assertArrayEquals(new double[] {-1, 0, 1}, two.getXData());
    assertArrayEquals(new double[] {0.3, 0.4, 0.3}, two.getYData());
    assertArrayEquals(new double[] {0.1, 0.8, 0.1}, chart.getSeriesMap().get("t = 0.5").getYData());
  }

  @Test
  void groupByATextColumnKeepsFirstAppearanceOrder() {
    Table t =
        Table.create("models")
            .addColumns(
                StringColumn.create("model", "band", "anderson", "band"),
                DoubleColumn.create("t", 1, 1, 2),
                DoubleColumn.create("msd", 1, 2, 3));
    XYChart chart = Plot.linear(t, "t", "msd").groupBy("model").build();
    assertEquals(
        List.of("model = band", "model = anderson"), List.copyOf(chart.getSeriesMap().keySet()));
    assertArrayEquals(new double[] {1, 3}, chart.getSeriesMap().get("model = band").getYData());
  }

  @Test
  void groupByWithReferenceAddsTheReferenceOnce() {
    XYChart chart =
        Plot.linear(profiles(), "x", "p").groupBy("t").reference("flat", x -> 0.3).build();
    assertEquals(4, chart.getSeriesMap().size());
    assertArrayEquals(
        new double[] {-1, 1},
        new double[] {
          chart.getSeriesMap().get("flat").getXData()[0],
          chart.getSeriesMap().get("flat").getXData()[XYPlotBuilder.REFERENCE_POINTS - 1]
        });
  }

  @Test
  void groupByAMissingColumnIsRejectedListingColumns() {
    assertMentions(
        rejects(() -> Plot.linear(profiles(), "x", "p").groupBy("time")),
        "groupBy",
        "'time'",
        "[t, x, p]");
  }

  // ---------------------------------------------------------------- style and description

  @Test
  void legendIsShownOnlyForSeveralSeriesUnlessAsked() {
    assertFalse(Plot.logLog(RUN, "t", "msd").build().getStyler().isLegendVisible());
    assertTrue(Plot.logLog(RUN, "t", "msd").legend(true).build().getStyler().isLegendVisible());
    assertFalse(
        Plot.linear(RUN, "t", "msd", "return_probability")
            .legend(false)
            .build()
            .getStyler()
            .isLegendVisible());
  }

  @Test
  void legendGoesToTheUpperCornerTheFirstSeriesLeavesFree() {
    XYChart rising = Plot.logLog(RUN, "t", "msd").legend(true).build();
    assertEquals(LegendPosition.InsideNW, rising.getStyler().getLegendPosition());
    XYChart falling = Plot.semiLogY(RUN, "t", "return_probability").legend(true).build();
    assertEquals(LegendPosition.InsideNE, falling.getStyler().getLegendPosition());
  }

  @Test
  void markersAreOffByDefaultAndOnWhenAsked() {
    assertEquals(
        SeriesMarkers.NONE,
        Plot.linear(RUN, "t", "msd").build().getSeriesMap().get("msd").getMarker());
    assertEquals(
        SeriesMarkers.CIRCLE,
        Plot.linear(RUN, "t", "msd").markers(true).build().getSeriesMap().get("msd").getMarker());
  }

  @Test
  void linearTickLabelsAreShortDecimals() {
    var labels = XYPlotBuilder.tickLabels(1.0);
    assertEquals("0.18", labels.apply(0.18));
    assertEquals("0.3", labels.apply(0.1 + 0.2));
    assertEquals("0", labels.apply(1e-17));
    assertEquals("20", labels.apply(20.0));
    assertEquals("-1.5", labels.apply(-1.5));
    assertEquals("1E-7", XYPlotBuilder.tickLabels(1e-6).apply(1e-7));
  }

  @Test
  void toStringSaysWhatTheBuilderHasAndToCallBuild() {
    String s =
        Plot.logLog(RUN, "t", "msd")
            .reference("ballistic", t -> t * t)
            .title("Anderson")
            .toString();
    assertMentions(
        new IllegalArgumentException(s),
        "Plot.logLog",
        "msd vs t",
        "'run'",
        "reference 'ballistic'",
        "title 'Anderson'",
        "call build()");
  }

  @Test
  void buildMakesANewChartEachTime() {
    XYPlotBuilder builder = Plot.logLog(RUN, "t", "msd");
    XYChart first = builder.build();
    XYChart second = builder.title("again").build();
    assertEquals("", first.getTitle());
    assertEquals("again", second.getTitle());
  }
}
