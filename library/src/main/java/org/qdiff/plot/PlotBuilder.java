package org.qdiff.plot;

import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Settings every plot has (title, axis labels, size), shared by the plot builders through a self
 * type so that each setter returns the concrete builder and calls chain in any order, as in
 * XChart's {@code ChartBuilder<T, C>}.
 *
 * <p>Builders are mutable and cheap; each method checks its own arguments and throws {@link
 * IllegalArgumentException} at once, so a mistake surfaces in the notebook cell that made it and
 * not when the kernel paints the chart. {@link #build()} returns a new chart each time.
 *
 * @param <T> the concrete builder type
 * @param <C> the XChart chart type that {@link #build()} returns
 */
public abstract class PlotBuilder<T extends PlotBuilder<T, C>, C extends Chart<?, ?>> {

  /** Smallest width or height in pixels: below it XChart's layout leaves no room to plot. */
  static final int MIN_PIXELS = 100;

  /** Largest width or height in pixels: keeps a PNG (4 bytes per pixel) well under 300 MB. */
  static final int MAX_PIXELS = 8000;

  /** The factory the user called, e.g. {@code "Plot.logLog"}; starts every error message. */
  final String method;

  String title = "";
  String xLabel;
  String yLabel;
  int width;
  int height;

  PlotBuilder(String method, int width, int height, String xLabel, String yLabel) {
    this.method = method;
    this.width = width;
    this.height = height;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
  }

  /**
   * Sets the chart's title.
   *
   * @param title the text above the plot; {@code null} means no title
   * @return this builder
   */
  public T title(String title) {
    this.title = title == null ? "" : title;
    return self();
  }

  /**
   * Sets the label of the horizontal axis (by default the x column's name, or {@code x} on a heat
   * map).
   *
   * @param label the label; {@code null} means none
   * @return this builder
   */
  public T xLabel(String label) {
    this.xLabel = label == null ? "" : label;
    return self();
  }

  /**
   * Sets the label of the vertical axis (by default the y column's name, or {@code y} on a heat
   * map).
   *
   * @param label the label; {@code null} means none
   * @return this builder
   */
  public T yLabel(String label) {
    this.yLabel = label == null ? "" : label;
    return self();
  }

  /**
   * Sets the chart's size in pixels (also the size of a saved PNG).
   *
   * @param width width in pixels, in [100, 8000]
   * @param height height in pixels, in [100, 8000]
   * @return this builder
   * @throws IllegalArgumentException if a side is outside [100, 8000]
   */
  public T size(int width, int height) {
    checkPixels("width", width);
    checkPixels("height", height);
    this.width = width;
    this.height = height;
    return self();
  }

  /**
   * Makes the chart: a new XChart object, ready for the kernel to render or for {@link Plot#save}.
   *
   * @return a new chart
   */
  public abstract C build();

  /** The start of an error message from one of this builder's methods. */
  final String where(String builderMethod) {
    return method + "(...)." + builderMethod;
  }

  @SuppressWarnings("unchecked")
  final T self() {
    return (T) this;
  }

  /** What the builder has so far, for {@code toString()}. */
  abstract String contents();

  /** The XChart type {@link #build()} returns, for {@code toString()}. */
  abstract String chartType();

  /**
   * Says what this builder holds and that {@code build()} makes the chart: a notebook cell that
   * ends in a builder instead of a chart shows this text.
   */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(getClass().getSimpleName()).append(" from ").append(method);
    s.append(": ").append(contents());
    if (!title.isEmpty()) {
      s.append(", title '").append(title).append('\'');
    }
    s.append(", ").append(width).append('x').append(height).append(" px");
    return s.append("; call build() to get the ").append(chartType()).toString();
  }

  private void checkPixels(String name, int pixels) {
    if (pixels < MIN_PIXELS || pixels > MAX_PIXELS) {
      throw new IllegalArgumentException(
          where("size")
              + ": "
              + name
              + " must be in ["
              + MIN_PIXELS
              + ", "
              + MAX_PIXELS
              + "] pixels, got "
              + pixels);
    }
  }
}
