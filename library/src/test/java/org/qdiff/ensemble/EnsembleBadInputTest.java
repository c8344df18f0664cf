package org.qdiff.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.qdiff.random.Seed;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Every rule of bad input raises the documented exception, naming the parameter. */
class EnsembleBadInputTest {

  private static <T extends Throwable> T rejects(
      Class<T> type, String mustMention, Executable executable) {
    T thrown = assertThrows(type, executable);
    assertTrue(
        thrown.getMessage().contains(mustMention),
        "message should mention \"" + mustMention + "\": " + thrown.getMessage());
    return thrown;
  }

  private static Table table(double[] t, double[] v) {
    return Table.create("run").addColumns(DoubleColumn.create("t", t), DoubleColumn.create("v", v));
  }

  /** An ensemble of 4 realizations, master seed 1, of the given realization. */
  private static Ensemble four(Realization realization) {
    return Ensemble.of(realization).realizations(4).seed(1);
  }

  /** Realization i's index from its seed, for realizations that misbehave at one index. */
  private static int index(Seed seed) {
    for (int i = 0; i < 100; i++) {
      if (Seed.of(1).realization(i).equals(seed)) {
        return i;
      }
    }
    throw new AssertionError(seed);
  }

  private static final Realization GOOD =
      seed -> table(new double[] {0, 1}, new double[] {seed.uniform(0, 0), seed.uniform(0, 1)});

  @Test
  void builderArguments() {
    rejects(IllegalArgumentException.class, "Ensemble.of: realization", () -> Ensemble.of(null));
    rejects(
        IllegalArgumentException.class,
        "Ensemble.realizations: R must be >= 1, got 0",
        () -> Ensemble.of(GOOD).realizations(0));
    rejects(
        IllegalArgumentException.class,
        "R must be >= 1, got -5",
        () -> Ensemble.of(GOOD).realizations(-5));
    rejects(
        IllegalArgumentException.class, "Ensemble.seed: seed", () -> Ensemble.of(GOOD).seed(null));
    rejects(
        IllegalArgumentException.class,
        "Ensemble.by: columns",
        () -> Ensemble.of(GOOD).by((String[]) null));
    rejects(
        IllegalArgumentException.class,
        "columns[1] must be a column name, got null",
        () -> Ensemble.of(GOOD).by("t", null));
    rejects(
        IllegalArgumentException.class,
        "columns[0] must be a column name, got ' '",
        () -> Ensemble.of(GOOD).by(" "));
    rejects(
        IllegalArgumentException.class,
        "column 't' is given twice",
        () -> Ensemble.of(GOOD).by("t", "t"));
  }

  @Test
  void checkpointNames() {
    for (String bad :
        new String[] {"../escape", "a/b", "a\\b", "..", ".hidden", "", "a..b", "x y"}) {
      rejects(
          IllegalArgumentException.class,
          "Ensemble.checkpoint: name must be a plain directory name",
          () -> Ensemble.of(GOOD).checkpoint(bad));
    }
    rejects(
        IllegalArgumentException.class,
        "Ensemble.checkpoint: name",
        () -> Ensemble.of(GOOD).checkpoint((String) null));
    rejects(
        IllegalArgumentException.class,
        "Ensemble.checkpoint: directory",
        () -> Ensemble.of(GOOD).checkpoint((Path) null));
  }

  @Test
  void checkpointPathThatIsAFile(@TempDir Path temp) throws Exception {
    Path file = Files.writeString(temp.resolve("notes.txt"), "not a directory");
    rejects(IllegalArgumentException.class, "is a file", () -> four(GOOD).checkpoint(file).run());
  }

  @Test
  void runBeforeConfiguring() {
    rejects(
        IllegalStateException.class,
        "call realizations(R) first",
        () -> Ensemble.of(GOOD).seed(1).run());
    rejects(
        IllegalStateException.class,
        "no master seed; call seed(long) first",
        () -> Ensemble.of(GOOD).realizations(3).run());
    String summary = Ensemble.of(GOOD).toString();
    assertTrue(summary.contains("call realizations(R)") && summary.contains("seed"), summary);
    String ready = four(GOOD).by().toString();
    assertTrue(ready.contains("no key columns") && ready.endsWith("; call run()"), ready);
  }

  @Test
  void aThrowingRealizationIsNamedWithItsIndexAndSeed() {
    Seed third = Seed.of(1).realization(3);
    RealizationException e =
        rejects(
            RealizationException.class,
            "realization 3 (seed "
                + third.value()
                + ") failed: java.lang.ArithmeticException: boom",
            () ->
                four(seed -> {
                      if (index(seed) == 3) {
                        throw new ArithmeticException("boom");
                      }
                      return GOOD.run(seed);
                    })
                    .run());
    assertEquals(3, e.index());
    assertEquals(third, e.seed());
    assertTrue(e.getCause() instanceof ArithmeticException);
  }

