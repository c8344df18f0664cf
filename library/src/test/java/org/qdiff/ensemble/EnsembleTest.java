package org.qdiff.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qdiff.ensemble.Tables.assertIdentical;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hipparchus.stat.descriptive.moment.Mean;
import org.hipparchus.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.api.Test;
import org.qdiff.numeric.Parallel;
import org.qdiff.propagate.TimeGrid;
import org.qdiff.random.Seed;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Ensemble averages: reproducibility and exact statistical facts. */
class EnsembleTest {

  @Test
  void andersonEnsembleIsBitIdenticalOnOneAndTwoThreads() throws Exception {
    // Anderson model (10) on an open chain of 201 sites, W = 2, 8 realizations, t = 0, 2, ..., 10.
    AtomicInteger finished = new AtomicInteger();
    Realization anderson =
        Workloads.andersonChain(201, 2.0, TimeGrid.linear(0, 10, 6), 0, finished);
    int original = Parallel.threads();
    EnsembleResult one;
    EnsembleResult two;
    try {
      Parallel.setThreads(1);
      one = Ensemble.of(anderson).realizations(8).seed(42).by("t").run();
      Parallel.setThreads(2);
      two = Ensemble.of(anderson).realizations(8).seed(42).by("t").run();
    } finally {
      Parallel.setThreads(original);
    }
    System.out.println(one);
    System.out.println(one.mean());
    assertEquals(16, finished.get());
    assertEquals(List.of("t"), two.keys());
    assertEquals(List.of("msd", "return_probability"), two.averaged());
    assertEquals(
        List.of("t", "msd", "msd_sem", "return_probability", "return_probability_sem"),
        two.mean().columnNames());
    assertIdentical(one.mean(), two.mean());
    assertIdentical(one.realizations(), two.realizations());
    // Realization i had the disorder of seed.realization(i), whoever ran it.
    for (int i : new int[] {0, 5, 7}) {
      assertIdentical(anderson.run(Seed.of(42).realization(i)), two.realization(i));
    }
    Table all = two.realizations();
    assertEquals(8 * 6, all.rowCount());
    assertEquals("realization", all.columnNames().get(0));
    assertEquals(5, ((IntColumn) all.column("realization")).getInt(5 * 6 + 2));
    // Disorder slows spreading but cannot stop it at t = 10 in a chain this long: msd > 0 with a
    // positive standard error, which shrinks nowhere to zero except at t = 0.
    DoubleColumn msd = two.mean().doubleColumn("msd");
    DoubleColumn sem = two.mean().doubleColumn("msd_sem");
    assertEquals(0.0, msd.getDouble(0));
    assertEquals(0.0, sem.getDouble(0));
    for (int row = 1; row < 6; row++) {
      assertTrue(msd.getDouble(row) > 0 && sem.getDouble(row) > 0, "row " + row);
    }
  }

  @Test
  void shortTimeMeanSquaredDisplacementDeficitAveragesToWSquaredOver36() {
    // For a particle started on site 0 of a chain with hopping 1 and potential v, the Taylor series
    // of (3) gives msd(t) = 2 t^2 - t^4 [(v_1 - v_0)^2 + (v_-1 - v_0)^2] / 12 + O(t^6). For box
    // disorder of width W (variance s2 = W^2 / 12, fourth moment m4 = W^4 / 80) the deficit
    // q = (2 t^2 - msd) / t^4 has mean 2 * 2 s2 / 12 = W^2 / 36 and variance (6 m4 + 2 s2^2) / 144.
    double w = 2.0;
    double t = 0.02;
    int r = 2000;
    AtomicInteger finished = new AtomicInteger();
    Realization msd = Workloads.andersonChain(21, w, TimeGrid.of(t), 0, finished);
    EnsembleResult result =
        Ensemble.of(
                seed -> {
                  double m = msd.run(seed).doubleColumn("msd").getDouble(0);
                  return Table.create("deficit")
                      .addColumns(
                          DoubleColumn.create(
                              "q", new double[] {(2 * t * t - m) / (t * t * t * t)}));
                })
            .realizations(r)
            .seed(2024)
            .by()
            .run();
    Table mean = result.mean();
    assertEquals(List.of("q", "q_sem"), mean.columnNames());
    assertEquals(1, mean.rowCount());
    double q = mean.doubleColumn("q").getDouble(0);
    double sem = mean.doubleColumn("q_sem").getDouble(0);
    double s2 = w * w / 12;
    double m4 = w * w * w * w / 80;
    double exactMean = w * w / 36;
    double exactSem = Math.sqrt((6 * m4 + 2 * s2 * s2) / 144 / r);
    System.out.printf(
        "msd deficit at t = %s, W = %s, R = %d: %.5f +- %.5f (exact mean %.5f, sem %.5f), %s%n",
        t, w, r, q, sem, exactMean, exactSem, result);
    assertTrue(Math.abs(q - exactMean) < 4 * sem, "mean " + q + " vs " + exactMean);
    // The sample standard deviation of R = 2000 values of q is within ~3% of the exact one.
    assertEquals(exactSem, sem, 0.15 * exactSem);
  }

