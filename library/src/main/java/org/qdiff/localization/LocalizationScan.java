package org.qdiff.localization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.qdiff.frame.Frames;
import org.qdiff.hamiltonian.Disorder;
import org.qdiff.numeric.Check;
import org.qdiff.numeric.Parallel;
import org.qdiff.progress.Progress;
import org.qdiff.progress.ProgressReporter;
import tech.tablesaw.api.Table;

/**
 * A transfer-matrix calculation repeated over widths, disorders and energies, the points run in
 * parallel, the results gathered in one table: e.g. the normalized localization length {@code
 * Lambda_M / M} of 3D bars against W for M = 4, 6, 8, whose curves cross at the mobility edge.
 *
 * <pre>{@code
 * var bar = TransferMatrix.bar(3, 4).disorder(Disorder.box(16.5)).length(20_000).seed(1).build();
 * Table t = LocalizationScan.of(bar).widths(4, 6, 8).boxWidths(12, 14, 16, 18, 20).run();
 * }</pre>
 *
 * <p>Each point is the template with the width, disorder and energy replaced ({@link
 * TransferMatrix#withWidth}, {@link TransferMatrix#withDisorder}, {@link
 * TransferMatrix#withEnergy}); a list not given keeps the template's value. Disorders without a
 * seed take the template's, so all points share one seed: curves against W are then drawn with the
 * same random numbers (scaled), which makes them smooth. Each point runs on one thread; the table
 * does not depend on the number of threads.
 */
public final class LocalizationScan {

  /** Column of the disorder strength: W of the box distribution (sigma for a normal one). */
  public static final String DISORDER = "W";

  /** Column of the width M of a bar (1 for a chain). */
  public static final String WIDTH = "M";

  /** Column of the half-width b of a band matrix (in place of M). */
  public static final String HALF_WIDTH = "b";

  /** Column of the energy E. */
  public static final String ENERGY = "E";

  /** Column of the number L of measured slices. */
  public static final String LENGTH = "L";

  /** Column of the smallest positive Lyapunov exponent gamma_N per lattice spacing. */
  public static final String EXPONENT = "gamma";

  /** Column of the standard error of gamma_N. */
  public static final String EXPONENT_SEM = "gamma_sem";

  /** Column of the localization length xi = 1 / gamma_N. */
  public static final String LOCALIZATION_LENGTH = "xi";

  /** Column of the standard error of xi. */
  public static final String LOCALIZATION_LENGTH_SEM = "xi_sem";

  /** Column of {@code Lambda_M / M = xi / M} (xi / b^2 for band matrices). */
  public static final String NORMALIZED = "normalized";

  /** Column of the standard error of the normalized length. */
  public static final String NORMALIZED_SEM = "normalized_sem";

  private final TransferMatrix template;
  private int[] widths;
  private Disorder[] disorders;
  private double[] energies;

  private LocalizationScan(TransferMatrix template) {
    this.template = template;
  }

  /**
   * Starts a scan around a calculation.
   *
   * @param template the calculation whose other settings every point keeps, not null
   * @throws IllegalArgumentException if null
   */
  public static LocalizationScan of(TransferMatrix template) {
    return new LocalizationScan(Check.notNull("LocalizationScan.of", "template", template));
  }

  /**
   * The widths: M of a bar, b of a band matrix.
   *
   * @param values at least one, each valid for the template (M >= 3 with periodic boundaries)
   * @return this scan
   * @throws IllegalArgumentException if empty, if the template is a chain, or a width is invalid
   */
  public LocalizationScan widths(int... values) {
    String where = "LocalizationScan.widths";
    requireSome(where, values == null ? 0 : values.length);
    for (int value : values) {
      template.withWidth(where, value);
    }
    this.widths = values.clone();
    return this;
  }

  /**
   * The disorders (the entries, for a band matrix).
   *
   * @param values at least one, none null
   * @return this scan
   * @throws IllegalArgumentException if empty or one is null, or has no seed while the template has
   *     none
   */
  public LocalizationScan disorders(Disorder... values) {
    String where = "LocalizationScan.disorders";
    requireSome(where, values == null ? 0 : values.length);
    for (int i = 0; i < values.length; i++) {
      Check.notNull(where, "disorders[" + i + "]", values[i]);
      template.withDisorder(where, values[i]);
    }
    this.disorders = values.clone();
    return this;
  }

  /**
   * Box disorders {@code Disorder.box(W)} of the given widths.
   *
   * @param values at least one W, each finite and {@code >= 0}
   * @return this scan
   * @throws IllegalArgumentException otherwise
   */
  public LocalizationScan boxWidths(double... values) {
    String where = "LocalizationScan.boxWidths";
    requireSome(where, values == null ? 0 : values.length);
    Disorder[] boxes = new Disorder[values.length];
    for (int i = 0; i < values.length; i++) {
      boxes[i] = Disorder.box(Check.nonNegative(where, "W[" + i + "]", values[i]));
    }
    return disorders(boxes);
  }

  /**
   * The energies.
   *
   * @param values at least one E, each finite
   * @return this scan
   * @throws IllegalArgumentException otherwise
   */
  public LocalizationScan energies(double... values) {
    String where = "LocalizationScan.energies";
    requireSome(where, values == null ? 0 : values.length);
    for (int i = 0; i < values.length; i++) {
      Check.finite(where, "E[" + i + "]", values[i]);
    }
    this.energies = values.clone();
    return this;
  }

