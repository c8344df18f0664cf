package org.qdiff.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.qdiff.ensemble.Tables.assertIdentical;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qdiff.numeric.Parallel;
import org.qdiff.propagate.TimeGrid;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** Checkpoints: kill and resume, interrupt and resume, damaged or foreign files. */
class EnsembleCheckpointTest {

  /** Master seed of the kill test's ensemble (also used by {@link EnsembleChild}). */
  static final long SEED = 1234;

  /** The kill test's realization: Anderson chain of 101 sites, W = 2, t = 0, 2, ..., 8. */
  static Realization anderson(long pauseMillis, AtomicInteger finished) {
    return Workloads.andersonChain(101, 2.0, TimeGrid.linear(0, 8, 5), pauseMillis, finished);
  }

  private static List<String> names(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  private static long saved(Path directory) throws IOException {
    return names(directory).stream().filter(n -> n.matches("realization-\\d+\\.ckpt")).count();
  }

  /** Waits until at least {@code count} realizations are saved, failing after 60 s. */
  private static void awaitSaved(Path directory, long count, Process child, Path log)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (saved(directory) < count) {
      if (child != null && !child.isAlive()) {
        fail("the child JVM ended before it was killed:\n" + Files.readString(log));
      }
      if (System.nanoTime() > deadline) {
        fail("no " + count + " realizations saved after 60 s: " + names(directory));
      }
      Thread.sleep(2);
    }
  }

  @Test
  void killedEnsembleResumesToTheTablesOfAnUninterruptedOne(@TempDir Path temp) throws Exception {
    // 16 realizations of 150 ms on two threads: killed after 8, about 0.6 s before the end.
    int r = 16;
    Path killed = temp.resolve("killed");
    Path log = temp.resolve("child.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                EnsembleChild.class.getName(),
                killed.toString(),
                Integer.toString(r),
                "150")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      awaitSaved(killed, r / 2, child, log);
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs in the child
      assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child JVM did not die");
    } finally {
      child.destroyForcibly();
    }
    long saved = saved(killed);
    System.out.println("killed with " + saved + " of " + r + " saved: " + names(killed));
    assertTrue(saved >= r / 2 && saved < r, saved + " saved");

    AtomicInteger resumedRuns = new AtomicInteger();
    EnsembleResult resumed =
        Ensemble.of(anderson(0, resumedRuns)).realizations(r).seed(SEED).checkpoint(killed).run();
    System.out.println(resumed);
    assertEquals(saved, resumed.resumed());
    assertEquals(r - saved, resumed.computed());
    assertEquals(r - saved, resumedRuns.get(), "only the missing realizations are computed");

