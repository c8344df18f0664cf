package org.qdiff.ensemble;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.qdiff.frame.Columns;
import org.qdiff.numeric.Check;
import org.qdiff.random.Seed;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The outcome of an {@link Ensemble}: the mean over realizations with standard errors, and every
 * realization. Immutable; the tables returned are new objects.
 */
public final class EnsembleResult {

  private final RealizationData[] data;
  private final Layout layout;
  private final Table mean;
  private final Seed seed;
  private final int computed;
  private final int resumed;
  private final Path directory;
  private final int ignored;
  private final double seconds;
  private final List<String> warnings;

  private EnsembleResult(
      RealizationData[] data,
      Layout layout,
      Table mean,
      Seed seed,
      int computed,
      int resumed,
      Path directory,
      int ignored,
      double seconds,
      List<String> warnings) {
    this.data = data;
    this.layout = layout;
    this.mean = mean;
    this.seed = seed;
    this.computed = computed;
    this.resumed = resumed;
    this.directory = directory;
    this.ignored = ignored;
    this.seconds = seconds;
    this.warnings = List.copyOf(warnings);
  }

  /**
   * Averages the realizations, in realization order (the same numbers on any number of threads).
   * For R = 1 the standard errors are 0 and a warning says that they were not estimated.
   */
  static EnsembleResult reduce(
      RealizationData[] data,
      Layout layout,
      Seed seed,
      int computed,
      int resumed,
      Path directory,
      int ignored,
      double seconds) {
    int r = data.length;
    RealizationData reference = layout.reference;
    int rows = reference.rows;
    String name = reference.tableName;
    Table mean =
        Table.create(
            String.format(
                Locale.ROOT,
                "mean over %d realization%s%s",
                r,
                r == 1 ? "" : "s",
                name == null || name.isBlank() ? "" : " of " + name));
    for (int k : layout.keys) {
      mean.addColumns(reference.column(k, reference.names[k]));
    }
    for (int c : layout.values) {
      double[] average = new double[rows];
      double[] sem = new double[rows];
      for (int row = 0; row < rows; row++) {
        double sum = 0;
        for (int i = 0; i < r; i++) {
          sum += data[i].number(c, row);
        }
        double m = sum / r;
        // Two passes (mean, then squared deviations): no cancellation when the spread is small
        // compared with the mean.
        double squares = 0;
        for (int i = 0; i < r; i++) {
          double d = data[i].number(c, row) - m;
          squares += d * d;
        }
        average[row] = m;
        sem[row] = r > 1 ? Math.sqrt(squares / (r - 1) / r) : 0.0;
        if (!Double.isFinite(m) || !Double.isFinite(sem[row])) {
          throw new ArithmeticException(
              "Ensemble.run: the mean or standard error of column '"
                  + reference.names[c]
                  + "' overflows at row "
                  + row
                  + " (values beyond 1e308); rescale the column");
        }
      }
      mean.addColumns(
          DoubleColumn.create(reference.names[c], average),
          DoubleColumn.create(Columns.sem(reference.names[c]), sem));
    }
    List<String> warnings = new ArrayList<>();
    if (r == 1) {
      String warning =
          "Ensemble.run: R = 1 realization, so no standard error can be estimated; the _sem"
              + " columns are set to 0. Use realizations(R) with R >= 2";
      System.err.println("qdiff warning: " + warning);
      warnings.add(warning);
    }
    return new EnsembleResult(
        data, layout, mean, seed, computed, resumed, directory, ignored, seconds, warnings);
  }

  /**
   * The mean over realizations: the key columns, then for each averaged column c the mean c and its
   * standard error {@code c_sem} = s / sqrt(R), s the sample standard deviation with R - 1 in the
   * denominator (0 when R = 1, see {@link #warnings()}).
   */
  public Table mean() {
    return mean.copy();
  }

