package org.qdiff.ensemble;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.qdiff.frame.Frames;
import org.qdiff.numeric.Check;
import org.qdiff.numeric.Parallel;
import org.qdiff.progress.Progress;
import org.qdiff.progress.ProgressReporter;
import org.qdiff.random.Seed;
import tech.tablesaw.api.Table;

/**
 * An average over R disorder realizations: configure, then {@link #run()}.
 *
 * <pre>{@code
 * var chain = Lattice.chain(201).build();
 * EnsembleResult anderson = Ensemble.of(seed ->
 *         Evolution.of(Hamiltonian.on(chain).hopping(1).onsite(Disorder.box(2).seed(seed)).build())
 *             .times(TimeGrid.linear(0, 200, 41))
 *             .observe(Observables.meanSquaredDisplacement())
 *             .run(WaveFunction.delta(chain))
 *             .table())
 *     .realizations(256)
 *     .seed(42)
 *     .by("t")
 *     .checkpoint("anderson_1d_W2")
 *     .run();
 * anderson.mean()   // columns t, msd, msd_sem
 * }</pre>
 *
 * <p><b>Seeds.</b> Realization i gets the seed {@code seed.realization(i)} of the master seed: the
 * same disorder however many threads run and in whatever order the realizations finish.
 *
 * <p><b>Averages.</b> The key columns ({@link #by}, by default the first column) must be identical
 * in every realization and are copied into the mean table; every other column c (numeric) becomes
 * the mean over realizations, c, and its standard error, {@code c_sem} = s / sqrt(R) with s the
 * sample standard deviation (R - 1 in the denominator). The sums run in realization order, so the
 * numbers are bit-identical on any number of threads. A scalar per realization (a localization
 * length, a fitted exponent) is a one-row table; {@code by()} with no names says it has no keys.
 * Every realization's table is kept in memory until the result is dropped (R x rows x columns
 * values), for {@link EnsembleResult#realizations()}: average profiles of large lattices over a few
 * hundred realizations, not millions.
 *
 * <p><b>Threads, progress, interrupts.</b> Realizations run in parallel on the {@link Parallel}
 * pool (kernels inside them share it). One progress bar counts realizations; the progress of each
 * realization's own evolution is not shown. Interrupting the calling thread (a notebook's
 * Interrupt) starts no new realization, lets those running on the pool's threads finish and keeps
 * them (with one thread the running realization is the one interrupted), and throws a {@link
 * CancellationException} that says how many are saved.
 *
 * <p><b>Checkpoints.</b> With {@link #checkpoint(String)} every finished realization is written to
 * its own file as soon as it is done (atomically, forced to the disk, with a checksum). {@code
 * run()} reads the files already there and computes only the missing realizations, so an
 * interrupted or crashed ensemble resumes where it stopped and gives the same tables as an
 * uninterrupted one. A file that is corrupt or belongs to another ensemble (other master seed,
 * other columns) is a {@link CheckpointException} naming it, never skipped. The checkpoint stores
 * the seeds and the columns, not the realization's code: give a new name when the physics changes.
 * Increasing R reuses the realizations already saved.
 */
public final class Ensemble {

  // A plain directory name: no separators, no "..", not hidden.
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

  /** The sub-directory of {@link Frames#dataDirectory()} that holds named checkpoints. */
  public static final String CHECKPOINTS = "ensembles";

  private final Realization realization;
  private int count;
  private Seed seed;
  private String[] keys;
  private Path checkpoint;

  private Ensemble(Realization realization) {
    this.realization = realization;
  }

  /**
   * Starts configuring an ensemble of a realization.
   *
   * @param realization from a seed, one realization's table; called concurrently from several
   *     threads, so it must not change shared state without synchronization
   * @throws IllegalArgumentException if {@code realization} is null
   */
  public static Ensemble of(Realization realization) {
    return new Ensemble(Check.notNull("Ensemble.of", "realization", realization));
  }

  /**
   * The number of realizations R.
   *
   * @param count R >= 1 (at least 2 to estimate standard errors)
   * @throws IllegalArgumentException if {@code count < 1}
   */
  public Ensemble realizations(int count) {
    this.count = Check.atLeast("Ensemble.realizations", "R", count, 1);
    return this;
  }

  /** The master seed; realization i gets {@code Seed.of(value).realization(i)}. Any long. */
  public Ensemble seed(long value) {
    this.seed = Seed.of(value);
    return this;
  }

