package org.qdiff.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.qdiff.plot.Plot;
import org.qdiff.state.WaveFunction;

/**
 * Shows a qdiff {@link WaveFunction} on a two-dimensional box as an image of its density
 * |psi(x)|^2, drawn by {@link Plot#density}; other wave functions show as text.
 */
final class WaveFunctionRenderer {

  private WaveFunctionRenderer() {}

  static void register(Renderer renderer) {
    renderer
        .createRegistration(WaveFunction.class)
        .preferring(MIMEType.IMAGE_PNG)
        .supporting(MIMEType.TEXT_PLAIN)
        .register(
            (psi, context) -> {
              if (context.wantsDataRenderedAs(MIMEType.IMAGE_PNG)
                  && psi.lattice().isBox()
                  && psi.lattice().dimension() == 2) {
                ChartRenderer.putPng(Plot.density(psi).build(), context.getOutputContainer());
              }
            });
  }
}