  @Test
  void sampleMeansOfBoxDisorderAverageToZeroWithStandardErrorWOverSqrt12nR() throws Exception {
    // Realization: the mean of n = 100 values of box disorder of width W = 2 (variance W^2 / 12).
    // Over R = 4000 realizations the standard error is W / sqrt(12 n R) = 9.13e-4; its estimate
    // from the sample has a relative spread of 1 / sqrt(2 (R - 1)) = 1.1%.
    double w = 2.0;
    int n = 100;
    int r = 4000;
    AtomicInteger finished = new AtomicInteger();
    Realization sampleMean = Workloads.boxSampleMean(w, n, 0, finished);
    EnsembleResult result = Ensemble.of(sampleMean).realizations(r).seed(7).by().run();
    double mean = result.mean().doubleColumn("v").getDouble(0);
    double sem = result.mean().doubleColumn("v_sem").getDouble(0);
    double exactSem = w / Math.sqrt(12.0 * n * r);
    System.out.printf(
        "box sample means, R = %d: %.3e +- %.4e (exact sem %.4e), %s%n",
        r, mean, sem, exactSem, result);
    assertEquals(r, finished.get());
    assertTrue(Math.abs(mean) < 4 * sem, "mean " + mean + " sem " + sem);
    assertEquals(exactSem, sem, 0.05 * exactSem);
    // The same numbers by Hipparchus, straight from the seeds.
    double[] values = new double[r];
    for (int i = 0; i < r; i++) {
      values[i] =
          Workloads.boxSampleMean(w, n, 0, new AtomicInteger())
              .run(Seed.of(7).realization(i))
              .doubleColumn("v")
              .getDouble(0);
    }
    assertEquals(new Mean().evaluate(values), mean, 1e-15);
    assertEquals(new StandardDeviation(true).evaluate(values) / Math.sqrt(r), sem, 1e-12 * sem);
    assertEquals(values[123], result.realizations().doubleColumn("v").getDouble(123));
  }

  @Test
  void oneRealizationHasZeroStandardErrorAndAWarning() {
    EnsembleResult result =
        Ensemble.of(Workloads.boxSampleMean(1.0, 10, 0, new AtomicInteger()))
            .realizations(1)
            .seed(3)
            .by()
            .run();
    assertEquals(0.0, result.mean().doubleColumn("v_sem").getDouble(0));
    assertEquals(1, result.warnings().size());
    assertTrue(result.warnings().get(0).contains("R = 1"), result.warnings().get(0));
    assertTrue(result.toString().contains("warning"), result.toString());
  }

