package org.qdiff.kernel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Loads the slow parts of the stack on a background thread while the kernel starts, so the first
 * cell that uses them does not wait: ND4J's native backend (seconds: it loads OpenBLAS and the
 * libnd4j binaries) and Java2D's fonts and PNG encoder (the first chart).
 *
 * <p>The thread runs at normal priority: on a 2-core machine it shares the cores with JShell's
 * start, and ND4J is what the first cells of qdiff notebooks need.
 */
final class WarmUp {

  /** Longest wait of the first cell for ND4J; beyond it the cell runs anyway. */
  private static final long ND4J_WAIT_SECONDS = 60;

  private final CountDownLatch nd4jReady = new CountDownLatch(1);

  private WarmUp() {}

  /** Starts warming up on a daemon thread; returns at once. */
  static WarmUp startInBackground() {
    WarmUp warmUp = new WarmUp();
    Thread thread = new Thread(warmUp::run, "qdiff-warm-up");
    thread.setDaemon(true);
    thread.start();
    return warmUp;
  }

  /**
   * Waits until ND4J is loaded with DOUBLE as its default data type. The kernel calls this before
   * the first cell: a cell that reached ND4J while the warm-up thread was still loading it would
   * otherwise create arrays in ND4J's default FLOAT.
   */
  void awaitNd4j() {
    try {
      nd4jReady.await(ND4J_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    try {
      // qdiff computes in double precision; ND4J's default is float.
      Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
      Nd4j.scalar(1.0).addi(1.0).sumNumber();
    } catch (Throwable t) {
      // A cell using ND4J will report the problem with its own stack trace.
      System.err.println("qdiff kernel: ND4J warm-up failed: " + t);
    } finally {
      nd4jReady.countDown();
    }
    try {
      XYChart chart = new XYChartBuilder().width(64).height(48).title("warm-up").build();
      chart.addSeries("s", new double[] {0, 1}, new double[] {0, 1});
      BitmapEncoder.saveBitmap(chart, new ByteArrayOutputStream(), BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException | RuntimeException | Error e) {
      System.err.println("qdiff kernel: chart warm-up failed: " + e);
    }
  }
}
