package org.qdiff.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qdiff.progress.Progress;
import org.qdiff.progress.ProgressReporter;
import org.qdiff.propagate.TimeGrid;

/** One progress bar per ensemble, counting realizations, saved ones included. */
class EnsembleProgressTest {

  @Test
  void oneBarCountsRealizationsAndHidesTheEvolutionsInside(@TempDir Path directory) {
    Realization anderson =
        Workloads.andersonChain(51, 2.0, TimeGrid.linear(0, 4, 5), 0, new AtomicInteger());
    // Two realizations saved by an earlier, shorter run.
    Ensemble.of(anderson).realizations(2).seed(3).checkpoint(directory).run();

    List<String> labels = Collections.synchronizedList(new ArrayList<>());
    List<Long> totals = Collections.synchronizedList(new ArrayList<>());
    List<Long> reported = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger closed = new AtomicInteger();
    Progress.install(
        (label, total) -> {
          labels.add(label);
          totals.add(total);
          return new ProgressReporter() {
            @Override
            public void advance(long done) {
              reported.add(done);
            }

            @Override
            public void close() {
              closed.incrementAndGet();
            }
          };
        });
    try {
      Ensemble.of(anderson).realizations(6).seed(3).checkpoint(directory).run();
    } finally {
      Progress.silence();
    }
    assertEquals(List.of("ensemble " + directory.getFileName()), labels);
    assertEquals(List.of(6L), totals);
    assertEquals(List.of(2L, 3L, 4L, 5L, 6L), reported);
    assertEquals(1, closed.get());
    // Outside an ensemble, an evolution reports again.
    List<String> after = new ArrayList<>();
    Progress.install(
        (label, total) -> {
          after.add(label);
          return ProgressReporter.SILENT;
        });
    try {
      anderson.run(org.qdiff.random.Seed.of(1));
    } catch (Exception e) {
      throw new AssertionError(e);
    } finally {
      Progress.silence();
    }
    assertTrue(after.contains("evolution"), after.toString());
  }
}
