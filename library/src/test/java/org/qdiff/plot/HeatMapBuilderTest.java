package org.qdiff.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapSeries;
import org.qdiff.lattice.Lattice;
import org.qdiff.state.WaveFunction;

class HeatMapBuilderTest {

  private static IllegalArgumentException rejects(Executable call) {
    return assertThrows(IllegalArgumentException.class, call);
  }

  private static void assertMentions(Throwable e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "expected '" + part + "' in: " + e.getMessage());
    }
  }

  /** The cell value at (i, j) of a built heat map. */
  private static double cell(HeatMapSeries series, int i, int j) {
    for (Number[] c : series.getHeatData()) {
      if (c[0].intValue() == i && c[1].intValue() == j) {
        return c[2].doubleValue();
      }
    }
    throw new AssertionError("no cell (" + i + ", " + j + ")");
  }

  /** Values that encode the site's coordinates: v = 1000 x1 + x2. */
  private static double[] coordinateCode(Lattice lattice) {
    double[] v = new double[lattice.size()];
    for (int site = 0; site < v.length; site++) {
      int[] c = lattice.coordinates(site);
      v[site] = 1000 * c[0] + c[1];
    }
    return v;
  }

  @Test
  void densityOfADeltaStateHasItsMaximumInTheOriginsCell() {
    for (int side : new int[] {7, 8}) {
      Lattice lattice = Lattice.square(side).build();
      HeatMapSeries series = Plot.density(WaveFunction.delta(lattice)).build().getHeatMapSeries();
      Number[] max = series.getHeatData().get(0);
      for (Number[] c : series.getHeatData()) {
        if (c[2].doubleValue() > max[2].doubleValue()) {
          max = c;
        }
      }
      assertEquals(1.0, max[2].doubleValue());
      // The origin's cell: index -minCoordinate along each axis, labelled "0".
      assertEquals(-lattice.minCoordinate(0), max[0].intValue());
      assertEquals(-lattice.minCoordinate(1), max[1].intValue());
      assertEquals("0", series.getXData().get(max[0].intValue()));
      assertEquals("0", series.getYData().get(max[1].intValue()));
    }
  }

  @Test
  void heatMapOfA2DBoxHasOneCellPerSite() {
    Lattice lattice = Lattice.square(6, 9).build();
    HeatMapSeries series =
        Plot.heatMap(lattice, new double[lattice.size()]).build().getHeatMapSeries();
    assertEquals(54, series.getHeatData().size());
    assertEquals(6, series.getXData().size());
    assertEquals(9, series.getYData().size());
  }

  @Test
  void cellIJIsTheSiteWithFirstCoordinateAlongXAndSecondAlongY() {
    Lattice lattice = Lattice.square(5, 4).build();
    HeatMapSeries series =
        Plot.heatMap(lattice, coordinateCode(lattice)).build().getHeatMapSeries();
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 4; j++) {
        int x1 = lattice.minCoordinate(0) + i;
        int x2 = lattice.minCoordinate(1) + j;
        assertEquals(1000 * x1 + x2, cell(series, i, j), "cell (" + i + ", " + j + ")");
      }
    }
    // Centred coordinates: -floor(L/2) .. ceil(L/2) - 1 along each axis.
    assertEquals(List.of("-2", "-1", "0", "1", "2"), series.getXData());
    assertEquals(List.of("-2", "-1", "0", "1"), series.getYData());
  }

  @Test
  void axisLabelsMarkRoundCoordinatesAndLeaveTheOtherCellsBlank() {
    Lattice lattice = Lattice.square(40).build();
    HeatMapSeries series =
        Plot.heatMap(lattice, new double[lattice.size()]).build().getHeatMapSeries();
    List<?> labels = series.getXData();
    for (int i = 0; i < 40; i++) {
      int x = i - 20;
      Object expected = x % 5 == 0 ? Integer.toString(x) : HeatMapBuilder.BLANK;
      assertEquals(expected, labels.get(i), "label of cell " + i);
    }
  }

  @Test
  void largeBoxesAreAveragedOverBlocks() {
    // 322 sites along x1 exceed 160: blocks of 3 (the last holds 1 site); 10 along x2 stay whole.
    Lattice lattice = Lattice.square(322, 10).build();
    HeatMapSeries series =
        Plot.heatMap(lattice, coordinateCode(lattice)).build().getHeatMapSeries();
    assertEquals(108, series.getXData().size());
    assertEquals(10, series.getYData().size());
    assertEquals(108 * 10, series.getHeatData().size());
    int lo = lattice.minCoordinate(0);
    int x2 = lattice.minCoordinate(1);
    // Block i covers x1 = lo + 3i .. lo + 3i + 2, so its mean x1 is lo + 3i + 1.
    assertEquals(1000 * (lo + 1) + x2, cell(series, 0, 0), 1e-9);
    assertEquals(1000 * (lo + 3 * 50 + 1) + x2 + 7, cell(series, 50, 7), 1e-9);
    assertEquals(1000 * (lo + 321) + x2, cell(series, 107, 0), 1e-9);
    // Labels land in the block that contains the round coordinate: 0 is in block (0 - lo) / 3.
    assertEquals("0", series.getXData().get((0 - lo) / 3));
  }

  @Test
  void maxCellsPerSideControlsDownsampling() {
    Lattice lattice = Lattice.square(20).build();
    HeatMapSeries series =
        Plot.heatMap(lattice, new double[lattice.size()])
            .maxCellsPerSide(5)
            .build()
            .getHeatMapSeries();
    assertEquals(5, series.getXData().size());
    assertMentions(
        rejects(() -> Plot.heatMap(lattice, new double[400]).maxCellsPerSide(1)),
        "maxCellsPerSide",
        "got 1");
  }

  @Test
  void colourRangeIsTheDataRangeRoundedOutwards() {
    Lattice lattice = Lattice.square(3).build();
    double[] v = {-0.12345, 0, 0, 0, 0, 0, 0, 0, 0.98765};
    HeatMapChart chart = Plot.heatMap(lattice, v).build();
    assertEquals(-0.124, chart.getHeatMapSeries().getMin());
    assertEquals(0.988, chart.getHeatMapSeries().getMax());
    assertArrayEquals(new double[] {0, 1}, HeatMapBuilder.roundedRange(0, 1));
    assertArrayEquals(new double[] {-8.25, 8.25}, HeatMapBuilder.roundedRange(-8.25, 8.25));
  }

  @Test
  void rangeFixesTheColourScaleAndRejectsAnEmptyInterval() {
    Lattice lattice = Lattice.square(3).build();
    HeatMapChart chart = Plot.heatMap(lattice, new double[9]).range(-8, 8).build();
    assertEquals(-8, chart.getHeatMapSeries().getMin());
    assertEquals(8, chart.getHeatMapSeries().getMax());
    assertEquals(-8, chart.getStyler().getMin());
    assertMentions(
        rejects(() -> Plot.heatMap(lattice, new double[9]).range(1, 1)), "range", "min < max");
  }

  @Test
  void colourScaleSetsTheRangeColours() {
    Lattice lattice = Lattice.square(3).build();
    HeatMapChart chart = Plot.heatMap(lattice, new double[9]).colorScale(ColorScale.GRAY).build();
    assertArrayEquals(ColorScale.GRAY.colors(), chart.getStyler().getRangeColors());
    assertArrayEquals(
        ColorScale.VIRIDIS.colors(),
        Plot.heatMap(lattice, new double[9]).build().getStyler().getRangeColors());
  }

  @Test
  void heatMapRejectsA3DBoxNamingTheDimension() {
    Lattice cube = Lattice.cubic(4).build();
    assertMentions(
        rejects(() -> Plot.heatMap(cube, new double[cube.size()])),
        "Plot.heatMap",
        "2D box",
        "dimension 3");
    assertMentions(
        rejects(() -> Plot.density(WaveFunction.delta(cube))), "Plot.density", "dimension 3");
  }

  @Test
  void heatMapRejectsAChainAndAGraph() {
    Lattice chain = Lattice.chain(10).build();
    assertMentions(rejects(() -> Plot.heatMap(chain, new double[10])), "dimension 1");
    Lattice graph = Lattice.complete(4);
    assertMentions(rejects(() -> Plot.heatMap(graph, new double[4])), "graph");
  }

  @Test
  void heatMapRejectsValuesOfTheWrongLength() {
    Lattice lattice = Lattice.square(4).build();
    assertMentions(
        rejects(() -> Plot.heatMap(lattice, new double[15])), "one entry per site", "16", "15");
  }

  @Test
  void heatMapRejectsNaNNamingTheSiteAndItsCoordinates() {
    Lattice lattice = Lattice.square(4).build();
    double[] v = new double[16];
    v[lattice.site(1, -2)] = Double.NaN;
    assertMentions(
        rejects(() -> Plot.heatMap(lattice, v)),
        "values[" + lattice.site(1, -2) + "]",
        "[1, -2]",
        "NaN");
  }

  @Test
  void heatMapCopiesItsValues() {
    Lattice lattice = Lattice.square(2).build();
    double[] v = {1, 2, 3, 4};
    HeatMapBuilder builder = Plot.heatMap(lattice, v);
    v[0] = 100;
    assertEquals(1.0, cell(builder.build().getHeatMapSeries(), 0, 0));
  }

  @Test
  void labelStepGivesAtMostAboutTenLabels() {
    assertEquals(1, HeatMapBuilder.labelStep(10));
    assertEquals(2, HeatMapBuilder.labelStep(11));
    assertEquals(5, HeatMapBuilder.labelStep(40));
    assertEquals(50, HeatMapBuilder.labelStep(400));
  }

  @Test
  void toStringSaysWhatTheBuilderHasAndToCallBuild() {
    String s = Plot.density(WaveFunction.delta(Lattice.square(8).build())).title("psi").toString();
    assertTrue(s.contains("Plot.density"), s);
    assertTrue(s.contains("8x8"), s);
    assertTrue(s.contains("call build() to get the HeatMapChart"), s);
  }
}