  private static void requireSome(String where, int count) {
    if (count == 0) {
      throw new IllegalArgumentException(where + ": give at least one value");
    }
  }

  /** The calculations of the scan, in table order: width, then disorder, then energy. */
  public List<TransferMatrix> points() {
    int[] w = widths != null ? widths : new int[] {template.width()};
    Disorder[] d = disorders != null ? disorders : new Disorder[] {template.disorder()};
    double[] e = energies != null ? energies : new double[] {template.energy()};
    List<TransferMatrix> points = new ArrayList<>();
    for (int width : w) {
      TransferMatrix sized = widths != null ? template.withWidth(width) : template;
      for (Disorder disorder : d) {
        TransferMatrix disordered = disorders != null ? sized.withDisorder(disorder) : sized;
        for (double energy : e) {
          points.add(energies != null ? disordered.withEnergy(energy) : disordered);
        }
      }
    }
    return points;
  }

  /**
   * Runs every point, in parallel over the points, and tabulates them in the order of {@link
   * #points()}: columns {@code W, M} (or {@code b}){@code , E, L, gamma, gamma_sem, xi, xi_sem,
   * normalized, normalized_sem}.
   *
   * @return the table
   * @throws ArithmeticException if a point loses precision
   * @throws CancellationException if the thread is interrupted
   */
  public Table run() {
    List<LyapunovSpectrum> spectra = spectra();
    int n = spectra.size();
    double[][] columns = new double[10][n];
    for (int p = 0; p < n; p++) {
      LyapunovSpectrum s = spectra.get(p);
      TransferMatrix system = s.system();
      columns[0][p] = system.disorder() == null ? 0.0 : system.disorder().strength();
      columns[1][p] = system.width();
      columns[2][p] = system.energy();
      columns[3][p] = system.length();
      columns[4][p] = s.smallestPositiveExponent();
      columns[5][p] = s.smallestPositiveExponentError();
      columns[6][p] = s.localizationLength();
      columns[7][p] = s.standardError();
      columns[8][p] = s.normalizedLength();
      columns[9][p] = s.normalizedLengthError();
    }
    String[] names = {
      DISORDER,
      template.isBandMatrix() ? HALF_WIDTH : WIDTH,
      ENERGY,
      LENGTH,
      EXPONENT,
      EXPONENT_SEM,
      LOCALIZATION_LENGTH,
      LOCALIZATION_LENGTH_SEM,
      NORMALIZED,
      NORMALIZED_SEM
    };
    return Frames.table("localization scan: " + template.describe(), names, columns);
  }

  /**
   * Runs every point, in parallel over the points.
   *
   * @return the spectra in the order of {@link #points()}
   * @throws ArithmeticException if a point loses precision
   * @throws CancellationException if the thread is interrupted
   */
  public List<LyapunovSpectrum> spectra() {
    String where = "LocalizationScan.run";
    List<TransferMatrix> points = points();
    int n = points.size();
    // Most expensive first (work ~ N^2 L), so the last tasks to finish are short ones.
    Integer[] order = new Integer[n];
    for (int p = 0; p < n; p++) {
      order[p] = p;
    }
    Arrays.sort(
        order,
        Comparator.comparingDouble(
            (Integer p) -> -Math.pow(points.get(p).crossSection(), 2) * points.get(p).length()));
    LyapunovSpectrum[] results = new LyapunovSpectrum[n];
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger finished = new AtomicInteger();
    Thread caller = Thread.currentThread();
    BooleanSupplier stopped =
        () -> stop.get() || (Thread.currentThread() == caller && caller.isInterrupted());
    try (ProgressReporter progress = Progress.start("localization scan", n)) {
      boolean interrupted;
      try {
        Future<?> running =
            Parallel.start(
                n,
                1,
                (from, to) -> {
                  for (int k = from; k < to; k++) {
                    int p = order[k];
                    results[p] = points.get(p).run(stopped);
                    finished.incrementAndGet();
                  }
                });
        interrupted = await(running, stop, progress, finished);
      } catch (CancellationException e) {
        // Thrown on this thread: with one thread the points run here and saw the interrupt.
        interrupted = true;
      }
      if (interrupted) {
        Thread.interrupted();
        throw new CancellationException(
            where + ": interrupted after " + finished.get() + " of " + n + " points");
      }
      progress.advance(n);
    }
    return List.of(results);
  }

  /**
   * Waits for the points, reporting progress. An interrupt sets {@code stop}, which the points
   * check between re-orthonormalizations, and the wait goes on until they have ended.
   *
   * @return whether the waiting thread was interrupted
   */
  private static boolean await(
      Future<?> running, AtomicBoolean stop, ProgressReporter progress, AtomicInteger finished) {
    return Parallel.awaitStoppable(
        running,
        stop,
        () -> progress.advance(finished.get()),
        "LocalizationScan.run: a point failed");
  }

  @Override
  public String toString() {
    return "LocalizationScan around "
        + template
        + ": widths "
        + (widths == null ? "(template)" : Arrays.toString(widths))
        + ", disorders "
        + (disorders == null ? "(template)" : Arrays.toString(disorders))
        + ", energies "
        + (energies == null ? "(template)" : Arrays.toString(energies))
        + "; then call run()";
  }
}
