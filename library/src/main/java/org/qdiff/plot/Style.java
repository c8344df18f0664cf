package org.qdiff.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.style.AxesChartStyler;

/** The look shared by qdiff's charts: white background, light grid, no chart border. */
final class Style {

  private static final Color GRID = new Color(0xE6, 0xE6, 0xE6);
  // Solid and light: a log axis has a grid line at every minor tick (2, 3, ..., 9 per decade),
  // and XChart's default dashed lines turn that into a grey texture behind the data.
  private static final BasicStroke GRID_STROKE = new BasicStroke(0.8f);
  private static final Color FRAME = new Color(0x99, 0x99, 0x99);

  private Style() {}

  static void apply(AxesChartStyler styler) {
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderColor(FRAME);
    styler.setPlotGridLinesColor(GRID);
    styler.setPlotGridLinesStroke(GRID_STROKE);
    styler.setLegendBorderColor(GRID);
    styler.setChartTitleBoxVisible(false);
    styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    // Plot tooltips and buttons only matter in a Swing window, never in a notebook PNG.
    styler.setToolTipsEnabled(false);
  }
}
