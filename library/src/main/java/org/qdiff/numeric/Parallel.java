package org.qdiff.numeric;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Future;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The thread pool of qdiff's kernels and the loops that use it.
 *
 * <p>Index ranges are cut into blocks of a fixed size ({@link #BLOCK}) that does not depend on the
 * number of threads; reductions sum each block sequentially and then add the block results in block
 * order. The numbers therefore do not depend on how many threads run, only the speed does.
 *
 * <p>The loops ({@link #forRange}) run on the calling thread and on the pool's other threads
 * together, each taking the next block from a shared counter: the caller starts at once instead of
 * waiting for a parked worker to wake, and it waits only for blocks another thread has already
 * taken, never for a task to start. A pool handoff ({@code invoke}) cost about 100 µs per loop on
 * the 2-core machine, a tenth of a Hamiltonian application at 64³.
 */
public final class Parallel {

  /** Sites per block: large enough to amortize task overhead, small enough to balance 2 cores. */
  public static final int BLOCK = 1 << 15;

  private static volatile ForkJoinPool pool =
      new ForkJoinPool(Runtime.getRuntime().availableProcessors());

  private Parallel() {}

  /** Body of a parallel loop over {@code [from, to)}. */
  @FunctionalInterface
  public interface RangeBody {
    void run(int from, int to);
  }

  /** Body of a parallel reduction over {@code [from, to)}, returning the block's partial sum. */
  @FunctionalInterface
  public interface RangeSum {
    double sum(int from, int to);
  }

  /** Number of threads the kernels use. */
  public static int threads() {
    return pool.getParallelism();
  }

  /**
   * Sets the number of threads the kernels use (default: the available processors).
   *
   * @param threads at least 1
   * @throws IllegalArgumentException if {@code threads < 1}
   */
  public static synchronized void setThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException(
          "Parallel.setThreads: threads must be >= 1, got " + threads);
    }
    if (threads != pool.getParallelism()) {
      ForkJoinPool old = pool;
      pool = new ForkJoinPool(threads);
      old.shutdown();
    }
  }

  /** Runs {@code body} over {@code [0, n)} in blocks, on the pool. */
  public static void forRange(int n, RangeBody body) {
    if (n <= BLOCK || pool.getParallelism() == 1) {
      body.run(0, n);
      return;
    }
    shareBlocks(body, n, BLOCK);
  }

  /**
   * Runs {@code body} over {@code [0, n)} in blocks of {@code block} indices, on the pool: for
   * loops whose iterations are heavy (a column of a dense matrix, a whole stochastic trajectory),
   * where blocks of {@link #BLOCK} would leave all work to one thread. Each index is visited once;
   * when the body writes only what belongs to its indices, the result does not depend on the number
   * of threads.
   *
   * @param n number of indices, >= 0
   * @param block indices per task, >= 1
   * @param body the loop body, called on disjoint ranges
   * @throws IllegalArgumentException if {@code block < 1}
   */
  public static void forRange(int n, int block, RangeBody body) {
    if (block < 1) {
      throw new IllegalArgumentException("Parallel.forRange: block must be >= 1, got " + block);
    }
    if (n <= block || pool.getParallelism() == 1) {
      body.run(0, n);
      return;
    }
    shareBlocks(body, n, block);
  }

  /** Spins before a waiting caller yields its core: about the time of a small block. */
  private static final int SPINS_BEFORE_YIELD = 1 << 12;

  /**
   * Runs the blocks of {@code [0, n)} on the caller and on up to parallelism - 1 pool threads, each
   * taking the next block from a shared counter. After a failure the blocks not yet begun are
   * skipped and the first failure is rethrown once every begun block has ended, so no body still
   * runs when this returns. A loop inside a parallel loop (the caller is one of the pool's threads)
   * forks its blocks as pool tasks instead, which the pool's idle threads steal.
   */
  private static void shareBlocks(RangeBody body, int n, int block) {
    final int blocks = (int) (((long) n + block - 1) / block);
    ForkJoinPool shared = pool;
    if (ForkJoinTask.getPool() == shared) {
      new BlockTask(body, n, block, 0, blocks).invoke();
      return;
    }
    final AtomicInteger next = new AtomicInteger();
    final AtomicInteger ended = new AtomicInteger();
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable takeBlocks =
        () -> {
          for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
            try {
              if (failure.get() == null) {
                int from = b * block;
                body.run(from, (int) Math.min(n, (long) from + block));
              }
            } catch (Throwable e) {
              failure.compareAndSet(null, e);
            } finally {
              ended.incrementAndGet();
            }
          }
        };
    int helpers = Math.min(shared.getParallelism(), blocks) - 1;
    for (int k = 0; k < helpers; k++) {
      shared.execute(takeBlocks);
    }
    takeBlocks.run();
    for (int spins = 0; ended.get() < blocks; spins++) {
      if (spins < SPINS_BEFORE_YIELD) {
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
    }
    Throwable e = failure.get();
    if (e instanceof RuntimeException) {
      throw (RuntimeException) e;
    }
    if (e instanceof Error) {
      throw (Error) e;
    }
    if (e != null) {
      throw new IllegalStateException("Parallel.forRange: a block failed", e);
    }
  }

  /**
   * Starts {@link #forRange(int, int, RangeBody)} on the pool and returns at once, so that the
   * caller can wait interruptibly ({@link Future#get()} throws {@code InterruptedException}, where
   * the pool's own joins ignore interrupts until the work is done) and then tell long-running
   * bodies to stop, e.g. through a flag they check. With one thread, or a single block, the body
   * runs at once on the calling thread (its exceptions are thrown here) and the future is already
   * done.
   *
   * @param n number of indices, >= 0
   * @param block indices per task, >= 1
   * @param body the loop body, called on disjoint ranges
   * @return the running loop; {@code get()} rethrows the body's exception wrapped in an {@code
   *     ExecutionException}
   * @throws IllegalArgumentException if {@code block < 1}
   */
  public static Future<?> start(int n, int block, RangeBody body) {
    if (block < 1) {
      throw new IllegalArgumentException("Parallel.start: block must be >= 1, got " + block);
    }
    if (n <= block || pool.getParallelism() == 1) {
      body.run(0, n);
      return CompletableFuture.completedFuture(null);
    }
    int blocks = (int) (((long) n + block - 1) / block);
    return pool.submit(new BlockTask(body, n, block, 0, blocks));
  }

  /**
   * Waits for a loop begun by {@link #start}, whose bodies check {@code stop}: an interrupt of the
   * waiting thread sets {@code stop} and the wait goes on until the bodies have ended, so that
   * finished work is kept; a failed body sets {@code stop} too, so the others end early.
   *
   * @param running the loop
   * @param stop the flag the bodies check
   * @param whileWaiting run about every 200 ms while waiting (e.g. to report progress)
   * @param failure message of the exception that wraps a checked exception of a body
   * @return whether the waiting thread was interrupted (then failures are not rethrown)
   * @throws RuntimeException the exception of a failed body, when not interrupted
   */
  public static boolean awaitStoppable(
      Future<?> running, AtomicBoolean stop, Runnable whileWaiting, String failure) {
    boolean interrupted = false;
    while (true) {
      try {
        running.get(200, TimeUnit.MILLISECONDS);
        return interrupted;
      } catch (TimeoutException e) {
        whileWaiting.run();
      } catch (InterruptedException e) {
        interrupted = true;
        stop.set(true);
      } catch (CancellationException e) {
        stop.set(true);
        if (interrupted) {
          return true;
        }
        throw e;
      } catch (ExecutionException e) {
        stop.set(true);
        Throwable cause = e.getCause();
        if (interrupted || cause instanceof CancellationException) {
          return true;
        }
        if (cause instanceof RuntimeException) {
          throw (RuntimeException) cause;
        }
        if (cause instanceof Error) {
          throw (Error) cause;
        }
        throw new IllegalStateException(failure, cause);
      }
    }
  }

  /**
   * Sums {@code body} over {@code [0, n)}: each block of {@link #BLOCK} indices is summed by the
   * body, the block sums are added in block order. Deterministic for any thread count.
   */
  public static double sum(int n, RangeSum body) {
    if (n <= BLOCK) {
      return body.sum(0, n);
    }
    int blocks = (n + BLOCK - 1) / BLOCK;
    double[] partial = new double[blocks];
    forRange(
        n,
        (from, to) -> {
          for (int b = from / BLOCK; b * BLOCK < to; b++) {
            int start = b * BLOCK;
            partial[b] = body.sum(start, Math.min(n, start + BLOCK));
          }
        });
    double total = 0;
    for (double p : partial) {
      total += p;
    }
    return total;
  }

  /** Splits a range of blocks in halves until one block remains. */
  private static final class BlockTask extends RecursiveAction {
    private final RangeBody body;
    private final int n;
    private final int block;
    private final int firstBlock;
    private final int endBlock;

    BlockTask(RangeBody body, int n, int block, int firstBlock, int endBlock) {
      this.body = body;
      this.n = n;
      this.block = block;
      this.firstBlock = firstBlock;
      this.endBlock = endBlock;
    }

    @Override
    protected void compute() {
      if (endBlock - firstBlock == 1) {
        int from = firstBlock * block;
        body.run(from, Math.min(n, from + block));
        return;
      }
      int mid = (firstBlock + endBlock) >>> 1;
      invokeAll(
          new BlockTask(body, n, block, firstBlock, mid),
          new BlockTask(body, n, block, mid, endBlock));
    }
  }
}
