package org.qdiff.numeric;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.RecursiveAction;

/**
 * The thread pool of qdiff's kernels and the loops that use it.
 *
 * <p>Index ranges are cut into blocks of a fixed size ({@link #BLOCK}) that does not depend on the
 * number of threads; reductions sum each block sequentially and then add the block results in block
 * order. The numbers therefore do not depend on how many threads run, only the speed does.
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
    int blocks = (n + BLOCK - 1) / BLOCK;
    pool.invoke(new BlockTask(body, n, BLOCK, 0, blocks));
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
    int blocks = (int) (((long) n + block - 1) / block);
    pool.invoke(new BlockTask(body, n, block, 0, blocks));
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
