package org.qdiff.kernel.output;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;

/**
 * The output side of the running cell: stdout, stderr and displays, sent to the notebook while the
 * cell runs.
 *
 * <p>Printed text is buffered and sent every {@value #FLUSH_MILLIS} ms, so a loop that prints a
 * line per step shows its progress without flooding the front end with one message per line. Any
 * thread may print or display (the library's thread pool, a progress bar); everything goes through
 * one gate that {@link #close()} shuts before the kernel sends the cell's result and reply, so no
 * output of a finished cell can arrive after its reply. Text printed while no cell runs goes to the
 * kernel process's own streams (the Jupyter server's log).
 */
public final class CellOutput {

  /** Interval of sending buffered stdout/stderr while a cell runs. */
  static final long FLUSH_MILLIS = 100;

  /** Buffered text beyond this size is sent at once, without waiting for the next interval. */
  private static final int EAGER_FLUSH_BYTES = 64 * 1024;

  private final Object gate = new Object();
  private ShellReplyEnvironment env; // guarded by gate

  private final PrintStream stdout;
  private final PrintStream stderr;

  /**
   * Starts the thread that sends buffered text; it is a daemon and lives as long as the kernel.
   *
   * @param processOut where text printed while no cell runs goes (the kernel's log)
   * @param processErr the same for stderr
   */
  public CellOutput(PrintStream processOut, PrintStream processErr) {
    this.stdout =
        new PrintStream(
            new StreamBuffer(PublishStream.StreamType.OUT, processOut),
            false,
            StandardCharsets.UTF_8);
    this.stderr =
        new PrintStream(
            new StreamBuffer(PublishStream.StreamType.ERR, processErr),
            false,
            StandardCharsets.UTF_8);
    ScheduledExecutorService flusher =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "qdiff-output-flusher");
              thread.setDaemon(true);
              return thread;
            });
    flusher.scheduleWithFixedDelay(
        this::flushStreams, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** The cell's {@code System.out}. */
  public PrintStream stdout() {
    return stdout;
  }

  /** The cell's {@code System.err}. */
  public PrintStream stderr() {
    return stderr;
  }

  /** Directs output to the cell whose execute request {@code env} answers. */
  public void open(ShellReplyEnvironment cellEnv) {
    synchronized (gate) {
      this.env = cellEnv;
    }
  }

  /** Sends what is buffered and shuts the gate: nothing reaches the finished cell after this. */
  public void close() {
    flushStreams();
    synchronized (gate) {
      env = null;
    }
  }

  /** Whether a cell is running and receives output. */
  public boolean isOpen() {
    synchronized (gate) {
      return env != null;
    }
  }

  /** Shows data below the cell; text printed before it is sent first, to keep the order. */
  public void display(DisplayData data) {
    flushStreams();
    publish(new PublishDisplayData(data));
  }

  /** Replaces an earlier display that has the same display id (e.g. a progress bar). */
  public void updateDisplay(DisplayData data) {
    if (!data.hasDisplayId()) {
      throw new IllegalArgumentException(
          "updateDisplay: the data needs a display_id, the one returned by display(...)");
    }
    publish(new PublishUpdateDisplayData(data));
  }

  /** Sends to the running cell; returns false when no cell runs. */
  private <T extends ContentType<T>> boolean publish(T content) {
    synchronized (gate) {
      if (env == null) {
        return false;
      }
      env.publish(content);
      return true;
    }
  }

  /** Sends buffered stdout and stderr now. */
  public void flushStreams() {
    stdout.flush();
    stderr.flush();
  }

  /** Bytes printed by the cell, sent as Jupyter {@code stream} messages. */
  private final class StreamBuffer extends OutputStream {
    private final PublishStream.StreamType type;
    private final PrintStream processStream;
    private byte[] bytes = new byte[8192];
    private int count;

    StreamBuffer(PublishStream.StreamType type, PrintStream processStream) {
      this.type = type;
      this.processStream = processStream;
    }

    @Override
    public synchronized void write(int b) {
      ensureCapacity(count + 1);
      bytes[count++] = (byte) b;
      flushIfLarge();
    }

    @Override
    public synchronized void write(byte[] source, int offset, int length) {
      ensureCapacity(count + length);
      System.arraycopy(source, offset, bytes, count, length);
      count += length;
      flushIfLarge();
    }

    private void ensureCapacity(int needed) {
      if (needed > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
      }
    }

    private void flushIfLarge() {
      if (count >= EAGER_FLUSH_BYTES) {
        flush();
      }
    }

    @Override
    public synchronized void flush() {
      int complete = completeUtf8Prefix();
      if (complete == 0) {
        return;
      }
      String text = new String(bytes, 0, complete, StandardCharsets.UTF_8);
      System.arraycopy(bytes, complete, bytes, 0, count - complete);
      count -= complete;
      if (!publish(new PublishStream(type, text))) {
        // Printed by a thread that outlived its cell: keep it in the kernel's log.
        processStream.print(text);
        processStream.flush();
      }
    }

    /**
     * Length of the buffer's prefix that ends on a character boundary: a character split between
     * two writes is sent whole with the next flush.
     */
    private int completeUtf8Prefix() {
      int start = count - 1;
      int back = 0;
      while (start >= 0 && back < 4 && (bytes[start] & 0xC0) == 0x80) {
        start--;
        back++;
      }
      if (start < 0) {
        return count;
      }
      int lead = bytes[start] & 0xFF;
      int length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
      return count - start >= length ? count : start;
    }
  }
}
