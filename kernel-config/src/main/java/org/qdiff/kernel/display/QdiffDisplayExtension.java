package org.qdiff.kernel.display;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * The kernel extension (registered in {@code META-INF/services}) that teaches the notebook how
 * qdiff results look: Tablesaw tables as HTML, XChart charts as images, 2D wave functions as
 * density images. The library itself knows nothing of Jupyter.
 */
public final class QdiffDisplayExtension implements Extension {

  @Override
  public void install(BaseKernel kernel) {
    TableRenderer.register(kernel.getRenderer());
    ChartRenderer.register(kernel.getRenderer());
    WaveFunctionRenderer.register(kernel.getRenderer());
  }
}
