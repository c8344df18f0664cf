package org.qdiff.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.qdiff.frame.Frames;
import org.qdiff.lattice.Lattice;
import org.qdiff.state.WaveFunction;
import tech.tablesaw.api.Table;

class PlotSaveTest {

  @TempDir Path temp;

  private static XYChart logLogChart() {
    Table run =
        Frames.table(
            "run", new String[] {"t", "msd"}, new double[][] {{0.1, 1, 10}, {0.02, 2, 200}});
    return Plot.logLog(run, "t", "msd").reference("ballistic", t -> 2 * t * t).build();
  }

  private static void assertSvg(Path svg) throws IOException {
    assertTrue(Files.isRegularFile(svg), svg + " exists");
    String head = Files.readString(svg).stripLeading();
    assertTrue(head.startsWith("<?xml") || head.startsWith("<svg"), head.substring(0, 40));
    assertTrue(head.contains("<svg"), "has an svg element");
  }

  @Test
  void saveWritesADecodablePngOfTheRequestedSizeAndAnSvg() throws IOException {
    XYChart chart = logLogChart();
    Path png = Plot.save(chart, temp.resolve("fig1"));
    assertEquals(temp.resolve("fig1.png"), png);
    BufferedImage image = ImageIO.read(png.toFile());
    assertNotNull(image, "ImageIO decodes the PNG");
    assertEquals(640, image.getWidth());
    assertEquals(420, image.getHeight());
    assertSvg(temp.resolve("fig1.svg"));
  }

  @Test
  void saveCreatesParentDirectoriesAndLeavesNoTemporaryFiles() throws IOException {
    Path base = temp.resolve("data/figures/fig4");
    Chart<?, ?> chart = Plot.heatMap(Lattice.square(12).build(), new double[144]).build();
    Path png = Plot.save(chart, base);
    assertNotNull(ImageIO.read(png.toFile()));
    assertSvg(temp.resolve("data/figures/fig4.svg"));
    try (Stream<Path> files = Files.list(base.getParent())) {
      assertEquals(
          List.of("fig4.png", "fig4.svg"),
          files.map(f -> f.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void saveDropsAGivenPngOrSvgExtension() {
    assertEquals(temp.resolve("a.png"), Plot.save(logLogChart(), temp.resolve("a.png")));
    assertTrue(Files.isRegularFile(temp.resolve("a.svg")));
    assertEquals(temp.resolve("b.png"), Plot.save(logLogChart(), temp.resolve("b.svg")));
  }

  @Test
  void densityPaintsItsColoursIntoThePng() throws IOException {
    Lattice lattice = Lattice.square(9).build();
    Chart<?, ?> chart = Plot.density(WaveFunction.delta(lattice)).size(400, 400).build();
    BufferedImage image = ImageIO.read(Plot.savePng(chart, temp.resolve("d.png")).toFile());
    // The lowest colour of viridis (dark purple) covers most of the plot: something was drawn.
    int dark = ColorScale.VIRIDIS.colors()[0].getRGB() & 0xFFFFFF;
    int count = 0;
    for (int x = 0; x < image.getWidth(); x++) {
      for (int y = 0; y < image.getHeight(); y++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == dark) {
          count++;
        }
      }
    }
    assertTrue(count > 400 * 400 / 4, "dark cells cover a quarter of the image, got " + count);
  }

  @Test
  void savePngAtScaleTwoDoublesThePixels() throws IOException {
    Path png = Plot.savePng(logLogChart(), temp.resolve("hi.png"), 2);
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(1280, image.getWidth());
    assertEquals(840, image.getHeight());
    assertThrows(
        IllegalArgumentException.class, () -> Plot.savePng(logLogChart(), temp.resolve("x"), 8));
  }

  @Test
  void saveRejectsANullChartSayingToBuildFirst() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Plot.save(null, temp.resolve("x")));
    assertTrue(e.getMessage().contains("build()"), e.getMessage());
  }
}