  @Test
  void theFirstFailureInIndexOrderIsReportedOnAnyNumberOfThreads() {
    // Realizations 3 and 9 of 12 fail, 9 at once and 3 after a while: on two threads 9 fails
    // first, but realization 3 is the one reported, as on one thread.
    Realization twoFailures =
        seed -> {
          int i = index(seed);
          if (i == 9) {
            throw new ArithmeticException("nine");
          }
          Thread.sleep(5);
          if (i == 3) {
            throw new ArithmeticException("three");
          }
          return GOOD.run(seed);
        };
    for (int run = 0; run < 3; run++) {
      RealizationException e =
          assertThrows(
              RealizationException.class,
              () -> Ensemble.of(twoFailures).realizations(12).seed(1).run());
      assertEquals(3, e.index());
    }
  }

  @Test
  void aFailureKeepsTheRealizationsThatFinished(@TempDir Path directory) throws Exception {
    AtomicInteger calls = new AtomicInteger();
    Realization failsAtTwo =
        seed -> {
          calls.incrementAndGet();
          if (index(seed) == 2) {
            throw new IllegalStateException("no convergence");
          }
          return GOOD.run(seed);
        };
    RealizationException e =
        rejects(
            RealizationException.class,
            "run() computes only the missing ones",
            () -> four(failsAtTwo).checkpoint(directory).run());
    assertEquals(2, e.index());
    // After the fix, only what is missing runs.
    AtomicInteger rerun = new AtomicInteger();
    EnsembleResult fixed =
        four(seed -> {
              rerun.incrementAndGet();
              return GOOD.run(seed);
            })
            .checkpoint(directory)
            .run();
    assertEquals(4 - fixed.resumed(), rerun.get());
    assertTrue(fixed.resumed() >= 1, fixed.toString());
  }

  @Test
  void badTablesFromARealization() {
    rejects(
        IllegalArgumentException.class,
        "realization 0 (seed " + Seed.of(1).realization(0).value() + ") returned null",
        () -> four(seed -> null).run());
    rejects(
        IllegalArgumentException.class,
        "column 'v' is NaN (missing) at row 1",
        () -> four(seed -> table(new double[] {0, 1}, new double[] {1, Double.NaN})).run());
    rejects(
        IllegalArgumentException.class,
        "column 'v' is Infinity at row 0",
        () ->
            four(seed -> table(new double[] {0, 1}, new double[] {Double.POSITIVE_INFINITY, 1}))
                .run());
    rejects(
        IllegalArgumentException.class,
        "without rows",
        () -> four(seed -> table(new double[0], new double[0])).run());
    rejects(
        IllegalArgumentException.class,
        "without columns",
        () -> four(seed -> Table.create("empty")).run());
    rejects(
        IllegalArgumentException.class,
        "column 'flag' holds BOOLEAN values",
        () ->
            four(seed ->
                    GOOD.run(seed)
                        .addColumns(BooleanColumn.create("flag", new boolean[] {true, false})))
                .run());
    rejects(
        IllegalArgumentException.class,
        "column 'phase' of realization",
        () ->
            four(seed -> GOOD.run(seed).addColumns(StringColumn.create("phase", "a", "b"))).run());
  }

  @Test
  void realizationsThatDisagree() {
    rejects(
        IllegalArgumentException.class,
        "realization 2 has 3 rows, columns [t DOUBLE, v DOUBLE] but realization 0 has 2 rows",
        () ->
            four(seed ->
                    index(seed) == 2
                        ? table(new double[] {0, 1, 2}, new double[] {1, 2, 3})
                        : GOOD.run(seed))
                .run());
    rejects(
        IllegalArgumentException.class,
        "key column 't' differs at row 1: 1.0 in realization 0, 1.5 in realization 1",
        () ->
            four(seed -> table(new double[] {0, index(seed) == 1 ? 1.5 : 1}, new double[] {1, 2}))
                .run());
  }

  @Test
  void keyColumns() {
    rejects(
        IllegalArgumentException.class,
        "Ensemble.by: no column 'time' in the table of realization",
        () -> four(GOOD).by("time").run());
    Realization scalar =
        seed ->
            Table.create("scalar")
                .addColumns(DoubleColumn.create("xi", new double[] {seed.uniform(0, 0)}));
    rejects(
        IllegalArgumentException.class,
        "call by() with no names if it is a measured value",
        () -> four(scalar).run());
    rejects(
        IllegalArgumentException.class,
        "call by(...) with fewer names",
        () -> four(GOOD).by("t", "v").run());
    assertEquals(1, four(scalar).by().run().mean().rowCount());
  }

  @Test
  void columnNamesTheResultsWouldRepeat() {
    rejects(
        IllegalArgumentException.class,
        "the standard error of column 'v' goes into a column 'v_sem'",
        () ->
            four(seed ->
                    GOOD.run(seed).addColumns(DoubleColumn.create("v_sem", new double[] {0, 0})))
                .run());
    rejects(
        IllegalArgumentException.class,
        "has a column named 'realization'",
        () ->
            four(seed ->
                    GOOD.run(seed)
                        .addColumns(DoubleColumn.create("realization", new double[] {0, 0})))
                .run());
  }

  @Test
  void resultAccessors() {
    EnsembleResult result = four(GOOD).run();
    rejects(
        IllegalArgumentException.class,
        "EnsembleResult.realization: index must be in [0, 3], got 4",
        () -> result.realization(4));
    // Tables handed out are copies: changing one does not change the result.
    Table mean = result.mean();
    mean.removeColumns("v");
    assertEquals(3, result.mean().columnCount());
    assertSame(4, result.count());
  }
}
