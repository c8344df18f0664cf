package org.qdiff.kernel.execution;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs JShell snippets inside the kernel's own JVM, each on a fresh thread that an interrupt can
 * stop.
 *
 * <p>This is JShell's local execution engine with three changes the kernel needs:
 *
 * <ul>
 *   <li>the value of an expression is kept as an object (JShell's engine keeps only its {@code
 *       toString()}), so the kernel can render a {@code Table} as HTML or a chart as PNG;
 *   <li>{@link #stop()} first interrupts the snippet thread, which lets loops that check {@code
 *       Thread.interrupted()} end cleanly, and only then stops it with {@link Thread#stop()}, which
 *       on Java 17 also ends a tight {@code while (true) {}};
 *   <li>it neither replaces the JVM-wide default uncaught exception handler nor stops every thread
 *       the cell started (thread pools of the library keep working).
 * </ul>
 */
public final class CellExecutionControl extends DirectExecutionControl {

  /** How long an interrupted snippet may take to end by itself before it is stopped. */
  private static final long GRACE_MILLIS = 300;

  private static final String RESULT_KEY_PREFIX = "qdiff-value-";

  /** Stands for a {@code null} value in the map of results, which takes no nulls. */
  private static final Object NULL_VALUE = new Object();

  private final SnippetClassLoader classLoader;
  private final SnippetClassLoader.Delegate loaderDelegate;
  private final Map<String, Object> results = new ConcurrentHashMap<>();
  private final AtomicLong resultCounter = new AtomicLong();
  private final AtomicLong threadCounter = new AtomicLong();
  private final Object runningLock = new Object();
  private Thread running; // guarded by runningLock
  private volatile boolean stoppedLastSnippet;

  private CellExecutionControl(
      SnippetClassLoader classLoader, SnippetClassLoader.Delegate loaderDelegate) {
    super(loaderDelegate);
    this.classLoader = classLoader;
    this.loaderDelegate = loaderDelegate;
  }

  /**
   * Creates the control and the class loader of notebook code.
   *
   * @param kernelClassLoader the loader of the kernel and the qdiff library
   * @param kernelClasspath the kernel's class path string (entries are not loaded twice)
   */
  public static CellExecutionControl create(ClassLoader kernelClassLoader, String kernelClasspath) {
    SnippetClassLoader loader =
        new SnippetClassLoader(kernelClassLoader, SnippetClassLoader.entriesOf(kernelClasspath));
    return new CellExecutionControl(loader, new SnippetClassLoader.Delegate(loader));
  }

  /** Releases the value held by older declarations of a variable that was declared again. */
  void releaseOverwritten(String variable) {
    loaderDelegate.releaseOverwritten(variable);
  }

  /** The loader of notebook classes and of jars added by magics. */
  public ClassLoader classLoader() {
    return classLoader;
  }

  /** A provider handing this control to {@code JShell.builder().executionEngine(...)}. */
  public ExecutionControlProvider provider() {
    CellExecutionControl control = this;
    return new ExecutionControlProvider() {
      @Override
      public String name() {
        return "qdiff-local";
      }

      @Override
      public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return control;
      }
    };
  }

  @Override
  protected String invoke(Method doitMethod) throws Exception {
    AtomicReference<Object> value = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread snippet =
        new Thread(
            () -> {
              try {
                value.set(doitMethod.invoke(null));
              } catch (Throwable t) {
                failure.set(t);
              }
            },
            "qdiff-cell-" + threadCounter.incrementAndGet());
    // Daemon, so a snippet that survives a stop cannot keep a shut-down kernel alive.
    snippet.setDaemon(true);
    snippet.setContextClassLoader(classLoader);
    stoppedLastSnippet = false;
    synchronized (runningLock) {
      running = snippet;
    }
    try {
      snippet.start();
      joinUninterruptibly(snippet);
    } finally {
      synchronized (runningLock) {
        running = null;
      }
    }

    Throwable thrown = failure.get();
    if (thrown instanceof InvocationTargetException wrapped) {
      thrown = wrapped.getCause();
      if (isStop(thrown)) {
        stoppedLastSnippet = true;
        throw new StoppedException();
      }
      throw wrapped;
    }
    if (isStop(thrown)) {
      stoppedLastSnippet = true;
      throw new StoppedException();
    }
    if (thrown instanceof Exception exception) {
      throw exception;
    }
    if (thrown instanceof Error error) {
      throw error;
    }
    String key = RESULT_KEY_PREFIX + resultCounter.incrementAndGet();
    results.put(key, value.get() == null ? NULL_VALUE : value.get());
    return key;
  }

  @SuppressWarnings("removal")
  private static boolean isStop(Throwable thrown) {
    return thrown instanceof ThreadDeath;
  }

  private static void joinUninterruptibly(Thread thread) {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Takes the value an executed snippet produced, given the value string JShell reported for it.
   *
   * @return the value, {@code null} if it was null or if {@code valueKey} is not one of ours
   */
  public Object takeValue(String valueKey) {
    if (valueKey == null) {
      return null;
    }
    Object value = results.remove(valueKey);
    return value == NULL_VALUE ? null : value;
  }

  /** Forgets values nobody took (declarations also produce one), so they can be collected. */
  public void forgetValues() {
    results.clear();
  }

  /** Whether the last snippet ended because of {@link #stop()}. */
  public boolean stoppedLastSnippet() {
    return stoppedLastSnippet;
  }

  /**
   * Ends the running snippet, if any: an interrupt first, then, after a short grace period, {@link
   * Thread#stop()}. Called from the kernel's control thread while the shell thread waits for the
   * snippet.
   */
  @Override
  @SuppressWarnings({"deprecation", "removal"})
  public void stop() {
    Thread snippet;
    synchronized (runningLock) {
      snippet = running;
    }
    if (snippet == null) {
      return;
    }
    snippet.interrupt();
    try {
      snippet.join(GRACE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (snippet.isAlive()) {
      try {
        snippet.stop();
      } catch (UnsupportedOperationException e) {
        // Java 20+ removed Thread.stop: only code that checks for interrupts can be stopped there.
      }
    }
  }
}