  /**
   * Every realization, one after another in realization order: an {@code int} column {@code
   * realization} (the index i) followed by all columns of the realizations' tables.
   */
  public Table realizations() {
    RealizationData reference = layout.reference;
    int rows = reference.rows;
    long total = (long) rows * data.length;
    if (total > Integer.MAX_VALUE) {
      throw new IllegalStateException(
          "EnsembleResult.realizations: "
              + total
              + " rows do not fit in one table; use realization(i) one at a time");
    }
    String name = reference.tableName;
    Table table =
        Table.create(
            data.length + " realizations" + (name == null || name.isBlank() ? "" : " of " + name));
    int[] index = new int[(int) total];
    for (int i = 0; i < data.length; i++) {
      java.util.Arrays.fill(index, i * rows, (i + 1) * rows, i);
    }
    table.addColumns(IntColumn.create(Columns.REALIZATION, index));
    for (int c = 0; c < reference.names.length; c++) {
      var column = data[0].column(c, reference.names[c]);
      for (int i = 1; i < data.length; i++) {
        appendTo(column, data[i].column(c, reference.names[c]));
      }
      table.addColumns(column);
    }
    return table;
  }

  @SuppressWarnings("unchecked")
  private static <T> void appendTo(tech.tablesaw.columns.Column<T> target, Object source) {
    target.append((tech.tablesaw.columns.Column<T>) source);
  }

  /**
   * The table of one realization, as its {@link Realization} returned it (or as read back from its
   * checkpoint file).
   *
   * @param index i in [0, R)
   * @throws IllegalArgumentException if {@code index} is out of range
   */
  public Table realization(int index) {
    Check.index("EnsembleResult.realization", "index", index, data.length);
    return data[index].toTable();
  }

  /** The number of realizations R. */
  public int count() {
    return data.length;
  }

  /** The master seed; realization i had {@code seed().realization(i)}. */
  public Seed seed() {
    return seed;
  }

  /** The key columns, copied into the mean table. */
  public List<String> keys() {
    List<String> names = new ArrayList<>();
    for (int k : layout.keys) {
      names.add(layout.reference.names[k]);
    }
    return List.copyOf(names);
  }

  /** The averaged columns; each has a {@code _sem} column beside it in the mean table. */
  public List<String> averaged() {
    List<String> names = new ArrayList<>();
    for (int c : layout.values) {
      names.add(layout.reference.names[c]);
    }
    return List.copyOf(names);
  }

  /** Realizations computed by this run. */
  public int computed() {
    return computed;
  }

  /** Realizations read back from the checkpoint directory instead of being computed. */
  public int resumed() {
    return resumed;
  }

  /** The checkpoint directory, if the ensemble had one. */
  public Optional<Path> checkpoint() {
    return Optional.ofNullable(directory);
  }

  /** Wall time of the run in seconds (reading checkpoints, computing, averaging). */
  public double seconds() {
    return seconds;
  }

  /** Warnings raised by the run (e.g. R = 1: no standard errors). */
  public List<String> warnings() {
    return warnings;
  }

  @Override
  public String toString() {
    StringBuilder s =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Ensemble of R = %d realization%s, master seed %d: %d row%s, keys %s, mean and"
                    + " sem of %s; %d computed",
                count(),
                count() == 1 ? "" : "s",
                seed.value(),
                layout.reference.rows,
                layout.reference.rows == 1 ? "" : "s",
                keys(),
                averaged(),
                computed));
    if (directory != null) {
      s.append(", ").append(resumed).append(" resumed from ").append(directory);
      if (ignored > 0) {
        s.append(" (").append(ignored).append(" saved beyond R not used)");
      }
    }
    s.append(String.format(Locale.ROOT, "; %.3f s", seconds));
    if (!warnings.isEmpty()) {
      s.append("; ").append(warnings.size()).append(" warning(s): ").append(warnings.get(0));
    }
    return s.toString();
  }
}
