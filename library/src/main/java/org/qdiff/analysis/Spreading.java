package org.qdiff.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hipparchus.stat.regression.SimpleRegression;
import org.qdiff.frame.Columns;
import org.qdiff.frame.Frames;
import org.qdiff.numeric.Check;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Spreading exponents: least-squares fits of log MSD against log t, and the regime they mean
 * (Figure 3).
 */
public final class Spreading {

  private Spreading() {}

  /** Fits columns {@code t} and {@code msd} over all rows with t > 0. */
  public static SpreadingFit fit(Table table) {
    return fit(table, Columns.TIME, Columns.MSD, 0, Double.POSITIVE_INFINITY);
  }

  /** Fits columns {@code t} and {@code msd} over the rows with {@code tMin <= t <= tMax}. */
  public static SpreadingFit fit(Table table, double tMin, double tMax) {
    return fit(table, Columns.TIME, Columns.MSD, tMin, tMax);
  }

  /**
   * Fits {@code log y = log prefactor + exponent log x} over the rows with {@code tMin <= x <=
   * tMax} and x > 0.
   *
   * @throws IllegalArgumentException if a column is missing, the window holds fewer than two
   *     points, or a y value in the window is not positive (the message names the row)
   */
  public static SpreadingFit fit(
      Table table, String timeColumn, String msdColumn, double tMin, double tMax) {
    String where = "Spreading.fit";
    Check.notNull(where, "table", table);
    if (!(tMax > tMin) || Double.isNaN(tMin)) {
      throw new IllegalArgumentException(
          where + ": the window needs tMin < tMax, got [" + tMin + ", " + tMax + "]");
    }
    double[] t = Frames.column(table, timeColumn);
    double[] y = Frames.column(table, msdColumn);
    SimpleRegression regression = new SimpleRegression();
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < t.length; i++) {
      if (t[i] > 0 && t[i] >= tMin && t[i] <= tMax) {
        if (!(y[i] > 0) || !Double.isFinite(y[i])) {
          throw new IllegalArgumentException(
              where
                  + ": "
                  + msdColumn
                  + " must be > 0 to take its logarithm, got "
                  + y[i]
                  + " at row "
                  + i
                  + " (t = "
                  + t[i]
                  + ")");
        }
        regression.addData(Math.log(t[i]), Math.log(y[i]));
        lo = Math.min(lo, t[i]);
        hi = Math.max(hi, t[i]);
      }
    }
    int n = (int) regression.getN();
    if (n < 2) {
      throw new IllegalArgumentException(
          where
              + ": the window ["
              + tMin
              + ", "
              + tMax
              + "] must hold at least 2 rows with t > 0, got "
              + n);
    }
    double error = n > 2 ? regression.getSlopeStdErr() : 0.0;
    if (!Double.isFinite(error)) {
      error = 0.0;
    }
    return new SpreadingFit(
        regression.getSlope(), error, Math.exp(regression.getIntercept()), n, lo, hi);
  }

  /**
   * A table of fits, one row per label: columns {@code label}, {@code exponent}, {@code
   * exponent_error}, {@code prefactor}, {@code points}, {@code t_min}, {@code t_max}, {@code
   * regime}.
   */
  public static Table table(Map<String, SpreadingFit> fits) {
    Check.notNull("Spreading.table", "fits", fits);
    Map<String, SpreadingFit> ordered = new LinkedHashMap<>(fits);
    StringColumn label = StringColumn.create("label");
    DoubleColumn exponent = DoubleColumn.create("exponent");
    DoubleColumn error = DoubleColumn.create("exponent_error");
    DoubleColumn prefactor = DoubleColumn.create("prefactor");
    IntColumn points = IntColumn.create("points");
    DoubleColumn tMin = DoubleColumn.create("t_min");
    DoubleColumn tMax = DoubleColumn.create("t_max");
    StringColumn regime = StringColumn.create("regime");
    for (Map.Entry<String, SpreadingFit> e : ordered.entrySet()) {
      SpreadingFit f = e.getValue();
      label.append(e.getKey());
      exponent.append(f.exponent());
      error.append(f.exponentError());
      prefactor.append(f.prefactor());
      points.append(f.points());
      tMin.append(f.tMin());
      tMax.append(f.tMax());
      regime.append(f.regime().name().toLowerCase());
    }
    return Table.create("spreading exponents")
        .addColumns(label, exponent, error, prefactor, points, tMin, tMax, regime);
  }
}
