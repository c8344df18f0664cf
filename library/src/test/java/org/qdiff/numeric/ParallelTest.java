package org.qdiff.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The parallel loops: each index once, failures rethrown after every begun block has ended. */
class ParallelTest {

  private int threadsBefore;

  @BeforeEach
  void twoThreads() {
    threadsBefore = Parallel.threads();
    Parallel.setThreads(2);
  }

  @AfterEach
  void restoreThreads() {
    Parallel.setThreads(threadsBefore);
  }

  @Test
  void everyIndexIsVisitedOnceOnTwoThreads() {
    for (int n : new int[] {Parallel.BLOCK + 1, 5 * Parallel.BLOCK - 3, 64 * Parallel.BLOCK}) {
      AtomicIntegerArray visits = new AtomicIntegerArray(n);
      Parallel.forRange(
          n,
          (from, to) -> {
            assertEquals(0, from % Parallel.BLOCK, "blocks start at multiples of BLOCK");
            for (int i = from; i < to; i++) {
              visits.incrementAndGet(i);
            }
          });
      for (int i = 0; i < n; i++) {
        assertEquals(1, visits.get(i), "index " + i + " of " + n);
      }
    }
  }

  @Test
  void theCallerAndAPoolThreadShareTheBlocks() {
    int n = 4;
    AtomicIntegerArray visits = new AtomicIntegerArray(n);
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    Parallel.forRange(
        n,
        1,
        (from, to) -> {
          threads.add(Thread.currentThread());
          visits.incrementAndGet(from);
          // Each block waits (up to 5 s) until a second thread has taken one, so that the pool's
          // thread gets its turn however busy the machine is.
          long start = System.nanoTime();
          while (threads.size() < 2 && System.nanoTime() - start < 5_000_000_000L) {
            Thread.onSpinWait();
          }
        });
    for (int i = 0; i < n; i++) {
      assertEquals(1, visits.get(i), "index " + i);
    }
    assertEquals(2, threads.size(), "threads that ran blocks: " + threads);
    assertTrue(threads.contains(Thread.currentThread()), "the caller ran blocks too");
  }

  @Test
  void aLoopInsideAParallelLoopVisitsEveryIndexOnce() {
    int outer = 8;
    int inner = 3 * Parallel.BLOCK + 7;
    AtomicInteger total = new AtomicInteger();
    Parallel.forRange(
        outer,
        1,
        (from, to) ->
            Parallel.forRange(
                inner,
                (a, b) -> {
                  total.addAndGet(b - a);
                }));
    assertEquals(outer * inner, total.get());
  }

  @Test
  void aFailingBlockIsRethrownAfterTheOtherBlocksEnded() {
    AtomicInteger running = new AtomicInteger();
    IllegalStateException failure = new IllegalStateException("block 3 failed");
    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class,
            () ->
                Parallel.forRange(
                    16,
                    1,
                    (from, to) -> {
                      running.incrementAndGet();
                      try {
                        long start = System.nanoTime();
                        while (System.nanoTime() - start < 1_000_000) {
                          Thread.onSpinWait();
                        }
                        if (from == 3) {
                          throw failure;
                        }
                      } finally {
                        running.decrementAndGet();
                      }
                    }));
    assertSame(failure, thrown);
    assertEquals(0, running.get(), "no block still runs after forRange returned");
  }

  @Test
  void sumsDoNotDependOnTheThreadCount() {
    int n = 9 * Parallel.BLOCK + 11;
    Parallel.RangeSum body =
        (from, to) -> {
          double s = 0;
          for (int i = from; i < to; i++) {
            s += 1.0 / (1.0 + i);
          }
          return s;
        };
    double two = Parallel.sum(n, body);
    Parallel.setThreads(1);
    double one = Parallel.sum(n, body);
    assertEquals(Double.doubleToLongBits(one), Double.doubleToLongBits(two));
  }
}
