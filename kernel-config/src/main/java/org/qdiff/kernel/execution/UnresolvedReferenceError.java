package org.qdiff.kernel.execution;

import java.util.ArrayList;
import java.util.List;

/**
 * Notebook code called a method or class declared in an earlier cell whose body still refers to
 * something undefined.
 */
public final class UnresolvedReferenceError extends RuntimeException implements NotebookError {

  private static final long serialVersionUID = 1L;

  private final transient List<String> traceback;

  UnresolvedReferenceError(String declaration, List<String> unresolved, SnippetOrigin origin) {
    super(declaration + " cannot be used until " + String.join(", ", unresolved) + " is defined");
    List<String> lines = new ArrayList<>();
    lines.add(Ansi.RED + "UnresolvedReference" + Ansi.RESET + ": " + getMessage());
    if (origin != null) {
      lines.add("    declared in " + Ansi.CYAN + origin.describe(1) + Ansi.RESET);
    }
    this.traceback = List.copyOf(lines);
  }

  @Override
  public String errorName() {
    return "UnresolvedReference";
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