  /**
   * The master seed; realization i gets {@code seed.realization(i)}.
   *
   * @throws IllegalArgumentException if {@code seed} is null
   */
  public Ensemble seed(Seed seed) {
    this.seed = Check.notNull("Ensemble.seed", "seed", seed);
    return this;
  }

  /**
   * The key columns: identical in every realization (checked), copied into the mean table rather
   * than averaged. Default: the first column (e.g. {@code t} of a trajectory table). With no names,
   * every column is averaged (a one-row table of scalars gives a one-row mean).
   *
   * @param columns column names of the realizations' tables, distinct (checked against the tables
   *     when the ensemble runs)
   * @throws IllegalArgumentException if the array or a name is null or blank, or a name repeats
   */
  public Ensemble by(String... columns) {
    String where = "Ensemble.by";
    Check.notNull(where, "columns", columns);
    Set<String> seen = new HashSet<>();
    for (int k = 0; k < columns.length; k++) {
      String name = columns[k];
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException(
            where
                + ": columns["
                + k
                + "] must be a column name, got "
                + (name == null ? "null" : "'" + name + "'"));
      }
      if (!seen.add(name)) {
        throw new IllegalArgumentException(
            where + ": column '" + name + "' is given twice; give each key column once");
      }
    }
    this.keys = columns.clone();
    return this;
  }

  /**
   * Saves every finished realization under {@code Frames.dataDirectory()/ensembles/<name>/} and
   * resumes from what is saved there.
   *
   * @param name a plain directory name: letters, digits, '_', '-' and '.', not starting with '.',
   *     at most 128 characters; name the physics, e.g. {@code "anderson_1d_W2"}
   * @throws IllegalArgumentException if the name is null, blank, contains a path separator or "..",
   *     or other characters
   */
  public Ensemble checkpoint(String name) {
    String where = "Ensemble.checkpoint";
    Check.notNull(where, "name", name);
    if (!NAME.matcher(name).matches() || name.contains("..")) {
      throw new IllegalArgumentException(
          where
              + ": name must be a plain directory name (letters, digits, '_', '-', '.'; not"
              + " starting with '.'; no path separators or '..'; at most 128 characters), got '"
              + name
              + "'; use checkpoint(Path) for a directory elsewhere");
    }
    this.checkpoint = Frames.dataDirectory().resolve(CHECKPOINTS).resolve(name);
    return this;
  }

  /**
   * Saves every finished realization in {@code directory} (created if needed) and resumes from what
   * is saved there.
   *
   * @throws IllegalArgumentException if {@code directory} is null
   */
  public Ensemble checkpoint(Path directory) {
    this.checkpoint =
        Check.notNull("Ensemble.checkpoint", "directory", directory).toAbsolutePath().normalize();
    return this;
  }

  /**
   * Runs the realizations not yet saved, in parallel, and averages all R in realization order.
   *
   * @return the mean and standard-error table and every realization
   * @throws IllegalStateException if {@code realizations(R)} or {@code seed(...)} was not called,
   *     or another run uses the checkpoint directory
   * @throws RealizationException if a realization throws: the first in realization order, on any
   *     number of threads, named with its index and seed (realizations above it are not started;
   *     those that finished are saved)
   * @throws IllegalArgumentException if the realizations' tables differ in columns, rows or keys, a
   *     key column is missing, or a table holds missing values or unsupported column types
   * @throws CheckpointException if a checkpoint file is corrupt or belongs to another ensemble
   * @throws CancellationException if the calling thread is interrupted (finished realizations are
   *     saved when checkpointing)
   * @throws java.io.UncheckedIOException if the checkpoint directory cannot be written
   */
  public EnsembleResult run() {
    String where = "Ensemble.run";
    if (count == 0) {
      throw new IllegalStateException(
          where
              + ": no number of realizations; call realizations(R) first, e.g. realizations(100)");
    }
    if (seed == null) {
      throw new IllegalStateException(
          where
              + ": no master seed; call seed(long) first, e.g. seed(42): realization i gets the"
              + " disorder seed seed.realization(i)");
    }
    long started = System.nanoTime();
    final Seed master = seed;
    final int total = count;
    final String[] keyNames = keys == null ? null : keys.clone();
    RealizationData[] data = new RealizationData[total];
    try (Checkpoints store = checkpoint == null ? null : Checkpoints.open(checkpoint, master)) {
      int resumed = store == null ? 0 : store.load(data);
      Layout layout = null;
      for (int i = 0; i < total; i++) {
        if (data[i] != null) {
          if (layout == null) {
            layout = Layout.of(data[i], i, keyNames);
          } else {
            layout.check(data[i], i);
          }
        }
      }
      int[] pending = new int[total - resumed];
      for (int i = 0, k = 0; i < total; i++) {
        if (data[i] == null) {
          pending[k++] = i;
        }
      }
      Batch batch = new Batch(master, keyNames, data, store, layout, resumed);
      try (ProgressReporter progress = Progress.start(label(), total)) {
        batch.progress = progress;
        batch.advance();
        if (pending.length > 0) {
          batch.run(pending);
        }
      }
      int saved = 0;
      for (RealizationData d : data) {
        saved += d == null ? 0 : 1;
      }
      Layout first = batch.checkInOrder(saved, total);
      if (saved < total) {
        throw new CancellationException(interruptedMessage(store, saved, total));
      }
      return EnsembleResult.reduce(
          data,
          first,
          master,
          total - resumed,
          resumed,
          store == null ? null : store.directory(),
          store == null ? 0 : store.ignored(),
          (System.nanoTime() - started) * 1e-9);
    }
  }

  private String label() {
    return checkpoint == null ? "ensemble" : "ensemble " + checkpoint.getFileName();
  }

  private static String interruptedMessage(Checkpoints store, int saved, int total) {
    if (store == null) {
      return "Ensemble.run: interrupted after "
          + saved
          + " of "
          + total
          + " realizations; nothing is saved (no checkpoint). Add checkpoint(name) to keep"
          + " finished realizations across interrupts and crashes";
    }
    return "Ensemble.run: interrupted; "
        + saved
        + " of "
        + total
        + " realizations are saved in "
        + store.directory()
        + ". Call run() again to resume: it computes only the "
        + (total - saved)
        + " missing";
  }

  /**
   * The state of one {@code run()} shared by the tasks that compute realizations.
   *
   * <p>Failures are reported deterministically: when realization i fails, the realizations above i
   * are not started, but those below still run, so that the error thrown is always that of the
   * first failing realization in index order, on any number of threads.
   */
  private final class Batch {
    final Seed master;
    final String[] keyNames;
    final RealizationData[] data; // slot i written only by the task of realization i
    final RealizationData[] disagreeing; // valid tables not saved: other columns, rows or keys
    final Checkpoints store;
    final AtomicReference<Layout> reference;
    final Throwable[] failures; // slot i written only by the task of realization i
    final boolean[] thrownByRealization;
    final AtomicInteger firstFailure = new AtomicInteger(Integer.MAX_VALUE);
    final AtomicBoolean interrupted = new AtomicBoolean();
    final Thread caller = Thread.currentThread();
    private int done; // guarded by this
    ProgressReporter progress = ProgressReporter.SILENT;

    Batch(
        Seed master,
        String[] keyNames,
        RealizationData[] data,
        Checkpoints store,
        Layout layout,
        int resumed) {
      this.master = master;
      this.keyNames = keyNames;
      this.data = data;
      this.disagreeing = new RealizationData[data.length];
      this.store = store;
      this.reference = new AtomicReference<>(layout);
      this.failures = new Throwable[data.length];
      this.thrownByRealization = new boolean[data.length];
      this.done = resumed;
    }

    /** Computes the pending realizations and waits until every started one has ended. */
    void run(int[] pending) {
      Future<?> running =
          Parallel.start(
              pending.length,
              1,
              (from, to) -> {
                for (int k = from; k < to; k++) {
                  // pending is ascending: past a failure, the rest of this range is too.
                  if (interrupted.get() || pending[k] > firstFailure.get()) {
                    return;
                  }
                  if (caller.isInterrupted()) {
                    // One thread: the tasks run on the caller, which sees its own interrupt here.
                    interrupted.set(true);
                    return;
                  }
                  runOne(pending[k]);
                }
              });
      while (true) {
        try {
          running.get();
          break;
        } catch (InterruptedException e) {
          // Workers do not see the caller's interrupt: tell them, then wait for the realizations
          // in flight, which are finished and saved.
          interrupted.set(true);
        } catch (ExecutionException e) {
          // runOne catches everything a realization throws; this is a failure of the pool itself.
          interrupted.set(true);
          throw new IllegalStateException("Ensemble.run: the thread pool failed", e.getCause());
        }
      }
      if (Thread.interrupted()) {
        interrupted.set(true);
      }
    }

    private void runOne(int index) {
      Seed own = master.realization(index);
      Table table;
      try {
        table = Progress.quietly(() -> realization.run(own));
      } catch (Throwable e) {
        if (causedByInterrupt(e) && (Thread.currentThread() == caller || interrupted.get())) {
          // The realization saw the caller's interrupt (it ran on the caller, one thread): stop,
          // and do not report it as a failure.
          interrupted.set(true);
        } else {
          fail(index, e, true);
        }
        return;
      }
      try {
        RealizationData result =
            RealizationData.of(table, "realization " + index + " (seed " + own.value() + ")");
        Layout layout = reference.get();
        if (layout == null) {
          Layout candidate = Layout.of(result, index, keyNames);
          layout = reference.compareAndSet(null, candidate) ? candidate : reference.get();
        }
        if (!layout.agrees(result)) {
          // One of the two disagrees with realization 0: everything up to the later one must run
          // for the first disagreement in index order to be found (by failureOrNull).
          disagreeing[index] = result;
          firstFailure.accumulateAndGet(Math.max(index, layout.referenceIndex), Math::min);
          return;
        }
        if (store != null) {
          store.save(index, result);
        }
        data[index] = result;
      } catch (RuntimeException e) {
        fail(index, e, false);
        return;
      }
      finishedOne();
    }

    /** Whether {@code e} or one of its causes says that a thread was interrupted. */
    private boolean causedByInterrupt(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof InterruptedException
            || t instanceof CancellationException
            || t instanceof java.nio.channels.ClosedByInterruptException) {
          return true;
        }
        if (t.getCause() == t) {
          break;
        }
      }
      return false;
    }

    private void fail(int index, Throwable e, boolean byRealization) {
      failures[index] = e;
      thrownByRealization[index] = byRealization;
      firstFailure.accumulateAndGet(index, Math::min);
    }

    private synchronized void finishedOne() {
      done++;
      advance();
    }

    /**
     * Reports progress: serialized, since realizations finish on several threads, so that the
     * counts the reporter sees only grow.
     */
    synchronized void advance() {
      try {
        progress.advance(done);
      } catch (RuntimeException e) {
        // A display problem must not break the computation.
      }
    }

    /**
     * Checks the realizations in index order and throws the first failure: a realization that
     * threw, returned a bad table or disagrees with the first realization.
     *
     * @return the layout of the first realization, or null if none finished
     */
    Layout checkInOrder(int saved, int total) {
      int failed = 0;
      while (failed < total && failures[failed] == null) {
        failed++;
      }
      Layout layout = null;
      for (int i = 0; i < failed; i++) {
        RealizationData d = data[i] != null ? data[i] : disagreeing[i];
        if (d == null) {
          continue; // not run: interrupted
        }
        if (layout == null) {
          layout = Layout.of(d, i, keyNames);
        } else {
          layout.check(d, i);
        }
      }
      if (failed == total) {
        return layout;
      }
      Throwable e = failures[failed];
      String savedNote =
          store == null
              ? ""
              : "; "
                  + saved
                  + " of "
                  + total
                  + " realizations are saved in "
                  + store.directory()
                  + ", and run() computes only the missing ones";
      if (thrownByRealization[failed]) {
        Seed own = master.realization(failed);
        throw new RealizationException(
            failed,
            own,
            "Ensemble.run: realization "
                + failed
                + " (seed "
                + own.value()
                + ") failed: "
                + e
                + savedNote
                + ". Rerun it alone with Seed.of("
                + own.value()
                + "L)",
            e);
      }
      if (e instanceof RuntimeException) {
        throw (RuntimeException) e;
      }
      throw new IllegalStateException("Ensemble.run: realization " + failed + " failed", e);
    }
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("Ensemble of ");
    s.append(count == 0 ? "R = ? realizations (call realizations(R))" : "R = " + count);
    if (count > 0) {
      s.append(count == 1 ? " realization" : " realizations");
    }
    s.append(seed == null ? ", no seed yet (call seed(long))" : ", master seed " + seed.value());
    s.append(
        keys == null
            ? ", key: the first column"
            : keys.length == 0 ? ", no key columns" : ", keys " + Arrays.toString(keys));
    s.append(checkpoint == null ? ", no checkpoint" : ", checkpoint " + checkpoint);
    s.append(count == 0 || seed == null ? "; then call run()" : "; call run()");
    return s.toString();
  }
}
