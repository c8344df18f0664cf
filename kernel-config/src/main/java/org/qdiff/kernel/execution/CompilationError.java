package org.qdiff.kernel.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jdk.jshell.Diag;

/** A snippet that did not compile, with each diagnostic shown at its line in the cell. */
public final class CompilationError extends RuntimeException implements NotebookError {

  private static final long serialVersionUID = 1L;

  private final transient List<String> traceback;

  private CompilationError(String message, List<String> traceback) {
    super(message);
    this.traceback = List.copyOf(traceback);
  }

  /**
   * Describes the errors of a rejected snippet.
   *
   * @param source the snippet's source as given to JShell (positions refer to it)
   * @param diagnostics JShell's diagnostics of the snippet
   * @param origin where the snippet starts in the cell
   */
  static CompilationError of(String source, List<Diag> diagnostics, SnippetOrigin origin) {
    List<String> lines = new ArrayList<>();
    String firstMessage = null;
    for (Diag diag : diagnostics) {
      if (!diag.isError()) {
        continue;
      }
      String message = readableMessage(diag);
      if (firstMessage == null) {
        // One line for evalue: "cannot find symbol; symbol: variable foo".
        firstMessage =
            String.join(
                "; ", message.lines().map(line -> line.strip().replaceAll("\\s+", " ")).toList());
      }
      lines.addAll(pointAt(source, diag, origin));
      message.lines().forEach(line -> lines.add(Ansi.RED + line + Ansi.RESET));
      lines.add("");
    }
    if (firstMessage == null) {
      // JShell rejected the snippet without an error diagnostic, e.g. for a bare modifier.
      firstMessage = "the snippet was rejected by the Java compiler";
      lines.add(origin.describe(1));
      source.lines().forEach(line -> lines.add("    " + line));
    }
    return new CompilationError(firstMessage, lines);
  }

  /** Removes javac's "location:" lines, which name JShell's wrapper class, not user code. */
  private static String readableMessage(Diag diag) {
    StringBuilder message = new StringBuilder();
    for (String line : diag.getMessage(Locale.ROOT).split("\\R")) {
      if (!line.strip().startsWith("location:")) {
        if (message.length() > 0) {
          message.append('\n');
        }
        message.append(line);
      }
    }
    return message.toString();
  }

  private static List<String> pointAt(String source, Diag diag, SnippetOrigin origin) {
    long start = diag.getStartPosition();
    long end = diag.getEndPosition();
    long position = diag.getPosition();
    if (position < 0 || position > source.length()) {
      return List.of(Ansi.CYAN + origin.where() + Ansi.RESET);
    }
    int at = (int) position;
    int line = JavaSource.lineOf(source, at);
    int lineStart = source.lastIndexOf('\n', Math.max(at - 1, 0)) + 1;
    if (at == 0) {
      lineStart = 0;
    }
    int lineEnd = source.indexOf('\n', lineStart);
    String text = source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd);
    int from = (int) Math.max(start < 0 ? position : start, lineStart) - lineStart;
    int to = (int) Math.min(end < 0 ? position + 1 : end, lineStart + text.length()) - lineStart;
    from = Math.min(from, text.length());
    to = Math.max(to, from + 1);
    String caret = " ".repeat(from) + "^".repeat(to - from);
    return List.of(
        Ansi.CYAN + origin.describe(line + 1) + ", column " + (from + 1) + Ansi.RESET,
        "    " + text,
        "    " + Ansi.GREEN + caret + Ansi.RESET);
  }

  @Override
  public String errorName() {
    return "CompilationError";
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
