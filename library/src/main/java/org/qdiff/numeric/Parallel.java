package org.qdiff.numeric;

import java.util.concurrent.ForkJoinPool;
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
    pool.invoke(new BlockTask(body, n, 0, blocks));
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
    private final int firstBlock;
    private final int endBlock;

    BlockTask(RangeBody body, int n, int firstBlock, int endBlock) {
      this.body = body;
      this.n = n;
      this.firstBlock = firstBlock;
      this.endBlock = endBlock;
    }

    @Override
    protected void compute() {
      if (endBlock - firstBlock == 1) {
        int from = firstBlock * BLOCK;
        body.run(from, Math.min(n, from + BLOCK));
        return;
      }
      int mid = (firstBlock + endBlock) >>> 1;
      invokeAll(new BlockTask(body, n, firstBlock, mid), new BlockTask(body, n, mid, endBlock));
    }
  }
}
