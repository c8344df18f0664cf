package org.qdiff.kernel.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jdk.jshell.EvalException;

/**
 * An exception thrown by notebook code, with the part of its stack trace the user can act on.
 *
 * <p>JShell reports the user's exception as an {@link EvalException} carrying the original class
 * name, message and stack trace. Frames of snippets are shown as cell lines; the frames below the
 * cell's own code (reflection, JShell, the kernel's execution thread) are dropped.
 */
public final class SnippetException extends RuntimeException implements NotebookError {

  private static final long serialVersionUID = 1L;

  /** Beyond this many frames per exception, the middle of the trace is left out. */
  private static final int MAX_FRAMES = 40;

  private final String exceptionClassName;
  private final transient List<String> traceback;

  private SnippetException(String exceptionClassName, String message, List<String> traceback) {
    super(message);
    this.exceptionClassName = exceptionClassName;
    this.traceback = List.copyOf(traceback);
  }

  /**
   * @param thrown JShell's report of the exception
   * @param origins where each snippet (by JShell id) came from
   */
  static SnippetException of(EvalException thrown, Map<String, SnippetOrigin> origins) {
    List<String> lines = new ArrayList<>();
    Throwable current = thrown;
    boolean first = true;
    while (current != null) {
      String className =
          current instanceof EvalException eval
              ? eval.getExceptionClassName()
              : current.getClass().getName();
      String header = className + (current.getMessage() == null ? "" : ": " + current.getMessage());
      lines.add(
          first ? Ansi.RED + header + Ansi.RESET : Ansi.RED + "Caused by: " + header + Ansi.RESET);
      lines.addAll(frames(current.getStackTrace(), origins));
      current = current.getCause() == current ? null : current.getCause();
      first = false;
    }
    String message = thrown.getMessage() == null ? "" : thrown.getMessage();
    return new SnippetException(thrown.getExceptionClassName(), message, lines);
  }

  private static List<String> frames(
      StackTraceElement[] trace, Map<String, SnippetOrigin> origins) {
    int lastSnippetFrame = -1;
    for (int i = 0; i < trace.length; i++) {
      if (isSnippetFrame(trace[i])) {
        lastSnippetFrame = i;
      }
    }
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < trace.length; i++) {
      StackTraceElement frame = trace[i];
      if (lastSnippetFrame >= 0 ? i > lastSnippetFrame : isKernelInternal(frame)) {
        continue;
      }
      lines.add("    at " + describe(frame, origins));
    }
    if (lines.size() > MAX_FRAMES) {
      int head = MAX_FRAMES * 3 / 4;
      int tail = MAX_FRAMES - head;
      List<String> shortened = new ArrayList<>(lines.subList(0, head));
      shortened.add("    ... " + (lines.size() - MAX_FRAMES) + " frames left out ...");
      shortened.addAll(lines.subList(lines.size() - tail, lines.size()));
      return shortened;
    }
    return lines;
  }

  /** JShell rewrites frames of snippet code: empty class name, file name "#id". */
  private static boolean isSnippetFrame(StackTraceElement frame) {
    return frame.getFileName() != null
        && frame.getFileName().startsWith("#")
        && (frame.getClassName().isEmpty() || frame.getClassName().startsWith("REPL."));
  }

  private static boolean isKernelInternal(StackTraceElement frame) {
    String name = frame.getClassName();
    return name.startsWith("jdk.internal.reflect.")
        || name.startsWith("java.lang.reflect.")
        || name.startsWith("jdk.jshell.")
        || name.startsWith("org.qdiff.kernel.")
        || name.startsWith("java.lang.Thread");
  }

  private static String describe(StackTraceElement frame, Map<String, SnippetOrigin> origins) {
    if (!isSnippetFrame(frame)) {
      return frame.toString();
    }
    SnippetOrigin origin = origins.get(frame.getFileName().substring(1));
    String where =
        origin == null
            ? "snippet " + frame.getFileName() + ", line " + frame.getLineNumber()
            : origin.describe(frame.getLineNumber());
    String method = frame.getMethodName();
    return method.isEmpty() || method.equals("do_it$")
        ? Ansi.CYAN + where + Ansi.RESET
        : method + " (" + Ansi.CYAN + where + Ansi.RESET + ")";
  }

  /** The fully qualified class name of the exception the notebook code threw. */
  public String exceptionClassName() {
    return exceptionClassName;
  }

  @Override
  public String errorName() {
    String simple = exceptionClassName.substring(exceptionClassName.lastIndexOf('.') + 1);
    return simple.replace('$', '.');
  }

  @Override
  public String errorValue() {
    return getMessage();
  }

  @Override
  public List<String> traceback() {
    return traceback;
  }
}
