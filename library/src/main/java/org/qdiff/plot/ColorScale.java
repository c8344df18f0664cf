package org.qdiff.plot;

import java.awt.Color;

/**
 * Colour scales for heat maps: the colours of equally spaced stops from the lowest to the highest
 * value, interpolated linearly in between.
 */
public enum ColorScale {

  /**
   * Viridis (matplotlib's default): dark blue to yellow, perceptually uniform and readable in grey
   * print, so equal steps in p look like equal steps in colour. The default.
   */
  VIRIDIS(0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21918C, 0x28AE80, 0x5EC962, 0xADDC30, 0xFDE725),

  /** Black to white: brightness shows the value, as in the potential maps of Figure 4. */
  GRAY(0x000000, 0xFFFFFF),

  /**
   * Blue through white to red, for signed values centred on zero such as a disorder potential v(x);
   * use {@link HeatMapBuilder#range} with {@code -a, a} to put white at zero.
   */
  DIVERGING(0x2166AC, 0x67A9CF, 0xD1E5F0, 0xF7F7F7, 0xFDDBC7, 0xEF8A62, 0xB2182B);

  private final int[] rgb;

  ColorScale(int... rgb) {
    this.rgb = rgb;
  }

  /**
   * The colours of the stops, lowest value first.
   *
   * @return a new array
   */
  public Color[] colors() {
    Color[] colors = new Color[rgb.length];
    for (int i = 0; i < rgb.length; i++) {
      colors[i] = new Color(rgb[i]);
    }
    return colors;
  }
}