  @Test
  void orderOfCompletionDoesNotMatter() {
    // Realization i sleeps longer the smaller i is, so on two threads they finish roughly in
    // reverse order; the tables are those of one thread, where they finish in order.
    int r = 8;
    Map<Seed, Integer> index = new HashMap<>();
    for (int i = 0; i < r; i++) {
      index.put(Seed.of(5).realization(i), i);
    }
    Realization backwards =
        seed -> {
          Thread.sleep(10L * (r - index.get(seed)));
          return Table.create("keyed")
              .addColumns(
                  DoubleColumn.create("t", new double[] {0, 1, 2}),
                  DoubleColumn.create(
                      "y",
                      new double[] {seed.uniform(0, 0), seed.uniform(0, 1), seed.normal(1, 2)}));
        };
    int original = Parallel.threads();
    EnsembleResult one;
    EnsembleResult two;
    try {
      Parallel.setThreads(1);
      one = Ensemble.of(backwards).realizations(r).seed(5).run();
      Parallel.setThreads(2);
      two = Ensemble.of(backwards).realizations(r).seed(5).run();
    } finally {
      Parallel.setThreads(original);
    }
    assertEquals(List.of("t"), one.keys());
    assertIdentical(one.mean(), two.mean());
    assertIdentical(one.realizations(), two.realizations());
  }

  @Test
  void twoThreadsRunTwoRealizationsAtOnce() {
    // Each realization waits at a barrier for a second one: it can only finish when two run at
    // the same time on two threads. Run one after the other, the first would wait alone until the
    // timeout and fail the ensemble. No CPU time is needed, so a busy machine cannot fail this.
    CyclicBarrier pair = new CyclicBarrier(2);
    Set<String> threads = ConcurrentHashMap.newKeySet();
    Realization paired =
        seed -> {
          threads.add(Thread.currentThread().getName());
          pair.await(60, TimeUnit.SECONDS);
          return Table.create("paired")
              .addColumns(
                  DoubleColumn.create("t", new double[] {0}),
                  DoubleColumn.create("y", new double[] {seed.uniform(0, 0)}));
        };
    int original = Parallel.threads();
    EnsembleResult result;
    try {
      Parallel.setThreads(2);
      result = Ensemble.of(paired).realizations(6).seed(3).run();
    } finally {
      Parallel.setThreads(original);
    }
    assertEquals(6, result.realizations().rowCount());
    assertEquals(2, threads.size(), threads.toString());
  }

  @Test
  void integerLongAndStringColumnsKeepTheirTypesThroughACheckpoint(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path directory) {
    // Keys: an int position and a string label; values: a long count and a double.
    Realization mixed =
        seed ->
            Table.create("mixed")
                .addColumns(
                    IntColumn.create("x", -1, 0, 1),
                    StringColumn.create("label", "left", "centre", "right"),
                    LongColumn.create(
                        "count", (seed.value() >>> 40) + 1, seed.value() >>> 40, 7L + 0),
                    DoubleColumn.create("p", seed.uniform(0, 0), seed.uniform(0, 1), 0.5));
    EnsembleResult first =
        Ensemble.of(mixed).realizations(5).seed(11).by("x", "label").checkpoint(directory).run();
    EnsembleResult again =
        Ensemble.of(mixed).realizations(5).seed(11).by("x", "label").checkpoint(directory).run();
    assertEquals(5, first.computed());
    assertEquals(0, again.computed());
    assertEquals(5, again.resumed());
    assertIdentical(first.mean(), again.mean());
    assertIdentical(first.realizations(), again.realizations());
    Table mean = again.mean();
    assertEquals(List.of("x", "label", "count", "count_sem", "p", "p_sem"), mean.columnNames());
    assertTrue(mean.column("x") instanceof IntColumn);
    assertTrue(mean.column("label") instanceof StringColumn);
    double sum = 0;
    for (int i = 0; i < 5; i++) {
      sum += Seed.of(11).realization(i).value() >>> 40;
    }
    assertEquals(sum / 5, mean.doubleColumn("count").getDouble(1), 1e-9 * sum);
    assertEquals(7.0, mean.doubleColumn("count").getDouble(2));
    assertEquals(0.0, mean.doubleColumn("count_sem").getDouble(2));
    assertTrue(again.realizations().column("count") instanceof LongColumn);
  }
}