    AtomicInteger wholeRuns = new AtomicInteger();
    EnsembleResult whole =
        Ensemble.of(anderson(0, wholeRuns))
            .realizations(r)
            .seed(SEED)
            .checkpoint(temp.resolve("whole"))
            .run();
    assertEquals(r, wholeRuns.get());
    assertIdentical(whole.mean(), resumed.mean());
    assertIdentical(whole.realizations(), resumed.realizations());
    // Every realization once, no temporary file left behind by the killed writer.
    List<String> files = names(killed);
    assertEquals(r, saved(killed));
    assertEquals(r + 1, files.size(), "realization files and the lock only: " + files);
  }

  @ParameterizedTest(name = "{0} thread(s)")
  @ValueSource(ints = {1, 2})
  void interruptedEnsembleKeepsFinishedRealizationsAndResumes(int threads, @TempDir Path directory)
      throws Exception {
    // 32 realizations of 40 ms: interrupted after 4, long before the end even on two threads.
    int r = 32;
    AtomicInteger finished = new AtomicInteger();
    Realization slow = Workloads.boxSampleMean(2.0, 50, 40, finished);
    int original = Parallel.threads();
    Parallel.setThreads(threads);
    try {
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      Thread notebook =
          new Thread(
              () -> {
                try {
                  Ensemble.of(slow).realizations(r).seed(9).by().checkpoint(directory).run();
                } catch (Throwable e) {
                  thrown.set(e);
                }
              });
      notebook.start();
      awaitSaved(directory, 4, null, null);
      notebook.interrupt();
      notebook.join(TimeUnit.SECONDS.toMillis(30));
      assertFalse(notebook.isAlive(), "the ensemble did not stop");
      Throwable e = thrown.get();
      assertTrue(e instanceof CancellationException, "thrown: " + e);
      long saved = saved(directory);
      System.out.println(threads + " thread(s): " + e.getMessage());
      assertTrue(saved >= 4 && saved < r, saved + " saved");
      assertTrue(
          e.getMessage().contains(saved + " of " + r + " realizations are saved in " + directory),
          e.getMessage());
      assertTrue(e.getMessage().contains("Call run() again to resume"), e.getMessage());
      // The realizations running when the interrupt came were finished and saved (two threads) or
      // stopped by it (one thread, where the realization runs on the interrupted thread); none
      // started after it.
      assertEquals(saved, finished.get());

      EnsembleResult resumed =
          Ensemble.of(slow).realizations(r).seed(9).by().checkpoint(directory).run();
      assertEquals(saved, resumed.resumed());
      assertEquals(r, finished.get(), "each realization ran to its end exactly once");
      EnsembleResult whole =
          Ensemble.of(Workloads.boxSampleMean(2.0, 50, 0, new AtomicInteger()))
              .realizations(r)
              .seed(9)
              .by()
              .run();
      assertIdentical(whole.mean(), resumed.mean());
      assertIdentical(whole.realizations(), resumed.realizations());
    } finally {
      Parallel.setThreads(original);
    }
  }

  @Test
  void interruptWithoutCheckpointSaysNothingIsSaved() throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicInteger finished = new AtomicInteger();
    Thread notebook =
        new Thread(
            () -> {
              try {
                Ensemble.of(Workloads.boxSampleMean(2.0, 50, 40, finished))
                    .realizations(40)
                    .seed(9)
                    .by()
                    .run();
              } catch (Throwable e) {
                thrown.set(e);
              }
            });
    notebook.start();
    while (finished.get() < 2) {
      Thread.sleep(2);
    }
    notebook.interrupt();
    notebook.join(TimeUnit.SECONDS.toMillis(30));
    assertTrue(thrown.get() instanceof CancellationException, "thrown: " + thrown.get());
    assertTrue(thrown.get().getMessage().contains("nothing is saved"), thrown.get().getMessage());
  }

  /** A finished checkpoint of 4 quick realizations; returns the file of realization 2. */
  private static Path checkpointOfFour(Path directory) {
    Ensemble.of(Workloads.boxSampleMean(2.0, 10, 0, new AtomicInteger()))
        .realizations(4)
        .seed(5)
        .by()
        .checkpoint(directory)
        .run();
    return directory.resolve("realization-000002.ckpt");
  }

  private static CheckpointException rejected(Path directory, long seed, Path file) {
    CheckpointException e =
        assertThrows(
            CheckpointException.class,
            () ->
                Ensemble.of(Workloads.boxSampleMean(2.0, 10, 0, new AtomicInteger()))
                    .realizations(4)
                    .seed(seed)
                    .by()
                    .checkpoint(directory)
                    .run());
    System.out.println(e.getMessage());
    assertEquals(file, e.file());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    return e;
  }

  @Test
  void flippedByteIsReportedNamingTheFileAndTheFix(@TempDir Path directory) throws Exception {
    Path file = checkpointOfFour(directory);
    Table before =
        Ensemble.of(Workloads.boxSampleMean(2.0, 10, 0, new AtomicInteger()))
            .realizations(4)
            .seed(5)
            .by()
            .run()
            .mean();
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x10;
    Files.write(file, bytes);
    CheckpointException e = rejected(directory, 5, file);
    assertTrue(e.getMessage().contains("checksum does not match"), e.getMessage());
    assertTrue(e.getMessage().contains("Delete this file"), e.getMessage());
    // Rejected again on the next run: never skipped, never trusted.
    rejected(directory, 5, file);
    // Following the advice recomputes that realization only.
    Files.delete(file);
    AtomicInteger runs = new AtomicInteger();
    EnsembleResult fixed =
        Ensemble.of(Workloads.boxSampleMean(2.0, 10, 0, runs))
            .realizations(4)
            .seed(5)
            .by()
            .checkpoint(directory)
            .run();
    assertEquals(1, runs.get());
    assertEquals(3, fixed.resumed());
    assertIdentical(before, fixed.mean());
  }

  @Test
  void truncatedEmptyOrForeignFilesAreReported(@TempDir Path directory) throws Exception {
    Path file = checkpointOfFour(directory);
    byte[] bytes = Files.readAllBytes(file);

    Files.write(file, Arrays.copyOf(bytes, bytes.length - 3));
    assertTrue(rejected(directory, 5, file).getMessage().contains("checksum does not match"));

    Files.write(file, Arrays.copyOf(bytes, 10));
    assertTrue(rejected(directory, 5, file).getMessage().contains("truncated"));

    Files.write(file, new byte[0]);
    assertTrue(rejected(directory, 5, file).getMessage().contains("truncated"));

    Files.writeString(file, "t,v\n0,1.5\n");
    assertTrue(rejected(directory, 5, file).getMessage().contains("does not start like"));

    // The file of realization 1 renamed to that of realization 2.
    Files.copy(
        directory.resolve("realization-000001.ckpt"),
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertTrue(
        rejected(directory, 5, file)
            .getMessage()
            .contains("its name says realization 2 but it holds realization 1"));
  }

  @Test
  void checkpointOfAnotherMasterSeedIsReported(@TempDir Path directory) {
    checkpointOfFour(directory);
    CheckpointException e = rejected(directory, 6, directory.resolve("realization-000000.ckpt"));
    assertTrue(e.getMessage().contains("master seed 5"), e.getMessage());
    assertTrue(e.getMessage().contains("seed(6)"), e.getMessage());
    assertTrue(e.getMessage().contains("delete the directory"), e.getMessage());
  }

  @Test
  void checkpointWithOtherColumnsIsReported(@TempDir Path directory) {
    checkpointOfFour(directory);
    // Same seed and name, other measurements: found at the first realization computed now.
    CheckpointException e =
        assertThrows(
            CheckpointException.class,
            () ->
                Ensemble.of(
                        seed ->
                            Table.create("other")
                                .addColumns(
                                    DoubleColumn.create("w", new double[] {seed.uniform(0, 0)})))
                    .realizations(5)
                    .seed(5)
                    .by()
                    .checkpoint(directory)
                    .run());
    System.out.println(e.getMessage());
    assertTrue(e.getMessage().contains("[w DOUBLE]"), e.getMessage());
    assertTrue(e.getMessage().contains("[v DOUBLE]"), e.getMessage());
    assertTrue(e.getMessage().contains("another ensemble"), e.getMessage());
  }

  @Test
  void leftoverTemporaryFilesAreDeletedAndMoreRealizationsExtendTheSavedOnes(
      @TempDir Path directory) throws Exception {
    checkpointOfFour(directory);
    // What a writer killed before its rename leaves: a hidden, partial temporary file.
    Path leftover = directory.resolve(".realization-000004.ckpt.crashed.tmp");
    Files.write(leftover, new byte[] {1, 2, 3});
    AtomicInteger runs = new AtomicInteger();
    EnsembleResult six =
        Ensemble.of(Workloads.boxSampleMean(2.0, 10, 0, runs))
            .realizations(6)
            .seed(5)
            .by()
            .checkpoint(directory)
            .run();
    assertFalse(Files.exists(leftover));
    assertEquals(2, runs.get());
    assertEquals(4, six.resumed());
    assertEquals(2, six.computed());
    EnsembleResult fresh =
        Ensemble.of(Workloads.boxSampleMean(2.0, 10, 0, new AtomicInteger()))
            .realizations(6)
            .seed(5)
            .by()
            .run();
    assertIdentical(fresh.mean(), six.mean());
    // Fewer realizations than saved: the first R are used, the others kept on disk.
    EnsembleResult three =
        Ensemble.of(Workloads.boxSampleMean(2.0, 10, 0, runs))
            .realizations(3)
            .seed(5)
            .by()
            .checkpoint(directory)
            .run();
    assertEquals(2, runs.get());
    assertEquals(3, three.resumed());
    assertTrue(three.toString().contains("3 saved beyond R not used"), three.toString());
    assertEquals(6, saved(directory));
  }

  @Test
  void namedCheckpointLivesUnderTheDataDirectory(@TempDir Path data) {
    String previous = System.getProperty("qdiff.data");
    System.setProperty("qdiff.data", data.toString());
    try {
      EnsembleResult result =
          Ensemble.of(Workloads.boxSampleMean(2.0, 10, 0, new AtomicInteger()))
              .realizations(2)
              .seed(1)
              .by()
              .checkpoint("box_W2")
              .run();
      Path expected = data.resolve("ensembles").resolve("box_W2");
      assertEquals(expected, result.checkpoint().orElseThrow());
      assertTrue(Files.isRegularFile(expected.resolve("realization-000001.ckpt")));
    } finally {
      if (previous == null) {
        System.clearProperty("qdiff.data");
      } else {
        System.setProperty("qdiff.data", previous);
      }
    }
  }

  @Test
  void twoRunsCannotShareADirectoryAtOnce(@TempDir Path directory) throws Exception {
    AtomicInteger started = new AtomicInteger();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread first =
        new Thread(
            () -> {
              try {
                Ensemble.of(
                        seed -> {
                          started.incrementAndGet();
                          Thread.sleep(300);
                          return Table.create("x")
                              .addColumns(DoubleColumn.create("v", new double[] {1}));
                        })
                    .realizations(2)
                    .seed(1)
                    .by()
                    .checkpoint(directory)
                    .run();
              } catch (Throwable e) {
                thrown.set(e);
              }
            });
    first.start();
    while (started.get() == 0) {
      Thread.sleep(2);
    }
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                Ensemble.of(Workloads.boxSampleMean(2.0, 10, 0, new AtomicInteger()))
                    .realizations(2)
                    .seed(1)
                    .by()
                    .checkpoint(directory)
                    .run());
    assertTrue(e.getMessage().contains("another run is using"), e.getMessage());
    first.join();
    assertEquals(null, thrown.get());
  }
}
