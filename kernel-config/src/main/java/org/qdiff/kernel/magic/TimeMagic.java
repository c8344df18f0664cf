package org.qdiff.kernel.magic;

import java.util.List;
import java.util.Locale;
import org.dflib.jjava.jupyter.kernel.magic.CellMagic;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;
import org.qdiff.kernel.QdiffKernel;

/**
 * {@code %time code} and {@code %%time}: runs the code, prints its wall time and returns its value,
 * as IPython does.
 */
public final class TimeMagic
    implements LineMagic<Object, QdiffKernel>, CellMagic<Object, QdiffKernel> {

  /** {@code %time}: the single argument is the rest of the line, as typed. */
  @Override
  public Object eval(QdiffKernel kernel, List<String> args) {
    String code = String.join(" ", args);
    if (code.isBlank()) {
      throw new IllegalArgumentException("%time: give the code to time, e.g. %time Math.sqrt(2)");
    }
    return timed(() -> kernel.evaluate(code, kernel.currentCell(), kernel.currentMagicLine()));
  }

  /** {@code %%time}: the body is a whole cell, line magics included. */
  @Override
  public Object eval(QdiffKernel kernel, List<String> args, String body) {
    return timed(() -> kernel.evaluate(body, kernel.currentCell(), kernel.currentMagicLine()));
  }

  private interface Evaluation {
    Object run();
  }

  private static Object timed(Evaluation evaluation) {
    long start = System.nanoTime();
    try {
      return evaluation.run();
    } finally {
      System.out.println("Wall time: " + format(System.nanoTime() - start));
    }
  }

  /** A duration with three significant digits in the unit IPython would use. */
  static String format(long nanos) {
    if (nanos >= 1_000_000_000L) {
      return String.format(Locale.ROOT, "%.3g s", nanos / 1e9);
    }
    if (nanos >= 1_000_000L) {
      return String.format(Locale.ROOT, "%.3g ms", nanos / 1e6);
    }
    return String.format(Locale.ROOT, "%.3g \u00b5s", nanos / 1e3);
  }
}
