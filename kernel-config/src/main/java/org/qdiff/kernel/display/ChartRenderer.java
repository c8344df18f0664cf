package org.qdiff.kernel.display;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Shows any XChart chart as a PNG image, or as SVG when asked ({@code display(chart,
 * "image/svg+xml")}). Charts are drawn headless; the image carries the chart's size as metadata.
 */
public final class ChartRenderer {

  private ChartRenderer() {}

  /** Registers the renderer for every XChart chart type. */
  static void register(Renderer renderer) {
    renderer
        .createRegistration(Chart.class)
        .preferring(MIMEType.IMAGE_PNG)
        .supporting(MIMEType.IMAGE_SVG)
        .register(ChartRenderer::render);
  }

  static void render(Chart<?, ?> chart, RenderContext context) {
    context.renderIfRequested(
        MIMEType.IMAGE_PNG, (type, out) -> out.putData(type, png(chart), size(chart)));
    context.renderIfRequested(
        MIMEType.IMAGE_SVG, (type, out) -> out.putData(type, svg(chart), size(chart)));
    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> describe(chart));
  }

  /** Writes a chart as PNG into display data (also used for charts made from qdiff objects). */
  static void putPng(Chart<?, ?> chart, DisplayData out) {
    out.putData(MIMEType.IMAGE_PNG, png(chart), size(chart));
  }

  private static Map<String, Object> size(Chart<?, ?> chart) {
    return Map.of("width", chart.getWidth(), "height", chart.getHeight());
  }

  /** Base64 of the chart as PNG, as Jupyter expects image data. */
  static String png(Chart<?, ?> chart) {
    try {
      return Base64.getEncoder()
          .encodeToString(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot draw the chart as PNG", e);
    }
  }

  /** The chart as SVG text (SVG is text in Jupyter's format, not base64). */
  static String svg(Chart<?, ?> chart) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      VectorGraphicsEncoder.saveVectorGraphic(
          chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot draw the chart as SVG", e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  static String describe(Chart<?, ?> chart) {
    String title =
        chart.getTitle() == null || chart.getTitle().isBlank()
            ? ""
            : " \"" + chart.getTitle() + "\"";
    return chart.getClass().getSimpleName()
        + title
        + " ("
        + chart.getWidth()
        + "\u00d7"
        + chart.getHeight()
        + ")";
  }
}
